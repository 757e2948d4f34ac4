namespace FactCheck.Web.Features.Intake.Extraction;

// The result of reading one article: plain data, JSON-friendly, produced by ArticleExtractor.Extract (a pure function).
// Offsets (Start, Length) are UTF-16 positions in ArticleInput.Text exactly as it was passed in.

/// What the extractor reads. Language is "id" or "en"; null or empty means "detect it".
/// PublishedOn resolves relative dates ("Rabu", "kemarin", "on Monday", "23 Oktober" without a year).
public sealed record ArticleInput(string Text, string? Language, DateOnly? PublishedOn);

/// Notice says why nothing was proposed (no candidates): see ExtractionNotice.
public sealed record ArticleExtraction(
    string Language,
    bool LanguageDetected,
    IReadOnlyList<ArticleSentence> Sentences,
    IReadOnlyList<ClaimCandidate> Candidates,
    IReadOnlyList<CandidateLink> Links,
    ExtractionNotice? Notice = null);

/// Why an article gave no candidates. Code is one of "empty" (no text), "script" (mostly not in the Latin script, or
/// words mixing scripts), "language" (neither Indonesian nor English), "long-sentences" (no sentence short enough to
/// read as one claim) and "no-claims" (read, nothing check-worthy); Message says it for a person.
public sealed record ExtractionNotice(string Code, string Message);

public sealed record ArticleSentence(int Index, int Paragraph, int Start, int Length);

/// One proposed claim. Number is 1-based and is how links and the accept step refer to it. A sentence with several
/// figures gives one candidate per figure (same span, claimant and date); a contrast sentence with two speakers gives
/// one per clause. NoLinkReason says why a counter-claim was proposed without a link (its target was not found with
/// confidence).
/// Kind is one of ClaimRules.Kinds (event, statement, figure, quote); ClaimantKind one of ClaimRules.ClaimantKinds.
public sealed record ClaimCandidate(
    int Number,
    int SentenceIndex,
    int Start,
    int Length,
    string Text,
    string Title,
    string Kind,
    CandidateClaimant? Claimant,
    CandidateDate? Date,
    CandidateFigure? Figure,
    string? Place,
    bool CounterClaim,
    CandidateScore Score,
    string? NoLinkReason = null);

/// Cue is the words that gave the claimant away ("menurut", "kata", "dibantah", "said"); Inferred is true when the
/// name came from elsewhere in the article (a pronoun such as "Dia", or a surname resolved to the full name).
public sealed record CandidateClaimant(string Name, string Kind, string? Affiliation, string Cue, bool Inferred);

/// Basis says how the date was found: "explicit" (27 September 2020, 7/10/2020), "no-year" (23 Oktober, year from
/// the article), "weekday" (Rabu, on Monday: the latest such day on or before the article's date),
/// "relative" (kemarin, yesterday), "neighbour" (taken from the next or previous sentence of the same claimant).
public sealed record CandidateDate(DateOnly Value, string Text, string Basis);

/// "5.000 orang" is Value 5000, Unit "people". High is set for ranges ("2.000-3.000").
public sealed record CandidateFigure(double Value, double? High, string Unit, string Text);

/// Value is 0-100; Reasons explain it (Code: number, attribution, place, quote, date, denial, dispute, ...).
public sealed record CandidateScore(int Value, IReadOnlyList<ScoreReason> Reasons);

public sealed record ScoreReason(string Code, string Label, int Points, string? Evidence);

/// FromNumber's candidate answers ToNumber's: relation is "denies" or "disputes"; Cue is the words that said so.
public sealed record CandidateLink(int FromNumber, int ToNumber, string Relation, string Cue);
