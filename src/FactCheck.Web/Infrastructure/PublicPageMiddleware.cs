using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using FactCheck.Web.Components;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FactCheck.Web.Infrastructure;

/// Blazor's server renderer issues an antiforgery token on every page: a cookie, plus "no-cache, no-store" and
/// "Pragma: no-cache" headers. Pages marked [PublicPage] have no form, so the token is useless there, and the cookie
/// and headers would make them uncacheable (and, cached anyway, hand one reader's cookie to the next). For those
/// pages this middleware makes cookies a no-op and keeps the cache headers it sets itself, before anything renders,
/// and gives pages a strong ETag (PageValidator). It runs only when the output cache has no entry for the request.
public sealed class PublicPageMiddleware(RequestDelegate next)
{
    /// Any cache (the browser's, nginx, a CDN) may store the page but must revalidate it on every use: a correction is
    /// then seen at the next request, and revalidating costs a 304 with no body, answered from the output cache.
    public const string PublicCacheControl = "public, no-cache";

    /// nginx does not implement "store, but revalidate every use" from Cache-Control (it refuses to store no-cache):
    /// this nginx-only header (nginx hides it from clients) stores the page already expired, so nginx revalidates
    /// it with If-None-Match on every request. Deployment/nginx/factcheck.conf ignores Cache-Control for that reason.
    public const string NginxExpires = "X-Accel-Expires";

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<PublicPageAttribute>() is null
            || !HttpMethods.IsGet(context.Request.Method)
            || context.Features.Get<IHttpResponseFeature>() is not { } response)
        {
            return next(context);
        }

        context.Features.Set<IResponseCookiesFeature>(new NoCookies());

        // The page is the same for every reader and may be cached for all of them, so it renders as an anonymous
        // reader's without the reader's cookies (the language is already chosen, from the address or the browser):
        // otherwise the antiforgery token Blazor persists in every page would be a signed-in reader's own.
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
        context.Request.Headers.Remove(HeaderNames.Cookie);
        response.Headers.CacheControl = PublicCacheControl;
        response.Headers[NginxExpires] = "@1";
        response.Headers.ContentLanguage = PublicSite.CurrentLanguage;
        if (!PublicSite.LanguageInAddress(context))
        {
            // Without ?lang= the language comes from the browser's preference; with it, from the address alone.
            response.Headers.Vary = HeaderNames.AcceptLanguage;
        }

        context.Features.Set<IHttpResponseFeature>(new FixedCacheHeaders(response));

        // Feeds compute their own validators; pages get a hash of what they render.
        return endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null
            ? next(context)
            : PageValidator.RenderAsync(context, next);
    }

    private sealed class NoCookies : IResponseCookiesFeature, IResponseCookies
    {
        public IResponseCookies Cookies => this;

        public void Append(string key, string value)
        {
        }

        public void Append(string key, string value, CookieOptions options)
        {
        }

        public void Delete(string key)
        {
        }

        public void Delete(string key, CookieOptions options)
        {
        }
    }

    /// The response feature with headers that ignore later writes of Cache-Control, Pragma and Set-Cookie.
    private sealed class FixedCacheHeaders(IHttpResponseFeature inner) : IHttpResponseFeature
    {
        private readonly GuardedHeaders headers = new(inner.Headers);

        public int StatusCode { get => inner.StatusCode; set => inner.StatusCode = value; }

        public string? ReasonPhrase { get => inner.ReasonPhrase; set => inner.ReasonPhrase = value; }

        public IHeaderDictionary Headers { get => headers; set => throw new NotSupportedException(); }

        [Obsolete("Use IHttpResponseBodyFeature.Stream instead.")]
        public Stream Body { get => inner.Body; set => inner.Body = value; }

        public bool HasStarted => inner.HasStarted;

        public void OnStarting(Func<object, Task> callback, object state) => inner.OnStarting(callback, state);

        public void OnCompleted(Func<object, Task> callback, object state) => inner.OnCompleted(callback, state);
    }

    private sealed class GuardedHeaders(IHeaderDictionary inner) : IHeaderDictionary
    {
        private static bool Guarded(string key) =>
            key.Equals(HeaderNames.CacheControl, StringComparison.OrdinalIgnoreCase)
            || key.Equals(HeaderNames.Pragma, StringComparison.OrdinalIgnoreCase)
            || key.Equals(HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase);

        // Reads of the guarded headers see nothing: antiforgery, finding a Cache-Control it is about to override,
        // would log a warning on every page it renders (every cache miss) although it overrides nothing here.
        public StringValues this[string key]
        {
            get => Guarded(key) ? StringValues.Empty : inner[key];
            set
            {
                if (!Guarded(key))
                {
                    inner[key] = value;
                }
            }
        }

        public long? ContentLength { get => inner.ContentLength; set => inner.ContentLength = value; }

        public ICollection<string> Keys => inner.Keys;

        public ICollection<StringValues> Values => inner.Values;

        public int Count => inner.Count;

        public bool IsReadOnly => inner.IsReadOnly;

        StringValues IDictionary<string, StringValues>.this[string key] { get => this[key]; set => this[key] = value; }

        public void Add(string key, StringValues value)
        {
            if (!Guarded(key))
            {
                inner.Append(key, value);
            }
        }

        public void Add(KeyValuePair<string, StringValues> item) => Add(item.Key, item.Value);

        public void Clear() => inner.Clear();

        public bool Contains(KeyValuePair<string, StringValues> item) => inner.Contains(item);

        public bool ContainsKey(string key) => !Guarded(key) && inner.ContainsKey(key);

        public void CopyTo(KeyValuePair<string, StringValues>[] array, int arrayIndex) => inner.CopyTo(array, arrayIndex);

        public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => inner.GetEnumerator();

        public bool Remove(string key) => inner.Remove(key);

        public bool Remove(KeyValuePair<string, StringValues> item) => inner.Remove(item);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out StringValues value)
        {
            if (Guarded(key))
            {
                value = StringValues.Empty;
                return false;
            }

            return inner.TryGetValue(key, out value);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
