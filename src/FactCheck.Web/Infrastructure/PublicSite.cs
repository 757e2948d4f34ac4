using System.Globalization;
using FactCheck.Web.Components;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Infrastructure;

/// The reader-facing site: its two languages, its output cache and the language switch.
public static class PublicSite
{
    public const string CachePolicy = "public";
    public const string LanguageCookie = "factcheck.lang";
    public const string LanguageQuery = "lang";

    public static readonly IReadOnlyList<string> Languages = ["en", "id"];

    /// Query keys that change what a public page shows; any other query string shares the cached page.
    private static readonly string[] VaryingQueryKeys = [LanguageQuery, "q", "rating", "topic", "page", "since", "limit"];

    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        // These addresses end up in pages, ClaimReview markup, feeds and mail: only absolute http(s) ones start.
        services.AddOptions<FactCheckOptions>()
            .Validate(o => IsWebAddressOrEmpty(o.PublicUrl), "FactCheck:PublicUrl must be an absolute http:// or https:// address.")
            .Validate(o => IsWebAddressOrEmpty(o.Organisation.Url), "FactCheck:Organisation:Url must be an absolute http:// or https:// address.")
            .Validate(o => IsWebAddressOrEmpty(o.Organisation.MethodologyUrl), "FactCheck:Organisation:MethodologyUrl must be an absolute http:// or https:// address.")
            .Validate(o => IsWebAddressOrEmpty(o.Organisation.CorrectionsPolicyUrl), "FactCheck:Organisation:CorrectionsPolicyUrl must be an absolute http:// or https:// address.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Organisation.Name), "FactCheck:Organisation:Name must not be empty.")
            .ValidateOnStart();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Only the UI language changes: number and date formats of staff pages stay as they are, and public pages
            // format dates in the page's language explicitly.
            options.DefaultRequestCulture = new RequestCulture(CultureInfo.CurrentCulture, new CultureInfo("en"));
            options.SupportedCultures = [CultureInfo.CurrentCulture];
            options.SupportedUICultures = Languages.Select(l => new CultureInfo(l)).ToList();
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = LanguageQuery, UIQueryStringKey = LanguageQuery },
                new StaffPagesOnly(new CookieRequestCultureProvider { CookieName = LanguageCookie }),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddOutputCache(options =>
        {
            options.AddPolicy(CachePolicy, new PublicPageCachePolicy());
        });
        PublicCacheStore.Decorate(services);
        services.AddSingleton<PublicCache>();
        return services;
    }

    /// Before authentication and the rest: a cached public page is answered without touching anything else.
    /// Routing runs first (after HEAD has become GET) because the language and the cache policy depend on the page.
    public static WebApplication UsePublicSite(this WebApplication app)
    {
        app.UseMiddleware<HeadRequests>();
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseOutputCache();
        return app;
    }

    /// The language switch: remembers the choice in a cookie and returns to the page in that language. Public pages
    /// themselves never set a cookie, so they stay cacheable.
    public static void MapLanguageSwitch(this WebApplication app)
    {
        app.MapGet("/lang/{language}", (string language, string? @return, HttpContext context) =>
        {
            if (!Languages.Contains(language))
            {
                return Results.NotFound();
            }

            context.Response.Cookies.Append(
                LanguageCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365),
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps || !context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment(),
                });
            return Results.LocalRedirect(WithLanguage(IsLocalPath(@return) ? @return! : "/", language));
        }).ExcludeFromDescription();
    }

    /// The reader's language for this request: the ?lang= switch, then (staff pages only) the remembered choice, then
    /// the browser's.
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "id" ? "id" : "en";

    /// True when the page's address names its language; the page's own links then keep it.
    public static bool LanguageInAddress(HttpContext? context) =>
        context?.Request.Query[LanguageQuery].ToString() is "en" or "id";

    /// A link to another public page that keeps the language the reader chose in the address.
    public static string Href(HttpContext? context, string path) =>
        LanguageInAddress(context) ? WithLanguage(path, CurrentLanguage) : path;

    /// Sets (or replaces) ?lang= on a local address, keeping its other query values.
    public static string WithLanguage(string pathAndQuery, string? language)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        var query = question < 0 ? new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>()
            : Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(pathAndQuery[question..]);
        query.Remove(LanguageQuery);
        var pairs = query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        if (language is not null)
        {
            pairs.Add(new(LanguageQuery, language));
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, pairs);
    }

    public static bool IsWebAddressOrEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// A path on this site: "/x" but not "//host" or "/\host", and no control characters (browsers drop a tab or
    /// newline, so "/\t/host" would leave the site; LocalRedirect refuses them with an exception).
    public static bool IsLocalPath(string? path) =>
        !string.IsNullOrEmpty(path) && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(char.IsControl);

    /// The public site's base address without a trailing slash: FactCheck:PublicUrl, which outside Development the app does
    /// not start without; only a developer's machine falls back to the request's own address.
    public static string BaseUrl(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<FactCheckOptions>>().Value.PublicUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        var request = context.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
    }

    /// Adds cache tags to the response being rendered, so the entry is evicted when one of those claims changes.
    public static void TagClaims(HttpContext? context, IEnumerable<long> claimIds)
    {
        if (context?.Features.Get<IOutputCacheFeature>()?.Context.Tags is { } tags)
        {
            foreach (var id in claimIds)
            {
                tags.Add(PublicCache.ClaimTag(id));
            }
        }
    }

    /// The remembered language choice (a cookie) applies to staff pages only. A public page's language comes from its
    /// address (?lang=) or the browser's Accept-Language: both are in the request a shared cache keys on (the URL,
    /// Vary: Accept-Language), where a cookie would make every reader's cookie jar a cache entry of its own.
    private sealed class StaffPagesOnly(RequestCultureProvider inner) : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is not null
                ? NullProviderCultureResult
                : inner.DetermineProviderCultureResult(httpContext);
    }

    /// Caches GET responses of public pages and feeds for anonymous and signed-in readers alike: they show the same
    /// thing to everyone. The default policy would refuse them, because Blazor adds an antiforgery cookie to every page
    /// it renders; PublicPageMiddleware drops that cookie (a page with no form has no use for it) before this runs.
    private sealed class PublicPageCachePolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var options = http.RequestServices.GetRequiredService<IOptions<FactCheckOptions>>().Value.PublicCache;
            var enabled = options.Enabled && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
            context.EnableOutputCaching = enabled;
            context.AllowCacheLookup = enabled;
            context.AllowCacheStorage = enabled;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = options.Duration;
            context.CacheVaryByRules.QueryKeys = VaryingQueryKeys;
            context.CacheVaryByRules.VaryByValues[LanguageQuery] = CurrentLanguage;
            context.Tags.Add(PublicCache.AllTag);
            if (http.RequestServices.GetService<IOutputCacheStore>() is PublicCacheStore store)
            {
                context.Tags.Add(store.GenerationTag());
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            // Runs once the response has started, after PublicPageMiddleware has dropped Blazor's antiforgery cookie;
            // a cookie still present belongs to someone and must never be replayed to another reader.
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
