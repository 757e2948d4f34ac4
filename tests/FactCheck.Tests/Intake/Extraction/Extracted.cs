using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

/// Runs the extractor with the built-in cues against an article dated 24 October 2020 (the seed's date) unless told otherwise.
internal static class Extracted
{
    public static readonly DateOnly ArticleDate = new(2020, 10, 24);

    public static ArticleExtraction From(string text, string? language = "id") => ArticleExtractor.Extract(new ArticleInput(text, language, ArticleDate), IntakeCues.Default);

    public static ArticleExtraction Undated(string text, string? language = "id") => ArticleExtractor.Extract(new ArticleInput(text, language, null), IntakeCues.Default);

    public static ClaimCandidate Only(string text, string? language = "id") => Assert.Single(From(text, language).Candidates);

    public static ClaimCandidate Containing(this ArticleExtraction extraction, string words) =>
        Assert.Single(extraction.Candidates, c => c.Text.Contains(words, StringComparison.Ordinal));

    public static IEnumerable<string> SentenceTexts(this ArticleExtraction extraction, string text) =>
        extraction.Sentences.Select(s => text.Substring(s.Start, s.Length));
}
