namespace FactCheck.Web.Features.Intake.Extraction;

/// Check-worthiness from reasons with points (cue data "points"). A sentence is a candidate only when it has a core
/// reason (attribution, figure, date, denial or dispute) and reaches the threshold: a background sentence that merely
/// names places is context, not a claim.
internal static class CandidateScorer
{
    private static readonly string[] CoreReasons = ["attribution", "figure", "date", "denial", "dispute", "accusation"];

    public static List<ScoreReason> Reasons(SentenceFacts facts, CandidateFigure? figure, IntakeCues cues)
    {
        var reasons = new List<ScoreReason>();
        if (facts.Claimant is { } claimant)
        {
            var label = $"attributed to {claimant.Name} ({claimant.Cue})" + (claimant.Inferred ? ", named earlier in the article" : "");
            reasons.Add(Reason(cues, "attribution", label, claimant.Cue));
        }

        if (figure is not null)
        {
            reasons.Add(Reason(cues, "figure", $"names a figure: {figure.Text}", figure.Text));
        }
        else if (facts.BareNumber is { } number)
        {
            reasons.Add(Reason(cues, "number", $"mentions a number: {number}", number));
        }

        if (facts.Date is { } date)
        {
            reasons.Add(Reason(cues, "date", $"gives a date: {date.Text} ({date.Value:yyyy-MM-dd}, {date.Basis})", date.Text));
        }

        if (facts.Place is { } place)
        {
            reasons.Add(Reason(cues, "place", $"names a place: {place}", place));
        }

        if (facts.Quote is { } quote)
        {
            var shown = quote.Length > 60 ? quote[..57].TrimEnd() + "…" : quote;
            reasons.Add(Reason(cues, "quote", $"quotes directly: “{shown}”", shown));
        }

        if (facts.Counter is { } counter)
        {
            var code = counter.Relation == "denies" ? "denial" : "dispute";
            var label = counter.Reciprocal ? $"sides blame each other ({counter.Words})" : $"{counter.Relation} another claim ({counter.Words})";
            reasons.Add(Reason(cues, code, label, counter.Words));
        }

        // "Pemerintah kota dituding …", "The mayor was accused of …": an accusation reported without its accuser.
        if (facts.Accuses && facts.Claimant is null && facts.Counter is null)
        {
            reasons.Add(Reason(cues, "accusation", "reports an accusation", null));
        }

        var person = facts.Claimant is { Kind: "person" } speaker ? speaker.Name : facts.Person;
        if (person is not null)
        {
            reasons.Add(Reason(cues, "person", $"names a person: {person}", person));
        }

        if (facts.EventVerb is { } verb)
        {
            reasons.Add(Reason(cues, "event", $"reports an event ({verb})", verb));
        }

        return reasons;
    }

    public static bool IsCandidate(List<ScoreReason> reasons, IntakeCues cues) =>
        reasons.Exists(r => CoreReasons.Contains(r.Code)) && Value(reasons) >= cues.Threshold;

    public static int Value(IEnumerable<ScoreReason> reasons) => Math.Min(100, reasons.Sum(r => r.Points));

    public static ScoreReason NeighbourDate(CandidateDate date, CandidateClaimant claimant, IntakeCues cues) =>
        Reason(cues, "date", $"dated {date.Value:yyyy-MM-dd} from a neighbouring sentence by {claimant.Name} ({date.Text})", date.Text, "neighbourDate");

    /// Event when the article itself reports something that happened; a figure or a quotation when that is what the
    /// sentence is; otherwise a statement (someone's assertion, a denial).
    public static string Kind(SentenceFacts facts, CandidateFigure? figure)
    {
        if (figure is not null)
        {
            return "figure";
        }

        if (facts.Claimant is not null && facts.MostlyQuote)
        {
            return "quote";
        }

        if (facts.Claimant is not null || facts.Counter is not null)
        {
            return "statement";
        }

        return facts.EventVerb is not null || facts.Date is not null ? "event" : "statement";
    }

    private static ScoreReason Reason(IntakeCues cues, string code, string label, string? evidence, string? pointsCode = null) =>
        new(code, label, cues.Points(pointsCode ?? code), evidence);
}
