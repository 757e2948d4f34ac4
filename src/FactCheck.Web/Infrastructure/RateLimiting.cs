using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace FactCheck.Web.Infrastructure;

public static class RateLimiting
{
    public static void AddSignInAndTipRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var loginsPerMinute = configuration.GetValue($"{FactCheckOptions.Section}:Security:LoginRequestsPerMinute", 10);
        var tipsPerTenMinutes = configuration.GetValue($"{FactCheckOptions.Section}:Security:TipsPerTenMinutes", 5);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;

            // Sign-in by form and by API share one budget per client address; the tip form has its own, per sender
            // network (an IPv6 sender has a whole /64 to rotate through). Keys are prefixed so the budgets never mix.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var address = context.Connection.RemoteIpAddress;
                if (IsTipPost(context.Request))
                {
                    return RateLimitPartition.GetFixedWindowLimiter(
                        "tips:" + Features.Tips.TipRules.ClientNetwork(address),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = tipsPerTenMinutes, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 });
                }

                var isLogin = HttpMethods.IsPost(context.Request.Method)
                    && (context.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase) || context.Request.Path.Equals("/api/tokens", StringComparison.OrdinalIgnoreCase));
                if (!isLogin)
                {
                    return RateLimitPartition.GetNoLimiter("none");
                }

                return RateLimitPartition.GetFixedWindowLimiter(
                    "login:" + (address?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = loginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
    }

    /// Tells the client which budget it ran out of and when to come back.
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var isTip = IsTipPost(http.Request);
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(isTip ? 10 : 1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (title, detail) = isTip
            ? ("Too many tips", $"We have received several tips from your address in the last few minutes. Please wait {minutes} minute{(minutes == 1 ? "" : "s")}, then go back (your browser keeps what you wrote) and send it again.")
            : ("Too many attempts", "Too many sign-in attempts from your address. Wait a minute and try again.");

        // A reader posting the tip form in a browser gets a page, not JSON.
        if (isTip && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
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

    private static bool IsTipPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value?.TrimEnd('/').Equals("/tips", StringComparison.OrdinalIgnoreCase) == true;
}
