using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Intake.Extraction;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Intake;

/// An article as the page and the API send it, before it is read: the same fields for finding claims and for accepting them.
public interface IArticleFields
{
    string? Text { get; }

    /// "id" or "en" (region tags such as id-ID are read as their language); empty means "detect it".
    string? Language { get; }

    string? Url { get; }

    string? Outlet { get; }

    /// "YYYY-MM-DD" or an ISO 8601 date-time (its date as written, in its own offset).
    string? PublishedAt { get; }
}

/// The article once its fields are checked: the text with \n line ends (what the extractor reads and articles.text keeps).
public sealed record NormalisedArticle(string Text, string Language, bool LanguageDetected, string? Url, string? Outlet, DateOnly? PublishedOn, string TextSha256);

/// The one place an article's fields are checked and normalised, for ExtractArticle and AcceptArticle alike.
public static class ArticleRules
{
    public const int MaxLength = 100_000;
    public const int MaxOutletLength = 200;
    public static readonly IReadOnlyList<string> Languages = ["id", "en"];

    public const string EmptyText = "Paste the article's text.";
    public const string NotText = "This does not look like text (it contains binary data). Paste the article's text, not a file.";
    public const string UnknownLanguage = "Could not tell the article's language; choose id or en.";

    /// "\r\n" and a lone "\r" become "\n", so offsets mean the same in the browser, the API and the database.
    public static string NormaliseLineEnds(string text) => text.Contains('\r', StringComparison.Ordinal)
        ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
        : text;

    /// Every problem with the article's fields, named as prefix + the JSON field ("text", or "article.text" in an accept).
    public static IEnumerable<ValidationResult> Validate(IArticleFields article, string prefix = "")
    {
        var text = NormaliseLineEnds(article.Text ?? "");
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return Error(EmptyText, prefix, "Text");
        }
        else if (LooksBinary(text))
        {
            yield return Error(NotText, prefix, "Text");
        }
        else if (text.Length > MaxLength)
        {
            yield return Error($"The article is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; FactCheck reads at most 100,000. Paste it in parts.", prefix, "Text");
        }

        if (!string.IsNullOrWhiteSpace(article.Language) && LanguageCode(article.Language) is null)
        {
            yield return Error($"The language must be id (Bahasa Indonesia) or en (English), or left empty to detect it (not '{Shorten(article.Language)}').", prefix, "Language");
        }

        if (!string.IsNullOrWhiteSpace(article.Url) && (article.Url.Trim().Length > 2000 || !ClaimRules.IsHttpUrl(article.Url.Trim())))
        {
            yield return Error("The article's address must be an http:// or https:// link (up to 2,000 characters).", prefix, "Url");
        }

        if (article.Outlet is { } outlet && outlet.Trim().Length > MaxOutletLength)
        {
            yield return Error("Keep the outlet's name to 200 characters.", prefix, "Outlet");
        }

        if (!string.IsNullOrWhiteSpace(article.PublishedAt) && PublishedOn(article.PublishedAt) is null)
        {
            yield return Error($"Give the publication date as YYYY-MM-DD (2020-10-24) or an ISO 8601 date and time (2020-10-24T09:30:00+07:00), not '{Shorten(article.PublishedAt)}'.", prefix, "PublishedAt");
        }
    }

    /// The checked fields, with the language detected when none was given. Call after Validate found nothing. When no
    /// language can be told, reading falls back to `fallback` (extraction then says the text reads as neither), and
    /// recording without one is refused.
    public static NormalisedArticle Normalise(IArticleFields article, Lazy<IntakeCues> cues, string prefix = "", string? fallback = null)
    {
        var text = NormaliseLineEnds(article.Text ?? "");
        var language = string.IsNullOrWhiteSpace(article.Language) ? null : LanguageCode(article.Language);
        var detected = language is null;
        language ??= ArticleExtractor.DetectLanguage(text, cues.Value) ?? fallback
            ?? throw ValidationFailedException.For(Member(prefix, "Language"), UnknownLanguage);
        return new NormalisedArticle(
            text,
            language,
            detected,
            string.IsNullOrWhiteSpace(article.Url) ? null : article.Url.Trim(),
            string.IsNullOrWhiteSpace(article.Outlet) ? null : article.Outlet.Trim(),
            string.IsNullOrWhiteSpace(article.PublishedAt) ? null : PublishedOn(article.PublishedAt),
            Sha256(text));
    }

    /// "id", "ID", "id-ID" -> "id"; "en-GB" -> "en"; anything else null.
    public static string? LanguageCode(string? value)
    {
        var tag = value?.Trim() ?? "";
        var dash = tag.IndexOfAny(['-', '_']);
        var code = (dash < 0 ? tag : tag[..dash]).ToLowerInvariant();
        return Languages.Contains(code) && (dash < 0 || ClaimRules.IsKnownLanguage(tag.Replace('_', '-'))) ? code : null;
    }

    /// The date as written: "2020-10-24", or the date part of "2020-10-24T23:30:00-05:00" in its own offset.
    public static DateOnly? PublishedOn(string? value)
    {
        var text = value?.Trim() ?? "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // Only ISO 8601 shapes (a 'T' after the date); DateTimeOffset would otherwise read "10/24/2020" or "today".
        if (text.Length > 10 && text[4] == '-' && text[7] == '-' && text[10] is 'T' or 't'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return DateOnly.FromDateTime(instant.DateTime);
        }

        return null;
    }

    /// Binary data pasted or posted as text: any NUL, or more than about 1 % control characters (other than line
    /// ends and tabs) or U+FFFD, which is what undecodable bytes become.
    public static bool LooksBinary(string text)
    {
        var junk = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return true;
            }

            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                junk++;
            }
        }

        return junk > 2 + (text.Length / 100);
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static ValidationResult Error(string message, string prefix, string member) => new(message, [Member(prefix, member)]);

    /// "Text" on its own (the message's property, which the page's form knows); "article.text" under a prefix.
    private static string Member(string prefix, string member) =>
        prefix.Length == 0 ? member : prefix + char.ToLowerInvariant(member[0]) + member[1..];

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
