namespace FactCheck.Web.Features.Intake.Extraction;

/// A cue found in a sentence and its words as written.
internal sealed record CueHit(string Words, string Relation, bool Reciprocal);

/// What one sentence says for itself, before the article-level steps (pronouns, neighbour dates, links) run.
internal sealed class SentenceFacts
{
    public required ArticleSentence Sentence { get; init; }
    public required string Text { get; init; }
    public required List<Token> Tokens { get; init; }
    public Attribution? Attribution { get; init; }
    public CandidateClaimant? Claimant { get; set; }
    public CandidateDate? Date { get; init; }
    public CandidateFigure? Figure { get; init; }
    public string? BareNumber { get; init; }
    public string? Place { get; init; }
    public string? Person { get; init; }
    public CueHit? Counter { get; init; }
    public bool Anaphor { get; init; }
    public bool Accuses { get; init; }
    public string? EventVerb { get; init; }
    public string? Quote { get; init; }
    public bool MostlyQuote { get; init; }
    public HashSet<string> ContentWords { get; init; } = [];
}
