using FactCheck.Web.Infrastructure;

namespace FactCheck.Web.Features.Verdicts;

/// A verdict's language version has its own address: /verdicts/{slug}?lang=id or ?lang=en.
public static class VerdictAddress
{
    public static string Of(HttpContext? context, string slug, string language) =>
        (context is null ? "" : PublicSite.BaseUrl(context)) + PublicSite.WithLanguage($"/verdicts/{slug}", language);
}
