namespace FactCheck.Web.Infrastructure;

/// Security headers on every response (NetEscapades.AspNetCore.SecurityHeaders). The Content-Security-Policy is
/// the strictest the pages work under: scripts only from this site (blazor.web.js and MudBlazor's file; no inline
/// script, no eval), the Blazor circuit's WebSocket to this site, styles from this site plus inline style
/// attributes (MudBlazor writes its theme and positions as inline styles), images from this site or data: URLs,
/// no plugins, no framing by other sites, forms posting only here. HSTS is added by UseHsts outside Development.
/// The Hangfire dashboard (/jobs, admins only) writes inline script, so it gets the same headers without the CSP.
public static class SecurityHeaders
{
    public static HeaderPolicyCollection Policy(bool withContentSecurityPolicy)
    {
        var policy = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(builder => builder.SameOrigin())
            .AddCustomHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
            .RemoveServerHeader();
        if (withContentSecurityPolicy)
        {
            policy.AddContentSecurityPolicy(builder =>
            {
                builder.AddDefaultSrc().Self();
                builder.AddScriptSrc().Self();
                builder.AddConnectSrc().Self();
                builder.AddStyleSrc().Self().UnsafeInline();
                builder.AddImgSrc().Self().Data();
                builder.AddFontSrc().Self().Data();
                builder.AddObjectSrc().None();
                builder.AddBaseUri().Self();
                builder.AddFormAction().Self();
                builder.AddFrameAncestors().None();
            });
        }

        return policy;
    }

    public static IApplicationBuilder UseFactCheckSecurityHeaders(this IApplicationBuilder app)
    {
        var pages = Policy(withContentSecurityPolicy: true);
        var jobs = Policy(withContentSecurityPolicy: false);
        return app.UseWhen(
                context => context.Request.Path.StartsWithSegments("/jobs"),
                branch => branch.UseSecurityHeaders(jobs))
            .UseWhen(
                context => !context.Request.Path.StartsWithSegments("/jobs"),
                branch => branch.UseSecurityHeaders(pages));
    }
}
