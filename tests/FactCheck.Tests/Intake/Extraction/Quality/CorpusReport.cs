using System.Globalization;
using System.Text;

namespace FactCheck.Tests.Intake.Extraction.Quality;

// Shared with tests/FactCheck.Benchmarks (linked source): no xunit here.

/// The Markdown report of one corpus half: per-field precision and recall (all, Indonesian, English), the same per
/// phenomenon tag, and, only when asked (never for the held-out half), each article's numbers and its misses.
public static class CorpusReport
{
    public static Tally Total(IEnumerable<ArticleScore> scores, string field) =>
        scores.Aggregate(default(Tally), (sum, s) => sum + s.Fields[field]);

    public static string Report(string half, IReadOnlyList<ArticleScore> scores, bool showArticles)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var claims = scores.SelectMany(s => s.Claims).ToList();
        var required = claims.Where(c => !c.Claim.Optional).ToList();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"### {half}: {scores.Count} articles ({Count(scores, "id")} id, {Count(scores, "en")} en), {required.Count} claims (+{claims.Count - required.Count} optional), {required.Sum(c => c.Claim.Links?.Count ?? 0)} links; {scores.Sum(s => s.Extraction.Candidates.Count)} proposals, {scores.Sum(s => s.Extraction.Links.Count)} proposed links");
        report.AppendLine();
        report.AppendLine("| field | scope | TP | FP | FN | precision | recall | F1 | id P / R | en P / R |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (field, scope) in ExtractionScoring.Fields)
        {
            var all = Total(scores, field);
            var id = Total(scores.Where(s => s.Fixture.Expected.Language == "id"), field);
            var en = Total(scores.Where(s => s.Fixture.Expected.Language == "en"), field);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {field} | {scope} | {all.TruePositives} | {all.FalsePositives} | {all.FalseNegatives} | {all.Precision:0.00} | {all.Recall:0.00} | {F1(all):0.00} | {id.Precision:0.00} / {id.Recall:0.00} | {en.Precision:0.00} / {en.Recall:0.00} |");
        }

        report.AppendLine();
        report.AppendLine("| phenomenon (tag) | claims | proposed | claimant exact | figure right | links found |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var tag in required.SelectMany(c => c.Claim.Tags ?? []).Distinct().Order(StringComparer.Ordinal))
        {
            var tagged = required.Where(c => c.Claim.Tags?.Contains(tag) == true).ToList();
            var withClaimant = tagged.Where(c => c.Claim.Claimant is not null).ToList();
            var withFigure = tagged.Where(c => c.Claim.Figure is not null).ToList();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {tag} | {tagged.Count} | {Ratio(tagged.Count(c => c.Candidate is not null), tagged.Count)} | {Ratio(withClaimant.Count(c => c.ClaimantRight), withClaimant.Count)} | {Ratio(withFigure.Count(c => c.FigureRight), withFigure.Count)} | {Ratio(tagged.Sum(c => c.LinksFound), tagged.Sum(c => c.Links))} |");
        }

        if (!showArticles)
        {
            report.AppendLine();
            report.AppendLine("(Per-article results and misses are not shown for this half.)");
            return report.ToString();
        }

        report.AppendLine();
        report.AppendLine("| article | claims | proposals | candidates P / R | claimants P / R | figures P / R | links P / R |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var score in scores)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {score.Fixture.Name} | {score.Claims.Count(c => !c.Claim.Optional)} | {score.Extraction.Candidates.Count} | {PR(score, ExtractionScoring.Candidates)} | {PR(score, ExtractionScoring.Claimants)} | {PR(score, ExtractionScoring.Figures)} | {PR(score, ExtractionScoring.Links)} |");
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

    public static string Targets(string half, IReadOnlyList<TargetResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Issue 24 targets on the {half} half: {results.Count(r => r.Met)} of {results.Count} met");
        report.AppendLine();
        report.AppendLine("| field | measure | floor | today | met |");
        report.AppendLine("|---|---|---:|---:|---|");
        foreach (var result in results)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Target.Field} | {result.Target.Measure} | {result.Target.Floor:0.00} | {result.Value:0.00} | {(result.Met ? "yes" : "no")} |");
        }

        return report.ToString();
    }

    private static int Count(IEnumerable<ArticleScore> scores, string language) => scores.Count(s => s.Fixture.Expected.Language == language);

    private static double F1(Tally t) => t.Precision + t.Recall == 0 ? 0 : 2 * t.Precision * t.Recall / (t.Precision + t.Recall);

    private static string Ratio(int right, int of) => of == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{right}/{of}");

    private static string PR(ArticleScore score, string field)
    {
        var t = score.Fields[field];
        return string.Create(CultureInfo.InvariantCulture, $"{t.Precision:0.00} / {t.Recall:0.00}");
    }
}
