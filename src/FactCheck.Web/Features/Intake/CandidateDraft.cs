using System.Globalization;
using FactCheck.Web.Features.Claims;

namespace FactCheck.Web.Features.Intake;

/// One candidate on the review step as the fact-checker edits it: what the extractor proposed, changed in place.
public sealed class CandidateDraft
{
    /// Candidates scoring this much (of 100) are ticked for accepting when the review opens.
    public const int AcceptByDefaultScore = 50;

    public CandidateDraft(ProposedClaim proposed, string? outlet, DateOnly? publishedOn, long? existingClaimId = null)
    {
        Proposed = proposed;
        Accept = proposed.Score.Value >= AcceptByDefaultScore;
        Title = Shorten(proposed.Title);
        Text = proposed.Text;
        Kind = proposed.Kind;
        // A sentence nobody is said to have said is the outlet's own report, as the demo case records it.
        ClaimantName = proposed.Claimant?.RecordedName ?? proposed.Claimant?.Name ?? outlet;
        ClaimantKind = proposed.Claimant?.RecordedKind ?? proposed.Claimant?.Kind ?? "media";
        ClaimantAffiliation = proposed.Claimant?.Affiliation;
        ClaimantId = proposed.Claimant?.ClaimantId;
        SaidOn = Format(proposed.Date?.Value ?? publishedOn);
        Place = proposed.Place;
        FigureLow = proposed.Figure?.Value;
        FigureHigh = proposed.Figure?.High;
        FigureUnit = proposed.Figure?.Unit;
        ExistingClaimId = existingClaimId;
    }

    /// A card per candidate. Each recorded claim is proposed as the repeat of at most one sentence, the one most like
    /// it, since the article is recorded once per claim; only a claim the person may add an appearance to is proposed.
    public static List<CandidateDraft> ForReview(ArticleCandidates extraction, IReadOnlySet<long> changeable)
    {
        var repeats = new Dictionary<int, long>();
        var taken = new HashSet<long>();
        var likely = extraction.Candidates
            .SelectMany(c => c.Matches.Where(m => m.LikelySame && changeable.Contains(m.ClaimId)).Select(m => (c.Number, Match: m)))
            .OrderByDescending(p => p.Match.Score).ThenBy(p => p.Number);
        foreach (var (number, match) in likely)
        {
            if (!repeats.ContainsKey(number) && taken.Add(match.ClaimId))
            {
                repeats[number] = match.ClaimId;
            }
        }

        var drafts = extraction.Candidates
            .Select(c => new CandidateDraft(c, extraction.Outlet, extraction.PublishedOn, repeats.TryGetValue(c.Number, out var id) ? id : null) { Changeable = changeable })
            .ToList();
        TickAnswered(drafts, extraction.Links, drafts.Where(d => d.Accept));
        return drafts;
    }

    /// A ticked counter-claim ticks the claim it answers (and what that answers in turn): accepting a denial without
    /// the accusation would record a denial of nothing. Unticking the answered claim afterwards stays the desk's choice.
    public static void TickAnswered(IReadOnlyList<CandidateDraft> drafts, IReadOnlyList<ProposedLink> links, IEnumerable<CandidateDraft> ticked)
    {
        var pending = new Queue<CandidateDraft>(ticked);
        while (pending.TryDequeue(out var draft))
        {
            foreach (var link in links.Where(l => l.From == draft.Number))
            {
                if (drafts.FirstOrDefault(d => d.Number == link.To) is { Accept: false } answered)
                {
                    answered.Accept = true;
                    pending.Enqueue(answered);
                }
            }
        }
    }

    /// The recorded claims the extraction says the article may repeat, to ask which of them the person may add to.
    public static List<long> RecordedClaimIds(ArticleCandidates extraction) =>
        extraction.Candidates.SelectMany(c => c.Matches).Select(m => m.ClaimId).Distinct().ToList();

    /// Recorded claims the person may add the article to as an appearance (ClaimChangePolicy); the others are shown, greyed.
    public IReadOnlySet<long> Changeable { get; init; } = new HashSet<long>();

    public ProposedClaim Proposed { get; }

    public int Number => Proposed.Number;

    public bool Accept { get; set; }

    /// The recorded claim this sentence repeats (the article becomes an appearance of it); null records a new claim.
    public long? ExistingClaimId { get; set; }

    public string? Title { get; set; }

    public string? Text { get; set; }

    public string Kind { get; set; }

    public string? ClaimantName { get; set; }

    public string? ClaimantKind { get; set; }

    public string? ClaimantAffiliation { get; set; }

    /// A recorded claimant of the proposed name; cleared when the name is edited.
    public long? ClaimantId { get; set; }

    /// yyyy-MM-dd, as a date input holds it.
    public string? SaidOn { get; set; }

    public string? Place { get; set; }

    public double? FigureLow { get; set; }

    public double? FigureHigh { get; set; }

    public string? FigureUnit { get; set; }

    public string? TranslationEn { get; set; }

    /// The accept's errors for this claim, by field ("title", "claimantName"...).
    public Dictionary<string, string[]> Errors { get; } = [];

    public KnownClaim? Existing => Proposed.Matches.FirstOrDefault(m => m.ClaimId == ExistingClaimId);

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public AcceptedClaim ToAccepted(IReadOnlyList<string> topics)
    {
        if (ExistingClaimId is { } existing)
        {
            return new AcceptedClaim { Ref = Number, Start = Proposed.Start, Length = Proposed.Length, Text = Proposed.Text, ExistingClaimId = existing };
        }

        var saidOn = DateOnly.TryParseExact(SaidOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null;
        var figure = Kind == "figure";
        return new AcceptedClaim
        {
            Ref = Number,
            Start = Proposed.Start,
            Length = Proposed.Length,
            Title = Title ?? "",
            Text = Text ?? "",
            Kind = Kind,
            ClaimantId = ClaimantId,
            ClaimantName = ClaimantName,
            ClaimantKind = ClaimantKind,
            ClaimantAffiliation = ClaimantAffiliation,
            SaidOn = saidOn,
            Place = Place,
            FigureLow = figure ? FigureLow : null,
            FigureHigh = figure ? FigureHigh : null,
            FigureUnit = figure ? FigureUnit : null,
            FigureAsOf = figure ? saidOn : null,
            Topics = [.. topics],
            TranslationEn = string.IsNullOrWhiteSpace(TranslationEn) ? null : TranslationEn.Trim(),
        };
    }

    /// A proposed title longer than a claim's title may be is cut at a word, for the fact-checker to finish.
    private static string Shorten(string title)
    {
        if (title.Length <= ClaimRules.MaxTitleLength)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', ClaimRules.MaxTitleLength - 1);
        return title[..(cut > 20 ? cut : ClaimRules.MaxTitleLength - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
