using System.Globalization;
using System.Text;
using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction.Quality;

// Shared with tests/FactCheck.Benchmarks (linked source): no xunit here.

public readonly record struct Tally(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// Nothing proposed is a perfect precision (nothing wrong was said); nothing expected a perfect recall.
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public static Tally operator +(Tally a, Tally b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

public sealed record FixtureScore(ExtractionFixture Fixture, ArticleExtraction Extraction, IReadOnlyDictionary<string, Tally> Fields, IReadOnlyList<string> Misses)
{
    /// The candidate proposed for the expected claim whose sentence contains this text, if any.
    public ClaimCandidate? CandidateFor(string sentence) =>
        Extraction.Candidates.FirstOrDefault(c => c.Text.Contains(sentence, StringComparison.Ordinal));
}

/// Precision and recall of the extractor against the hand-made expectations. Proposals are matched to expected
/// claims by sentence; claimants, dates, figures and kinds are compared on matched claims only, links as
/// (from, to, relation) triples. A field counts a true positive when the proposal equals the expectation, a false
/// positive when something wrong or unexpected was proposed, a false negative when the expectation was missed.
public static class ExtractionQuality
{
    public static readonly IReadOnlyList<string> Fields = ["claims", "kinds", "claimants", "dates", "figures", "links"];

    public static FixtureScore Score(ExtractionFixture fixture, IntakeCues cues)
    {
        var extraction = fixture.Extract(cues);
        var misses = new List<string>();
        var expected = fixture.Expected.Claims;
        var matched = new ClaimCandidate?[expected.Count];
        var used = new HashSet<int>();
        for (var i = 0; i < expected.Count; i++)
        {
            matched[i] = extraction.Candidates.FirstOrDefault(c => !used.Contains(c.Number) && c.Text.Contains(expected[i].Sentence, StringComparison.Ordinal));
            if (matched[i] is { } candidate)
            {
                used.Add(candidate.Number);
            }
            else
            {
                misses.Add($"{fixture.Name}: claim not proposed: \"{expected[i].Sentence}\"");
            }
        }

        var tallies = Fields.ToDictionary(f => f, _ => default(Tally), StringComparer.Ordinal);
        tallies["claims"] = new Tally(used.Count, extraction.Candidates.Count - used.Count, expected.Count - used.Count);
        foreach (var extra in extraction.Candidates.Where(c => !used.Contains(c.Number)))
        {
            misses.Add($"{fixture.Name}: proposed a sentence not expected as a claim: \"{Shorten(extra.Text)}\"");
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (matched[i] is not { } got)
            {
                continue;
            }

            var want = expected[i];
            var where = $"{fixture.Name} \"{want.Sentence}\"";
            Compare(tallies, misses, "kinds", where, want.Kind, got.Kind, string.Equals);
            Compare(tallies, misses, "claimants", where, want.Claimant, got.Claimant?.Name, (a, b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase));
            Compare(tallies, misses, "dates", where, want.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), got.Date?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Equals);
            Compare(tallies, misses, "figures", where, Describe(want.Figure), got.Figure is null ? null : Describe(new ExpectedFigure(got.Figure.Value, got.Figure.Unit, got.Figure.High)), string.Equals);
        }

        tallies["links"] = Links(fixture, extraction, matched, misses);
        return new FixtureScore(fixture, extraction, tallies, misses);
    }

    private static Tally Links(ExtractionFixture fixture, ArticleExtraction extraction, ClaimCandidate?[] matched, List<string> misses)
    {
        var expected = fixture.Expected.Claims;
        string Key(int number) => Array.FindIndex(matched, c => c?.Number == number) is var i and >= 0 ? expected[i].Sentence : $"#{number} (not expected)";
        var want = expected.SelectMany(c => (c.Links ?? []).Select(l => (c.Sentence, l.To, l.Relation))).ToHashSet();
        var got = extraction.Links.Select(l => (Key(l.FromNumber), Key(l.ToNumber), l.Relation)).ToHashSet();
        foreach (var (from, to, relation) in got.Except(want))
        {
            misses.Add($"{fixture.Name}: wrong link \"{from}\" {relation} \"{to}\"");
        }

        foreach (var (from, to, relation) in want.Except(got))
        {
            misses.Add($"{fixture.Name}: missing link \"{from}\" {relation} \"{to}\"");
        }

        return new Tally(got.Intersect(want).Count(), got.Except(want).Count(), want.Except(got).Count());
    }

    private static void Compare(Dictionary<string, Tally> tallies, List<string> misses, string field, string where, string? want, string? got, Func<string, string, bool> same)
    {
        var tally = (want, got) switch
        {
            (null, null) => default,
            ({ } w, { } g) when same(w, g) => new Tally(1, 0, 0),
            (null, _) => new Tally(0, 1, 0),
            (_, null) => new Tally(0, 0, 1),
            _ => new Tally(0, 1, 1),
        };
        if (tally.FalsePositives + tally.FalseNegatives > 0)
        {
            misses.Add($"{where}: {field[..^1]} expected {want ?? "none"}, got {got ?? "none"}");
        }

        tallies[field] += tally;
    }

    private static string? Describe(ExpectedFigure? figure) => figure is null
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"{figure.Value:0.##########}{(figure.High is { } high ? $"-{high:0.##########}" : "")} {figure.Unit.ToLowerInvariant()}");

    private static string Shorten(string text) => text.Length > 70 ? text[..67] + "..." : text;

    /// The Markdown report: one row per field for the seed, the Indonesian and English fixtures and all of them.
    public static string Report(IReadOnlyList<FixtureScore> scores)
    {
        var groups = new (string Name, Func<FixtureScore, bool> Member)[]
        {
            ("seed (id)", s => s.Fixture.IsSeed),
            ("fixtures id", s => s.Fixture.IsTuning && s.Fixture.Expected.Language == "id"),
            ("fixtures en", s => s.Fixture.IsTuning && s.Fixture.Expected.Language == "en"),
            ("held out #1 (id+en, used for fixes)", s => s.Fixture.IsHeldOut && !s.Fixture.IsNeverTuned),
            ("held out #2 (id+en, never tuned)", s => s.Fixture.IsNeverTuned),
            ("all", _ => true),
        };
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Intake extraction quality: {scores.Count} articles, {scores.Sum(s => s.Fixture.Expected.Claims.Count)} expected claims, {scores.Sum(s => s.Extraction.Candidates.Count)} proposed");
        report.AppendLine();
        report.AppendLine("| set | field | TP | FP | FN | precision | recall |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (name, member) in groups)
        {
            foreach (var field in Fields)
            {
                var tally = Total(scores.Where(member), field);
                report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {field} | {tally.TruePositives} | {tally.FalsePositives} | {tally.FalseNegatives} | {tally.Precision:0.00} | {tally.Recall:0.00} |");
            }
        }

        var misses = scores.SelectMany(s => s.Misses).ToList();
        report.AppendLine();
        report.AppendLine(misses.Count == 0 ? "No misses." : "Misses:");
        foreach (var miss in misses)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {miss}");
        }

        return report.ToString();
    }

    public static Tally Total(IEnumerable<FixtureScore> scores, string field) =>
        scores.Aggregate(default(Tally), (sum, s) => sum + s.Fields[field]);
}
