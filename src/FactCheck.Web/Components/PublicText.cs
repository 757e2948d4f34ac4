using System.Globalization;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Components;

/// Names the shared UI strings of the public pages (PublicText.resx, PublicText.id.resx).
public sealed class PublicText;

/// Dates and numbers as readers of the page's language write them ("24 October 2020", "24 Oktober 2020", "5.000").
public static class PublicFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static CultureInfo Culture(string language) => language == "id" ? Indonesian : English;

    public static string Date(DateOnly date, string language) => date.ToString("d MMMM yyyy", Culture(language));

    /// "7 Oct 2020", "7 Okt 2020": for lists, where two dates share a line.
    public static string ShortDate(DateOnly date, string language) => date.ToString("d MMM yyyy", Culture(language));

    /// A moment as a date in the newsroom's time zone.
    public static string Date(DateTimeOffset at, string language, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d MMMM yyyy", Culture(language));

    public static string Number(double value, string language) =>
        value.ToString(value == Math.Floor(value) ? "N0" : "N1", Culture(language));

    public static string LanguageName(string code, string pageLanguage) => (code, pageLanguage) switch
    {
        ("id", "id") => "bahasa Indonesia",
        ("id", _) => "Indonesian",
        ("en", "id") => "bahasa Inggris",
        ("en", _) => "English",
        _ => CultureInfo.GetCultureInfo(code) is { } c && !string.IsNullOrEmpty(c.EnglishName) && c.EnglishName != code ? c.EnglishName : code,
    };

    public static TimeZoneInfo Zone(FactCheckOptions options) => NewsroomTime.Of(options).Zone;
}

/// Where the desk's methodology and corrections policy live: configured addresses, else the built-in pages.
public static class PublicLinks
{
    public const string BuiltInMethodology = "/about/methodology";
    public const string BuiltInCorrectionsPolicy = "/about/corrections";

    public static string Methodology(FactCheckOptions options, HttpContext? context) =>
        string.IsNullOrWhiteSpace(options.Organisation.MethodologyUrl) ? PublicSite.Href(context, BuiltInMethodology) : options.Organisation.MethodologyUrl;

    public static string CorrectionsPolicy(FactCheckOptions options, HttpContext? context) =>
        string.IsNullOrWhiteSpace(options.Organisation.CorrectionsPolicyUrl) ? PublicSite.Href(context, BuiltInCorrectionsPolicy) : options.Organisation.CorrectionsPolicyUrl;

    /// The organisation's address for ClaimReview's author: FactCheck:Organisation:Url, else the public site.
    public static string OrganisationUrl(FactCheckOptions options, HttpContext context) =>
        string.IsNullOrWhiteSpace(options.Organisation.Url) ? PublicSite.BaseUrl(context) + "/" : options.Organisation.Url;
}
