using Dapper;
using FactCheck.Web.Features.Review;
using Microsoft.Data.Sqlite;

namespace FactCheck.Web.Features.Dashboard;

/// The period half of the editor dashboard: throughput, time to verdict, verdict distribution and balance.
public sealed record DeskHistory(
    IReadOnlyList<StateCount> ClosedStates,
    IReadOnlyList<ThroughputPoint> Throughput,
    TimeToVerdict TimeToVerdict,
    IReadOnlyList<RatingCount> Verdicts,
    IReadOnlyList<BalanceRow> Sides,
    IReadOnlyList<BalanceRow> Claimants)
{
    /// The states a claim passes through on its way to a verdict, in order; time in others (merged, rejected) is not counted.
    public static readonly IReadOnlyList<string> Stages = ["new", "triaged", "assigned", "researching", "in_review"];

    public const string NoSide = "No side set";

    /// The states a claim leaves the workflow in; their counts move only with the history stamp.
    public static readonly IReadOnlyList<string> Closed = ["published", "rejected", "merged"];

    internal static async Task<DeskHistory> ReadAsync(
        SqliteConnection connection, DashboardFilter filter, DashboardPeriod period, string where, object parameters, RatingScale scale)
    {
        var published = (await connection.QueryAsync<(string At, long Version)>(
            $"""
            SELECT v.published_at, v.version FROM verdicts v CROSS JOIN claims c
            WHERE v.published_at >= @From AND c.id = v.claim_id AND {where}
            """,
            parameters)).ToList();

        // claim_timings holds each claim's hours, fixed at its first publication (migration 0011's trigger).
        var timings = (await connection.QueryAsync<Timing>(
            $"""
            SELECT tm.total_hours AS Total, tm.new_hours AS New, tm.triaged_hours AS Triaged, tm.assigned_hours AS Assigned,
                   tm.researching_hours AS Researching, tm.in_review_hours AS InReview
            FROM claim_timings tm CROSS JOIN claims c
            WHERE tm.published_at >= @From AND c.id = tm.claim_id AND {where}
            """,
            parameters)).ToList();

        var ratings = (await connection.QueryAsync<(string Rating, long Count)>(
            $"""
            SELECT pv.rating, count(*) FROM verdicts v
            CROSS JOIN claims c
            CROSS JOIN verdicts pv
            WHERE v.published_at >= @From AND v.version = 1 AND c.id = v.claim_id AND pv.id = c.published_verdict_id AND {where}
            GROUP BY pv.rating
            """,
            parameters)).ToDictionary(r => r.Rating, r => r.Count);

        var balance = (await connection.QueryAsync<BalanceCell>(
            $"""
            SELECT p.id AS ClaimantId, p.name AS Name, p.side AS Side, c.status AS Status, pv.rating AS Rating, count(*) AS Count
            FROM claims c
            CROSS JOIN claimants p
            LEFT JOIN verdicts pv ON pv.id = c.published_verdict_id
            WHERE c.created_at >= @From AND p.id = c.claimant_id AND c.status <> 'merged' AND {where}
            GROUP BY p.id, c.status, pv.rating
            """,
            parameters)).ToList();

        // Most of a desk's claims are closed: their counts come from the trigger-kept tables of migration 0014, and
        // are counted from the claims only when a topic and a language are chosen together.
        var closedSql = (filter.Topic, filter.Language) switch
        {
            (null, _) => "SELECT status, sum(claims) FROM claim_state_counts WHERE status IN ('published', 'rejected', 'merged') AND (@Language IS NULL OR language = @Language) GROUP BY status",
            (_, null) => "SELECT status, claims FROM topic_state_counts WHERE topic = @Topic AND status IN ('published', 'rejected', 'merged')",
            _ => $"SELECT c.status, count(*) FROM claims c WHERE c.status IN ('published', 'rejected', 'merged') AND {where} GROUP BY c.status",
        };
        var closed = (await connection.QueryAsync<(string Status, long Count)>(closedSql, parameters)).ToDictionary(r => r.Status, r => r.Count);

        return new DeskHistory(
            Closed.Select(s => new StateCount(s, closed.GetValueOrDefault(s))).ToList(),
            ThroughputOf(published, filter, period),
            TimeToVerdictOf(timings),
            Ordered(ratings, scale),
            Balance(balance.GroupBy(b => b.Side ?? ""), g => g.Key.Length == 0 ? NoSide : g.Key, _ => null, scale)
                .OrderByDescending(r => r.Recorded).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            Balance(balance.GroupBy(b => b.ClaimantId.ToString(System.Globalization.CultureInfo.InvariantCulture)), g => g.First().Name, g => g.First().Side, scale)
                .OrderByDescending(r => r.Recorded).ThenByDescending(r => r.Checked).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
                .Take(GetDeskDashboardHandler.ClaimantRows).ToList());
    }

    private static List<ThroughputPoint> ThroughputOf(List<(string At, long Version)> published, DashboardFilter filter, DashboardPeriod period)
    {
        var weekly = filter.Bucket == "week";
        DateOnly Bucket(DateOnly day) => weekly ? DashboardPeriod.WeekStart(day) : day;
        var counts = new Dictionary<DateOnly, (long Published, long Corrected)>();
        foreach (var (at, version) in published)
        {
            var key = Bucket(DashboardPeriod.LocalDate(Infrastructure.Database.DapperTypeHandlers.ParseInstant(at), period.Zone));
            var (p, c) = counts.GetValueOrDefault(key);
            counts[key] = version == 1 ? (p + 1, c) : (p, c + 1);
        }

        // Every bucket from the period's first day (or the first publication) to today, empty ones included: a line
        // chart with gaps closed would draw a quiet week as a busy one.
        var first = period.FirstDay ?? (counts.Count == 0 ? period.Today : counts.Keys.Min());
        var points = new List<ThroughputPoint>();
        for (var day = Bucket(first); day <= period.Today; day = day.AddDays(weekly ? 7 : 1))
        {
            var (p, c) = counts.GetValueOrDefault(day);
            points.Add(new ThroughputPoint(day, p, c));
        }

        return points;
    }

    private static TimeToVerdict TimeToVerdictOf(List<Timing> timings)
    {
        // julianday arithmetic leaves a few nanohours of noise: an hour should read as 1, not 1.0000000037.
        static List<double> Hours(IEnumerable<double?> values) => values.OfType<double>().Select(h => Math.Round(h, 6)).ToList();
        var stages = new Dictionary<string, List<double>>
        {
            ["new"] = Hours(timings.Select(t => t.New)),
            ["triaged"] = Hours(timings.Select(t => t.Triaged)),
            ["assigned"] = Hours(timings.Select(t => t.Assigned)),
            ["researching"] = Hours(timings.Select(t => t.Researching)),
            ["in_review"] = Hours(timings.Select(t => t.InReview)),
        };
        return new TimeToVerdict(SpreadOf(Hours(timings.Select(t => (double?)t.Total))), Stages.Select(s => new StageSpread(s, SpreadOf(stages[s]))).ToList());
    }

    /// Median and 90th percentile, interpolated between the two nearest ranks (so 1 and 3 have the median 2).
    public static Spread SpreadOf(List<double> hours)
    {
        if (hours.Count == 0)
        {
            return new Spread(0, null, null);
        }

        hours.Sort();
        return new Spread(hours.Count, Percentile(hours, 0.5), Percentile(hours, 0.9));
    }

    private static double Percentile(List<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    /// The scale's order, then any rating the scale no longer has (a verdict given before the scale changed).
    private static List<RatingCount> Ordered(IReadOnlyDictionary<string, long> counts, RatingScale scale)
    {
        var known = scale.Ratings.Where(r => counts.ContainsKey(r.Key)).Select(r => new RatingCount(r.Key, r.LabelEn, counts[r.Key]));
        var unknown = counts.Keys.Where(k => scale.Ratings.All(r => r.Key != k)).Order(StringComparer.Ordinal).Select(k => new RatingCount(k, k, counts[k]));
        return known.Concat(unknown).ToList();
    }

    private static IEnumerable<BalanceRow> Balance(
        IEnumerable<IGrouping<string, BalanceCell>> groups, Func<IGrouping<string, BalanceCell>, string> name, Func<IGrouping<string, BalanceCell>, string?> side, RatingScale scale)
    {
        foreach (var group in groups)
        {
            var ratings = group.Where(c => c.Rating is not null).GroupBy(c => c.Rating!).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
            yield return new BalanceRow(
                group.Key,
                name(group),
                side(group),
                group.Sum(c => c.Count),
                ratings.Values.Sum(),
                group.Where(c => ReviewActions.OpenStates.Contains(c.Status)).Sum(c => c.Count),
                group.Where(c => c.Status == "rejected").Sum(c => c.Count),
                Ordered(ratings, scale));
        }
    }

    private sealed record Timing
    {
        public double Total { get; init; }
        public double? New { get; init; }
        public double? Triaged { get; init; }
        public double? Assigned { get; init; }
        public double? Researching { get; init; }
        public double? InReview { get; init; }
    }

    private sealed record BalanceCell
    {
        public long ClaimantId { get; init; }
        public string Name { get; init; } = "";
        public string? Side { get; init; }
        public string Status { get; init; } = "";
        public string? Rating { get; init; }
        public long Count { get; init; }
    }
}
