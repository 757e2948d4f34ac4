using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using FactCheck.Web.Infrastructure.Database;
using Microsoft.Data.Sqlite;

namespace FactCheck.Benchmarks;

/// Where the dashboard's database time goes, without copying its SQL: SQLite's profile hook, set on every connection
/// the pool holds, reports each statement as the handler runs it (its text and how long it ran, rows read included).
/// The hook stays on the pooled connections, so attach it only after the other in-process measurements.
public sealed partial class DashboardSqlProfile
{
    private readonly ConcurrentDictionary<string, StatementTime> statements = new();
    private readonly ConcurrentDictionary<string, string> texts = new();

    public bool Recording { get; set; }

    /// Opening several connections at once takes every one the pool holds (and adds some); all go back hooked.
    public static async Task<DashboardSqlProfile> AttachAsync(Db db, int connections = 4)
    {
        var profile = new DashboardSqlProfile();
        var open = new List<SqliteConnection>();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                // The profile hook and EXPLAIN QUERY PLAN are SQLite's: the dashboard benchmark runs on a SQLite file.
                open.Add((SqliteConnection)await db.OpenAsync());
            }

            foreach (var connection in open)
            {
                SQLitePCL.raw.sqlite3_profile(connection.Handle, profile.OnStatement, null);
            }
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }

        return profile;
    }

    /// Milliseconds per operation for each statement, slowest first, after `operations` recorded operations.
    public List<(string Statement, double Ms, double Calls)> PerOperation(int operations) =>
        statements.Select(s => (s.Key, s.Value.Nanoseconds / 1e6 / operations, (double)s.Value.Calls / operations))
            .OrderByDescending(s => s.Item2)
            .ToList();

    public void Clear() => statements.Clear();

    private void OnStatement(object userData, string statement, long nanoseconds)
    {
        if (!Recording)
        {
            return;
        }

        var key = Whitespace().Replace(statement, " ").Trim();
        key = key.Length > 90 ? key[..90] + "…" : key;
        texts.TryAdd(key, statement);
        statements.AddOrUpdate(key, _ => new StatementTime(nanoseconds, 1), (_, t) => new StatementTime(t.Nanoseconds + nanoseconds, t.Calls + 1));
    }

    /// The statement's query plan steps that read a whole table or index (SCAN) or sort in a temporary b-tree,
    /// from EXPLAIN QUERY PLAN with its parameters bound to NULL (the plan is chosen before values are known).
    public async Task<string> ScansAsync(Db db, string key)
    {
        if (!texts.TryGetValue(key, out var sql))
        {
            return "";
        }

        await using var connection = (SqliteConnection)await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            command.Parameters.AddWithValue(name, DBNull.Value);
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var detail = reader.GetString(reader.GetOrdinal("detail"));
            if (detail.StartsWith("SCAN", StringComparison.Ordinal) || detail.Contains("TEMP B-TREE", StringComparison.Ordinal))
            {
                steps.Add(detail);
            }
        }

        return string.Join("; ", steps);
    }

    [GeneratedRegex(@"(?<![\w@$:])[@$:][A-Za-z_]\w*")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed record StatementTime(long Nanoseconds, int Calls);
}
