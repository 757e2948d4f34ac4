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

/// Precision and recall of the extractor against the hand-made expectations of Fixtures/, scored by ExtractionScoring
/// exactly as the issue 24 corpus is: proposals are paired one to one with expected claims whose snippet they overlap
/// (CandidateMatching); kinds, claimants and dates are compared on paired claims; figures and links (from, to,
/// relation) over the whole article. A field counts a true positive when the proposal equals the expectation, a
/// false positive when something wrong or unexpected was proposed, a false negative when the expectation was missed.
/// "claims" is ExtractionScoring's "candidates".
public static class ExtractionQuality
{
    public static readonly IReadOnlyList<string> Fields = ["claims", "kinds", "claimants", "dates", "figures", "links"];

    public static FixtureScore Score(ExtractionFixture fixture, IntakeCues cues)
    {
        var score = ExtractionScoring.Score(fixture, cues);
        var fields = Fields.ToDictionary(f => f, f => score.Fields[f == "claims" ? ExtractionScoring.Candidates : f], StringComparer.Ordinal);
        return new FixtureScore(fixture, score.Extraction, fields, score.Misses);
    }

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
