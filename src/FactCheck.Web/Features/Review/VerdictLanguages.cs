using FactCheck.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Review;

/// The languages a verdict is written in, and which of them the desk requires before publication.
public sealed class VerdictLanguages(IOptions<FactCheckOptions> options)
{
    public const string Indonesian = "id";
    public const string English = "en";

    /// In the order the staff forms show them: Indonesian first.
    public static readonly IReadOnlyList<string> All = [Indonesian, English];

    public static bool IsKnown(string? language) => language is Indonesian or English;

    /// The verdict language a claim's language maps to: Indonesian for 'id' and its regional tags, English for every other.
    public static string OfClaim(string claimLanguage) =>
        claimLanguage.Equals("id", StringComparison.OrdinalIgnoreCase) || claimLanguage.StartsWith("id-", StringComparison.OrdinalIgnoreCase)
            ? Indonesian
            : English;

    /// The language's name in English (for API messages) or in another page language.
    public static string Name(string language, string inLanguage = English) => (language, inLanguage) switch
    {
        (Indonesian, Indonesian) => "bahasa Indonesia",
        (English, Indonesian) => "bahasa Inggris",
        (Indonesian, _) => "Indonesian",
        _ => "English",
    };

    /// FactCheck:Review:RequiredLanguages, or the claim's own language when none are configured.
    public IReadOnlyList<string> RequiredFor(string claimLanguage)
    {
        var configured = options.Value.Review.RequiredLanguages.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim().ToLowerInvariant()).ToList();
        return configured.Count > 0 ? All.Where(configured.Contains).ToList() : [OfClaim(claimLanguage)];
    }

    /// The field a missing version is reported under ("texts.en"), as the API and the forms name it.
    public static string Field(string language) => $"texts.{language}";

    public static string MissingMessage(string language) =>
        $"The {Name(language)} version ({language}) is required before publication: write its title, summary and explanation.";
}

/// One language version of a verdict as a form or the API sends it.
public sealed record VerdictTextInput
{
    public string? Title { get; init; }

    public string? Summary { get; init; }

    public string? Explanation { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Summary) && string.IsNullOrWhiteSpace(Explanation);
}

/// A verdict's language versions as sent: "texts": {"id": {...}, "en": {...}}; a version left out or blank is absent.
public sealed record VerdictTextsInput
{
    public VerdictTextInput? Id { get; init; }

    public VerdictTextInput? En { get; init; }

    public VerdictTextInput? this[string language] => language switch
    {
        VerdictLanguages.Indonesian => Id,
        VerdictLanguages.English => En,
        _ => null,
    };
}

/// A verdict's text in one language, as stored.
public sealed record VerdictText(string Language, string Title, string Summary, string Explanation)
{
    public VerdictText()
        : this("", "", "", "")
    {
    }

    public const int TitleLimit = 200;
    public const int SummaryLimit = 280;
    public const int ExplanationLimit = 20000;

    /// The versions given, trimmed, with field errors keyed as the API names them ("texts.en.summary").
    public static List<VerdictText> From(VerdictTextsInput? texts, Dictionary<string, string[]> errors)
    {
        var versions = new List<VerdictText>();
        foreach (var language in VerdictLanguages.All)
        {
            if (texts?[language] is not { IsBlank: false } input)
            {
                continue;
            }

            var prefix = $"texts.{language}.";
            var name = VerdictLanguages.Name(language);
            var title = Check(input.Title, TitleLimit, prefix + "title", $"Give the {name} version a title (the claim as readers should read it).", $"Keep the {name} title to {TitleLimit} characters.", errors);
            var summary = Check(input.Summary, SummaryLimit, prefix + "summary", $"Write the {name} summary.", $"Keep the {name} summary to {SummaryLimit} characters.", errors);
            var explanation = Check(input.Explanation, ExplanationLimit, prefix + "explanation", $"Write the {name} explanation.", $"The {name} explanation is limited to 20,000 characters.", errors);
            versions.Add(new VerdictText(language, title, summary, explanation));
        }

        return versions;
    }

    private static string Check(string? value, int limit, string field, string missing, string tooLong, Dictionary<string, string[]> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors[field] = [missing];
        }
        else if (text.Length > limit)
        {
            errors[field] = [tooLong];
        }

        return text;
    }

    public bool SameAs(VerdictText? other) =>
        other is not null && other.Title == Title && other.Summary == Summary && other.Explanation == Explanation;
}
