using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace FactCheck.Web.Infrastructure;

/// Rate limits are policies attached to their endpoints ([EnableRateLimiting] on a page, RequireRateLimiting on an API
/// route), never matched against a path string: routing already maps /login/, /LOGIN and /api/tokens/ to the endpoint,
/// so every spelling shares its limit. Clients are counted by network (ClientNetwork: IPv4 address or IPv6 /64), as the
/// forwarded-headers middleware reports them behind a known proxy.
public static class RateLimiting
{
    /// Sign-in attempts: the form, POST /api/tokens and the password change, one budget per client network.
    public const string SignInPolicy = "sign-in";

    /// The public tip form, per sender network.
    public const string TipsPolicy = "tips";

    public static void AddSignInAndTipRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var loginsPerMinute = configuration.GetValue($"{FactCheckOptions.Section}:Security:LoginRequestsPerMinute", 10);
        var tipsPerTenMinutes = configuration.GetValue($"{FactCheckOptions.Section}:Security:TipsPerTenMinutes", 5);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;

            // Only posts count: reading the form is free. Partition keys carry the policy, so budgets never mix.
            options.AddPolicy(SignInPolicy, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    "sign-in:" + ClientNetwork.Of(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = loginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(TipsPolicy, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    "tips:" + ClientNetwork.Of(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = tipsPerTenMinutes, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 }));
        });
    }

    /// Tells the client which budget it ran out of and when to come back.
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var isTip = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == TipsPolicy;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(isTip ? 10 : 1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (title, detail) = isTip
            ? ("Too many tips", $"We have received several tips from your address in the last few minutes. Please wait {minutes} minute{(minutes == 1 ? "" : "s")}, then go back (your browser keeps what you wrote) and send it again.")
            : ("Too many attempts", "Too many sign-in attempts from your address. Wait a minute and try again.");

        // A person posting a form in a browser gets a page, not JSON.
        if (!http.Request.Path.StartsWithSegments("/api") && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{title} · FactCheck</title><link rel="stylesheet" href="/css/public.css"></head>
                <body><main class="site-main"><h1>{title}</h1><p role="alert">{detail}</p><p><a href="/">Back to FactCheck</a></p></main></body></html>
                """,
                cancellationToken);
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail },
        });
    }
}
