using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Features.Review;
using System.Data.Common;

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

    /// Reads the period's figures. They come from dashboard_claims (migration 0015: a narrow copy of each claim's
    /// language, claimant, state and current rating) rather than from the claims table and its long texts, and a
    /// claim is looked up only when a topic or language filter needs it.
    internal static async Task<DeskHistory> ReadAsync(
        DbConnection connection, DashboardFilter filter, DashboardPeriod period, object parameters, RatingScale scale)
    {
        var filtered = filter.Topic is not null || filter.Language is not null;
        var where = DashboardPeriod.ClaimFilter(filter, "d", "claim_id");
        var throughput = await ThroughputAsync(connection, filter, period, parameters, filtered, where);

        var allTime = period.From is null;
        var timeToVerdict = allTime && !filtered ? await TimeToVerdictReader.AllTimeAsync(connection) : await TimeToVerdictReader.ForPeriodAsync(connection, parameters, filtered, where);

        // The claims first published in the period, by the rating readers see now (a correction moves a claim). All
        // time, that is every claim with a verdict, counted in claimant_state_counts (migration 0015).
        var ratings = (await connection.QueryAsync<(string Rating, long Count)>(
            allTime && filter.Topic is null
                ? """
                  SELECT rating, sum(claims) FROM claimant_state_counts
                  WHERE rating <> '' AND (@Language IS NULL OR language = @Language)
                  GROUP BY rating HAVING sum(claims) > 0
                  """
                : $"""
                  SELECT d.rating, count(*) FROM dashboard_claims d
                  WHERE d.first_published_at >= @From AND d.first_published_at IS NOT NULL AND d.rating IS NOT NULL AND {where}
                  GROUP BY d.rating
                  """,
            parameters)).ToDictionary(r => r.Rating, r => r.Count);

        // Claims recorded in the period per claimant, state and rating: all time from claimant_state_counts, a topic
        // over all time in claimant order without sorting, a period from the range of its claims.
        var grouped = allTime && filter.Topic is null
            ? """
              SELECT claimant_id, status, nullif(rating, '') AS rating, sum(claims) AS n FROM claimant_state_counts
              WHERE status <> 'merged' AND (@Language IS NULL OR language = @Language)
              GROUP BY claimant_id, status, rating HAVING sum(claims) > 0
              """
            : $"""
              SELECT d.claimant_id, d.status, d.rating, count(*) AS n
              FROM dashboard_claims d {(allTime && !connection.IsPostgres() ? "INDEXED BY ix_dashboard_claims_claimant" : "")}
              WHERE d.created_at >= @From AND d.status <> 'merged' AND {where}
              GROUP BY d.claimant_id, d.status, d.rating
              """;
        var balance = (await connection.QueryAsync<BalanceCell>(
            $"""
            SELECT p.id AS ClaimantId, p.name AS Name, p.side AS Side, g.status AS Status, g.rating AS Rating, g.n AS Count
            FROM ({grouped}) g CROSS JOIN claimants p
            WHERE p.id = g.claimant_id
            """,
            parameters)).ToList();

        // Most of a desk's claims are closed: their counts come from the trigger-kept tables of migration 0014, and
        // are counted claim by claim only when a topic and a language are chosen together.
        var closedSql = (filter.Topic, filter.Language) switch
        {
            (null, _) => "SELECT status, sum(claims) FROM claim_state_counts WHERE status IN ('published', 'rejected', 'merged') AND (@Language IS NULL OR language = @Language) GROUP BY status",
            (_, null) => "SELECT status, claims FROM topic_state_counts WHERE topic = @Topic AND status IN ('published', 'rejected', 'merged')",
            _ => $"SELECT d.status, count(*) FROM dashboard_claims d WHERE d.status IN ('published', 'rejected', 'merged') AND {where} GROUP BY d.status",
        };
        var closed = (await connection.QueryAsync<(string Status, long Count)>(closedSql, parameters)).ToDictionary(r => r.Status, r => r.Count);

        return new DeskHistory(
            Closed.Select(s => new StateCount(s, closed.GetValueOrDefault(s))).ToList(),
            throughput,
            timeToVerdict,
            Ordered(ratings, scale),
            Balance(balance.GroupBy(b => b.Side ?? ""), g => g.Key.Length == 0 ? NoSide : g.Key, _ => null, scale)
                .OrderByDescending(r => r.Recorded).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            Balance(balance.GroupBy(b => b.ClaimantId.ToString(System.Globalization.CultureInfo.InvariantCulture)), g => g.First().Name, g => g.First().Side, scale)
                .OrderByDescending(r => r.Recorded).ThenByDescending(r => r.Checked).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
                .Take(GetDeskDashboardHandler.ClaimantRows).ToList());
    }

    /// Verdicts published per day or week in the newsroom's days. Without a filter they are counted per UTC hour in
    /// verdict_hours (migration 0015: a year is at most 8,784 rows, however many verdicts), each hour going to the
    /// local day it falls in. With a filter, or in a zone whose offset is not a whole number of hours (a local midnight
    /// then falls inside an hour), the verdicts are read one by one in order of publication from the covering index,
    /// still working out one local date per hour where the hour lies within one day.
    private static async Task<List<ThroughputPoint>> ThroughputAsync(
        DbConnection connection, DashboardFilter filter, DashboardPeriod period, object parameters, bool filtered, string where)
    {
        var weekly = filter.Bucket == "week";
        DateOnly Bucket(DateOnly day) => weekly ? DashboardPeriod.WeekStart(day) : day;
        DateOnly? DayOfHour(string hour)
        {
            var start = SlotStart(hour);
            var day = DashboardPeriod.LocalDate(start, period.Zone);
            return DashboardPeriod.LocalDate(start.AddHours(1).AddTicks(-1), period.Zone) == day ? day : null;
        }

        var counts = filtered ? null : await HourlyAsync();
        counts ??= await OneByOneAsync();

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

        async Task<Dictionary<DateOnly, (long Published, long Corrected)>?> HourlyAsync()
        {
            var hourly = new Dictionary<DateOnly, (long Published, long Corrected)>();
            var rows = await connection.QueryAsync<(string Hour, long Firsts, long Corrections)>(
                "SELECT hour, firsts, corrections FROM verdict_hours WHERE hour >= substr(@From, 1, 13) AND (firsts <> 0 OR corrections <> 0)",
                parameters);
            foreach (var (hour, firsts, corrections) in rows)
            {
                if (DayOfHour(hour) is not { } day)
                {
                    return null;
                }

                var (p, c) = hourly.GetValueOrDefault(Bucket(day));
                hourly[Bucket(day)] = (p + firsts, c + corrections);
            }

            return hourly;
        }

        async Task<Dictionary<DateOnly, (long Published, long Corrected)>> OneByOneAsync()
        {
            var single = new Dictionary<DateOnly, (long Published, long Corrected)>();
            var hour = "";
            DateOnly? hourDay = null;
            await using var reader = await connection.ExecuteReaderAsync(
                filtered
                    ? $"""
                      SELECT v.published_at, v.version FROM verdicts v CROSS JOIN dashboard_claims d
                      WHERE v.published_at >= @From AND v.published_at IS NOT NULL AND d.claim_id = v.claim_id AND {where}
                      ORDER BY v.published_at
                      """
                    : "SELECT published_at, version FROM verdicts WHERE published_at >= @From AND published_at IS NOT NULL ORDER BY published_at",
                parameters);
            while (reader.Read())
            {
                var at = reader.GetString(0);
                if (hour.Length == 0 || !at.AsSpan().StartsWith(hour, StringComparison.Ordinal))
                {
                    hour = at[..HourPrefix];
                    hourDay = DayOfHour(hour);
                }

                var key = Bucket(hourDay ?? DashboardPeriod.LocalDate(Infrastructure.Database.DapperTypeHandlers.ParseInstant(at), period.Zone));
                var (p, c) = single.GetValueOrDefault(key);
                single[key] = reader.GetInt64(1) == 1 ? (p + 1, c) : (p, c + 1);
            }

            return single;
        }
    }


    private const int HourPrefix = 13; // yyyy-MM-ddTHH

    /// The UTC instant a stored timestamp's leading "yyyy-MM-ddTHH" names.
    internal static DateTimeOffset SlotStart(string hour) =>
        DateTimeOffset.ParseExact(
            hour, "yyyy-MM-dd'T'HH", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);

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
