using System.Globalization;
using System.Security.Claims;
using FactCheck.Web.Components;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace FactCheck.Web.Infrastructure;

/// The staff side's two languages. Each person's choice (users.language, set at /account) travels in the sign-in
/// cookie; every staff request, and so the Blazor circuit it opens, runs in that culture. Public pages, the API and
/// the sign-in form keep the reader's language (PublicSite), so a cached public page never takes a staff member's.
public static class StaffLanguage
{
    public const string Claim = "factcheck:lang";
    public const string Indonesian = "id";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Languages = [Indonesian, English];

    // Specific cultures, so dates read "7 Desember 2026" / "7 December 2026" (day before month) and numbers group
    // the way each desk writes them.
    private static readonly CultureInfo IndonesianCulture = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsKnown(string? language) => language is Indonesian or English;

    public static CultureInfo Culture(string language) => language == Indonesian ? IndonesianCulture : EnglishCulture;

    /// The language this code runs in now: the person's on staff pages, the reader's elsewhere.
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Indonesian ? Indonesian : English;

    /// The browser's most preferred language we have, for a person who has not chosen one; null when it names neither.
    public static string? FromBrowser(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var values))
        {
            return null;
        }

        return values
            .Where(v => v.Quality is not 0)
            .OrderByDescending(v => v.Quality ?? 1)
            .Select(v => v.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(IsKnown);
    }

    /// After authentication: a signed-in person's staff request runs in their language. The circuit's hub request
    /// passes here too, and a circuit keeps the culture of the request that opened it.
    public static WebApplication UseStaffLanguage(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.User.FindFirstValue(Claim) is { } language && IsKnown(language) && IsStaffRequest(context))
            {
                var culture = Culture(language);
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(culture), provider: null));
            }

            return next(context);
        });
        return app;
    }

    /// Public pages are cached per reader language and the API is language-neutral: neither follows the staff choice.
    private static bool IsStaffRequest(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api")
        && context.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is null;

    /// A claim's language (a BCP 47 tag) named in the staff member's language: "Indonesian" / "bahasa Indonesia".
    public static string LanguageName(string tag)
    {
        if (Current == Indonesian)
        {
            return tag switch
            {
                Indonesian => "bahasa Indonesia",
                English => "bahasa Inggris",
                _ => Known(tag)?.NativeName ?? tag,
            };
        }

        return Known(tag)?.EnglishName ?? tag;
    }

    private static CultureInfo? Known(string tag)
    {
        try
        {
            return CultureInfo.GetCultureInfo(tag) is { EnglishName.Length: > 0 } culture && culture.EnglishName != tag ? culture : null;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// The signed-in principal with its language claim set to the account's current choice.
    public static ClaimsPrincipal WithLanguage(ClaimsPrincipal principal, string? language)
    {
        var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != Claim), principal.Identity?.AuthenticationType);
        if (IsKnown(language))
        {
            identity.AddClaim(new Claim(Claim, language!));
        }

        return new ClaimsPrincipal(identity);
    }
}
