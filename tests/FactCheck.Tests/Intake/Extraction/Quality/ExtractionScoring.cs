using System.Globalization;
using System.Text;
using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction.Quality;

// Shared with tests/FactCheck.Benchmarks (linked source): no xunit here.

/// What became of one gold claim: the candidate paired with it (CandidateMatching), whether its claimant and figure
/// came out right, and how many of the links touching it (from or to) were expected and found.
public sealed record ClaimOutcome(ExpectedClaim Claim, ClaimCandidate? Candidate, bool ClaimantRight, bool FigureRight, int Links, int LinksFound);

public sealed record ArticleScore(
    ExtractionFixture Fixture,
    ArticleExtraction Extraction,
    IReadOnlyDictionary<string, Tally> Fields,
    IReadOnlyList<ClaimOutcome> Claims,
    IReadOnlyList<string> Misses);

/// Per-field precision and recall of one extraction against its gold (Corpus/README.md, "Scoring").
/// Whole-article fields count every gold value and every proposed value: a gold claim nobody proposed is a miss for
/// candidates, figures and links alike. Matched-pair fields compare the paired candidate and claim only (their misses
/// are already in "candidates"). Optional gold claims and the candidates paired with them are left out of every count.
public static class ExtractionScoring
{
    public const string Candidates = "candidates";
    public const string Kinds = "kinds";
    public const string Claimants = "claimants";
    public const string ClaimantsNormalised = "claimants (normalised)";
    public const string ClaimantKinds = "claimant kinds";
    public const string Dates = "dates";
    public const string Places = "places";
    public const string Figures = "figures";
    public const string FigureValues = "figure values";
    public const string CounterClaims = "counter-claims";
    public const string Links = "links";
    public const string LinksAnyRelation = "links (any relation)";

    /// Each field and its scope: "article" counts every gold and proposed value, "pairs" the matched pairs only.
    public static readonly IReadOnlyList<(string Field, string Scope)> Fields =
    [
        (Candidates, "article"), (Kinds, "pairs"), (Claimants, "pairs"), (ClaimantsNormalised, "pairs"), (ClaimantKinds, "pairs"),
        (Dates, "pairs"), (Places, "pairs"), (Figures, "article"), (FigureValues, "article"), (CounterClaims, "pairs"),
        (Links, "article"), (LinksAnyRelation, "article"),
    ];

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "some", "several", "many", "para", "sang", "seorang", "sebuah", "pihak", "sejumlah", "sekelompok", "beberapa",
    };

    public static ArticleScore Score(ExtractionFixture fixture, IntakeCues cues) => Score(fixture, fixture.Extract(cues));

    public static ArticleScore Score(ExtractionFixture fixture, ArticleExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(extraction);
        var name = fixture.Name;
        var claims = fixture.Expected.Claims;
        var candidates = extraction.Candidates;
        var pairs = CandidateMatching.Match(fixture, extraction);
        var goldOf = new Dictionary<int, int>();
        for (var i = 0; i < pairs.Length; i++)
        {
            if (pairs[i] >= 0)
            {
                goldOf[candidates[pairs[i]].Number] = i;
            }
        }

        var tallies = Fields.ToDictionary(f => f.Field, _ => default(Tally), StringComparer.Ordinal);
        var misses = new List<string>();
        var required = Enumerable.Range(0, claims.Count).Where(i => !claims[i].Optional).ToList();
        var excused = candidates.Where(c => goldOf.TryGetValue(c.Number, out var i) && claims[i].Optional).Select(c => c.Number).ToHashSet();
        var matched = required.Count(i => pairs[i] >= 0);
        tallies[Candidates] = new Tally(matched, candidates.Count - matched - excused.Count, required.Count - matched);
        foreach (var i in required.Where(i => pairs[i] < 0))
        {
            misses.Add($"{name}: claim not proposed: \"{claims[i].Sentence}\"");
        }

        foreach (var extra in candidates.Where(c => !goldOf.ContainsKey(c.Number)))
        {
            var background = fixture.Expected.Background?.Any(b => extra.Text.Contains(b, StringComparison.Ordinal)) == true ? " (background)" : "";
            misses.Add($"{name}: proposed a sentence not expected as a claim{background}: \"{Shorten(extra.Text)}\"");
        }

        foreach (var i in required.Where(i => pairs[i] >= 0))
        {
            var want = claims[i];
            var got = candidates[pairs[i]];
            var where = $"{name} \"{want.Sentence}\"";
            Compare(tallies, misses, Kinds, where, want.Kind, got.Kind, string.Equals);
            Compare(tallies, misses, Claimants, where, want.Claimant, got.Claimant?.Name, SameClaimant);
            Compare(tallies, null, ClaimantsNormalised, where, want.Claimant, got.Claimant?.Name, SameClaimantLoosely);
            Compare(tallies, misses, ClaimantKinds, where, want.ClaimantKind, got.Claimant?.Kind, string.Equals);
            Compare(tallies, misses, Dates, where, want.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), got.Date?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Equals);
            Compare(tallies, misses, Places, where, want.Place, got.Place, (a, b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase));
            Compare(tallies, misses, CounterClaims, where, want.CounterClaim ? "counter-claim" : null, got.CounterClaim ? "counter-claim" : null, string.Equals);
        }

        tallies[Figures] = FigureTally(claims, candidates, pairs, excused, SameFigure, misses, name);
        tallies[FigureValues] = FigureTally(claims, candidates, pairs, excused, SameFigureValue, null, name);
        var (links, anyRelation, found) = LinkTallies(fixture, extraction, goldOf, misses);
        tallies[Links] = links;
        tallies[LinksAnyRelation] = anyRelation;

        var outcomes = new List<ClaimOutcome>();
        for (var i = 0; i < claims.Count; i++)
        {
            var got = pairs[i] >= 0 ? candidates[pairs[i]] : null;
            var touching = GoldLinks(fixture).Where(l => l.From == i || l.To == i).ToList();
            outcomes.Add(new ClaimOutcome(
                claims[i],
                got,
                got is not null && claims[i].Claimant is { } who && SameClaimant(who, got.Claimant?.Name),
                got is not null && claims[i].Figure is not null && SameFigure(claims[i].Figure, got.Figure),
                touching.Count,
                touching.Count(found.Contains)));
        }

        return new ArticleScore(fixture, extraction, tallies, outcomes, misses);
    }

    public static bool SameClaimant(string? want, string? got) =>
        want is not null && got is not null && string.Equals(Collapse(want), Collapse(got), StringComparison.OrdinalIgnoreCase);

    /// For information: the same after dropping case, accents, punctuation and a leading determiner, or the proposal holds
    /// the whole gold name plus more (a title kept), or the gold holds a proposal of two words or more (a title lost).
    public static bool SameClaimantLoosely(string? want, string? got)
    {
        if (want is null || got is null)
        {
            return false;
        }

        var w = Normalise(want);
        var g = Normalise(got);
        return w.Length > 0 && g.Length > 0 && (w == g || $" {g} ".Contains($" {w} ", StringComparison.Ordinal)
            || ($" {w} ".Contains($" {g} ", StringComparison.Ordinal) && g.Contains(' ', StringComparison.Ordinal)));
    }

    public static bool SameFigure(ExpectedFigure? want, CandidateFigure? got) =>
        SameFigureValue(want, got) && string.Equals(want!.Unit.Trim(), got!.Unit.Trim(), StringComparison.OrdinalIgnoreCase);

    public static bool SameFigureValue(ExpectedFigure? want, CandidateFigure? got) =>
        want is not null && got is not null && Same(want.Value, got.Value) && (want.High, got.High) switch
        {
            (null, null) => true,
            ({ } a, { } b) => Same(a, b),
            _ => false,
        };

    public static string Describe(ExpectedFigure? figure) => figure is null
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{figure.Value:0.##########}{(figure.High is { } high ? $"-{high:0.##########}" : "")} {figure.Unit}");

    private static string Describe(CandidateFigure? figure) => figure is null ? "none" : Describe(new ExpectedFigure(figure.Value, figure.Unit, figure.High));

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));

    private static Tally FigureTally(IReadOnlyList<ExpectedClaim> claims, IReadOnlyList<ClaimCandidate> candidates, int[] pairs, HashSet<int> excused,
        Func<ExpectedFigure?, CandidateFigure?, bool> same, List<string>? misses, string name)
    {
        var right = 0;
        var expected = 0;
        for (var i = 0; i < claims.Count; i++)
        {
            if (claims[i].Optional || claims[i].Figure is null)
            {
                continue;
            }

            expected++;
            var got = pairs[i] >= 0 ? candidates[pairs[i]].Figure : null;
            if (same(claims[i].Figure, got))
            {
                right++;
            }
            else if (pairs[i] >= 0)
            {
                misses?.Add($"{name} \"{claims[i].Sentence}\": figure expected {Describe(claims[i].Figure)}, got {Describe(got)}");
            }
        }

        var proposed = candidates.Count(c => c.Figure is not null && !excused.Contains(c.Number));
        return new Tally(right, proposed - right, expected - right);
    }

    private static IEnumerable<(int From, int To, string Relation)> GoldLinks(ExtractionFixture fixture)
    {
        var claims = fixture.Expected.Claims;
        for (var i = 0; i < claims.Count; i++)
        {
            foreach (var link in claims[i].Links ?? [])
            {
                yield return (i, Target(fixture, link.To), link.Relation);
            }
        }
    }

    /// A link names its target by the target's id, else by its snippet (which must then name one claim only).
    public static int Target(ExtractionFixture fixture, string to)
    {
        var claims = fixture.Expected.Claims;
        var byId = Enumerable.Range(0, claims.Count).Where(i => string.Equals(claims[i].Id, to, StringComparison.Ordinal)).ToList();
        var bySnippet = Enumerable.Range(0, claims.Count).Where(i => string.Equals(claims[i].Sentence, to, StringComparison.Ordinal)).ToList();
        var found = byId.Count > 0 ? byId : bySnippet;
        return found.Count == 1 ? found[0] : throw new InvalidDataException($"{fixture.Name}: link target \"{to}\" names {found.Count} claims.");
    }

    private static (Tally Links, Tally AnyRelation, HashSet<(int From, int To, string Relation)> Found) LinkTallies(
        ExtractionFixture fixture, ArticleExtraction extraction, Dictionary<int, int> goldOf, List<string> misses)
    {
        var claims = fixture.Expected.Claims;
        var want = GoldLinks(fixture).ToHashSet();
        var got = new HashSet<(int From, int To, string Relation)>();
        var wrong = new List<string>();
        foreach (var link in extraction.Links)
        {
            if (goldOf.TryGetValue(link.FromNumber, out var from) && goldOf.TryGetValue(link.ToNumber, out var to) && !claims[from].Optional && !claims[to].Optional)
            {
                got.Add((from, to, link.Relation));
            }
            else
            {
                // Negative keys: a link from or to a proposal that stands for no required claim can never be right.
                got.Add((-link.FromNumber, -link.ToNumber, link.Relation));
            }
        }

        string Label(int i) => i >= 0 ? $"\"{claims[i].Sentence}\"" : $"#{-i} \"{Shorten(extraction.Candidates.FirstOrDefault(c => c.Number == -i)?.Text ?? "")}\"";
        foreach (var (from, to, relation) in got.Except(want))
        {
            misses.Add($"{fixture.Name}: wrong link {Label(from)} {relation} {Label(to)}");
        }

        foreach (var (from, to, relation) in want.Except(got))
        {
            misses.Add($"{fixture.Name}: missing link {Label(from)} {relation} {Label(to)}");
        }

        var found = got.Intersect(want).ToHashSet();
        var wantPairs = want.Select(l => (l.From, l.To)).ToHashSet();
        var gotPairs = got.Select(l => (l.From, l.To)).ToHashSet();
        var pairsFound = gotPairs.Intersect(wantPairs).Count();
        return (new Tally(found.Count, got.Count - found.Count, want.Count - found.Count),
            new Tally(pairsFound, gotPairs.Count - pairsFound, wantPairs.Count - pairsFound),
            found);
    }

    private static void Compare(Dictionary<string, Tally> tallies, List<string>? misses, string field, string where, string? want, string? got, Func<string, string, bool> same)
    {
        var tally = (want, got) switch
        {
            (null, null) => default,
            ({ } w, { } g) when same(w, g) => new Tally(1, 0, 0),
            (null, _) => new Tally(0, 1, 0),
            (_, null) => new Tally(0, 0, 1),
            _ => new Tally(0, 1, 1),
        };
        if (misses is not null && tally.FalsePositives + tally.FalseNegatives > 0)
        {
            misses.Add($"{where}: {field} expected {want ?? "none"}, got {got ?? "none"}");
        }

        tallies[field] += tally;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Normalise(string text)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(Determiners.Contains);
        return string.Join(' ', words);
    }

    private static string Shorten(string text) => text.Length > 70 ? text[..67] + "..." : text;
}
