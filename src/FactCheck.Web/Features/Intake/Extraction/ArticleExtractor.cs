namespace FactCheck.Web.Features.Intake.Extraction;

/// Reads an article and proposes claims: deterministic, rule-based, no I/O. (Contract; being implemented.)
public static class ArticleExtractor
{
    public static ArticleExtraction Extract(ArticleInput input, IntakeCues cues) => throw new NotImplementedException();

    /// "id", "en", or null when the text gives no sign of either.
    public static string? DetectLanguage(string text, IntakeCues cues) => throw new NotImplementedException();
}

/// The cue words and patterns the extractor reads, kept as data (cues.json, embedded) the desk can extend.
public sealed class IntakeCues
{
    /// The built-in cues for Indonesian and English.
    public static IntakeCues Default => throw new NotImplementedException();

    /// The given cues plus the desk's own (a JSON file of the same shape as the built-in one): lists are added to, not replaced.
    public static IntakeCues Extend(IntakeCues baseCues, Stream json) => throw new NotImplementedException();
}
