using Dapper;
using System.Data.Common;

namespace FactCheck.Web.Features.Dashboard;

/// The dashboard's time to verdict: hours per stage and overall, as median and 90th percentile.
public static class TimeToVerdictReader
{
    /// Time to verdict for the claims first published in the period. claim_timings holds each claim's hours, fixed at
    /// its first publication (migration 0011's trigger); the covering index of migration 0015 gives them in order of
    /// publication without a lookup per row, read column by column into plain lists.
    public static async Task<TimeToVerdict> ForPeriodAsync(DbConnection connection, object parameters, bool filtered, string where)
    {
        const string columns = "tm.total_hours, tm.new_hours, tm.triaged_hours, tm.assigned_hours, tm.researching_hours, tm.in_review_hours";
        var timings = Enumerable.Range(0, 1 + DeskHistory.Stages.Count).Select(_ => new List<double>()).ToArray();
        await using (var reader = await connection.ExecuteReaderAsync(
            filtered
                ? $"SELECT {columns} FROM claim_timings tm CROSS JOIN dashboard_claims d WHERE tm.published_at >= @From AND d.claim_id = tm.claim_id AND {where}"
                : $"SELECT {columns} FROM claim_timings tm WHERE tm.published_at >= @From",
            parameters))
        {
            while (reader.Read())
            {
                for (var i = 0; i < timings.Length; i++)
                {
                    if (!reader.IsDBNull(i))
                    {
                        timings[i].Add(Hours(reader.GetDouble(i)));
                    }
                }
            }
        }

        return new(SpreadOf(timings[0]), DeskHistory.Stages.Select((s, i) => new StageSpread(s, SpreadOf(timings[i + 1]))).ToList());
    }

    /// Time to verdict over the whole desk without reading every claim's row: each column has an index of its own
    /// (migration 0015), so a count and the two values either side of each percentile's rank are read by walking it.
    /// Rounding keeps the order, so this gives exactly what sorting the rounded values would.
    public static async Task<TimeToVerdict> AllTimeAsync(DbConnection connection)
    {
        async Task<Spread> SpreadOfColumn(string column)
        {
            var count = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM claim_timings WHERE {column} IS NOT NULL");
            if (count == 0)
            {
                return new Spread(0, null, null);
            }

            async Task<double> At(double p)
            {
                var (low, fraction) = Rank(p, count);
                var values = (await connection.QueryAsync<double>(
                    $"SELECT {column} FROM claim_timings WHERE {column} IS NOT NULL ORDER BY {column} LIMIT 2 OFFSET @low", new { low })).Select(Hours).ToList();
                return Between(values[0], values.Count > 1 ? values[1] : values[0], fraction);
            }

            return new Spread(count, await At(0.5), await At(0.9));
        }

        var stages = new List<StageSpread>();
        foreach (var stage in DeskHistory.Stages)
        {
            stages.Add(new StageSpread(stage, await SpreadOfColumn(stage + "_hours")));
        }

        return new TimeToVerdict(await SpreadOfColumn("total_hours"), stages);
    }

    /// julianday arithmetic leaves a few nanohours of noise: an hour should read as 1, not 1.0000000037.
    private static double Hours(double hours) => Math.Round(hours, 6);

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
        var (low, fraction) = Rank(p, sorted.Count);
        return Between(sorted[low], sorted[Math.Min(low + 1, sorted.Count - 1)], fraction);
    }

    /// Where the p-th percentile of count sorted values falls: the lower of its two nearest ranks, and how far
    /// towards the next one.
    private static (int Low, double Fraction) Rank(double p, int count)
    {
        var rank = p * (count - 1);
        var low = (int)Math.Floor(rank);
        return (low, rank - low);
    }

    private static double Between(double low, double high, double fraction) => low + ((high - low) * fraction);
}
