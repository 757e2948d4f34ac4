using Microsoft.Extensions.Options;

namespace FactCheck.Web.Infrastructure;

/// Outside Development the desk is served over HTTPS only (its cookies are Secure). A plain-HTTP request, one that
/// reached the app directly or through a proxy not named in FactCheck:ReverseProxy, is sent to the same path on
/// FactCheck:PublicUrl (never to the Host it named), or refused with a problem when redirecting would repeat a form
/// post or an API call in the clear. The health check stays reachable for load balancers.
public sealed class HttpsOnly(RequestDelegate next, IOptions<FactCheckOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/healthz"))
        {
            return next(context);
        }

        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = options.Value.PublicUrl!.TrimEnd('/') + request.Path + request.QueryString;
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "HTTPS required",
                Detail = $"FactCheck answers only over HTTPS: use {options.Value.PublicUrl}. (Behind a proxy, name it in FactCheck:ReverseProxy:KnownProxies.)",
            },
        }).AsTask();
    }
}
