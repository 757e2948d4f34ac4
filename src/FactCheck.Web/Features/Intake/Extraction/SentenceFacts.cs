namespace FactCheck.Web.Features.Intake.Extraction;

/// A cue found in a sentence and its words as written.
internal sealed record CueHit(string Words, string Relation, bool Reciprocal);

/// A phrase that points back at a claim: "tuduhan itu" (Kind "accusation"), "the lawyer's claims" (Kind "claim",
/// Possessor the lawyer as resolved when the sentence was read), "the union's figures" (Kind "figure"). OwnerWords is
/// the owner as written ("villagers"), also when no claimant could be resolved from it; Restated: the sentence also
/// says what was claimed ("the union's claim that …").
internal sealed record ClaimReference(string Words, string Kind, string? Possessor, string? OwnerWords = null, bool Restated = false);

/// What one sentence, or one clause of a contrast sentence, says for itself, before the article-level steps (back
/// references, neighbour dates, links) run.
internal sealed class SentenceFacts
{
    public required ArticleSentence Sentence { get; init; }
    public required string Text { get; init; }
    public required List<Token> Tokens { get; init; }
    public Attribution? Attribution { get; init; }
    public CandidateClaimant? Claimant { get; set; }
    public CandidateDate? Date { get; set; }
    public List<CandidateFigure> Figures { get; init; } = [];
    public CandidateFigure? Figure => Figures.Count > 0 ? Figures[0] : null;
    public string? BareNumber { get; init; }
    public double? BareValue { get; init; }
    public string? Place { get; init; }
    public string? Person { get; init; }
    public CueHit? Counter { get; set; }
    public ClaimReference? Reference { get; init; }

    /// The family of the reporting verb: "accusation" (menuduh, accused), "complaint" (mengeluhkan), "claim" (mengklaim).
    public string? VerbKind { get; init; }
    public bool Accuses => VerbKind == "accusation";

    /// Who an accusation names, by the head of its phrase ("menuduh perusahaan memecat" is "perusahaan").
    public string? Accused { get; init; }
    public bool Negated { get; init; }

    /// "tidak ada banjir bandang di Cikajang", as said by the claimant: a possible denial (the words as written).
    public string? DeniesExistence { get; init; }

    /// "sebenarnya", "hanya", "actually": the sentence corrects something (the word as written).
    public string? Correction { get; init; }

    /// "However," / "Namun" opening the sentence (as written): it answers what came before.
    public string? Opening { get; init; }

    /// The speaker's own words (name and appositions) as stems, left out when looking for shared content.
    public HashSet<string> SpeakerWords { get; init; } = [];

    /// "Hal itu disampaikan X": the previous sentence was X's.
    public bool RefersBack { get; init; }

    /// The occasion the sentence names ("konferensi pers"), and whether it points back at one named before
    /// ("dalam konferensi pers itu", "at the same briefing"): then it shares that occasion's date.
    public string? Occasion { get; init; }

    public bool OccasionNamedBefore { get; init; }

    /// "the same day" / "hari yang sama": the date of the sentence before.
    public bool SameDay { get; init; }
    public string? EventVerb { get; init; }
    public string? Quote { get; init; }
    public bool MostlyQuote { get; init; }
    public HashSet<string> ContentWords { get; init; } = [];

    /// The other clause of the same contrast sentence ("X said P, but Y said Q"), when this is Y's.
    public SentenceFacts? ContrastOf { get; set; }
}
