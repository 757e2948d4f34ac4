using FactCheck.Web.Components;
using Microsoft.Net.Http.Headers;

namespace FactCheck.Web.Infrastructure;

/// Blazor's server renderer issues an antiforgery token (and its cookie, with no-store headers) on every page.
/// Pages marked [PublicPage] have no form, so the token is useless there and the cookie would make them
/// uncacheable; this drops both before the response starts.
public sealed class PublicPageMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is not null && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.OnStarting(static state =>
            {
                var response = ((HttpContext)state).Response;
                response.Headers.Remove(HeaderNames.SetCookie);
                response.Headers.Remove(HeaderNames.Pragma);
                response.Headers.CacheControl = "no-cache";
                return Task.CompletedTask;
            }, context);
        }

        return next(context);
    }
}
