namespace FactCheck.Web.Features.Intake.Extraction;

/// Reads an article and proposes claims: deterministic, rule-based, no I/O. (Contract; being implemented.)
public static class ArticleExtractor
{
    public static ArticleExtraction Extract(ArticleInput input, IntakeCues cues) => throw new NotImplementedException();

    /// "id", "en", or null when the text gives no sign of either.
    public static string? DetectLanguage(string text, IntakeCues cues) => throw new NotImplementedException();
}
