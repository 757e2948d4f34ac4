using Dapper;
using FactCheck.Web.Features.Backup;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactCheck.Tests.Postgres;

/// `copy-to-postgres` moves a working SQLite desk (the demo desk, with verdicts, merges, notifications and a chained
/// audit log) into an empty PostgreSQL database, and refuses one that is not empty.
public sealed class CopyToPostgresTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "factcheck-copy", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_desk_copied_to_an_empty_database_has_every_row_an_intact_audit_chain_and_runs_there()
    {
        Directory.CreateDirectory(folder);
        var source = $"Data Source={Path.Combine(folder, "factcheck.db")}";
        List<(string Table, long Rows)> before;
        using (var desk = new TestApp(settings: new Dictionary<string, string?> { ["ConnectionStrings:FactCheck"] = source }).Start())
        {
            before = await CountsAsync(desk.Db);
        }

        var target = await TestDatabase.CreatePostgresAsync(migrated: false);
        try
        {
            var report = await CopyToPostgres.RunAsync(source, target, NullLogger.Instance);

            Assert.True(report.Audit.Intact);
            Assert.True(report.Audit.RowsChecked > 0);
            await using var copied = new Db(DatabaseProvider.Postgres, target);
            Assert.Equal(before, await CountsAsync(copied));

            // The copy is a working desk: the app starts on it, signs in, and new rows get new ids.
            using var app = new TestApp(demoData: true, settings: new Dictionary<string, string?>
            {
                ["FactCheck:Database:Provider"] = "postgres",
                ["ConnectionStrings:FactCheck"] = target,
            }).Start();
            var editor = await app.ActorAsync("editor");
            var claim = await app.SendAsync(new Web.Features.Claims.SubmitClaim
            {
                Title = "After the move", Text = "Klaim baru setelah pindah ke PostgreSQL.", Language = "id",
                ClaimantName = "Juru bicara", ClaimantKind = "person", Kind = "statement",
            }, editor);
            Assert.True(claim.Id > before.Single(t => t.Table == "claims").Rows);
            Assert.True((await app.QueryAsync(new Web.Features.Admin.VerifyAuditLog(), await app.ActorAsync("admin"))).Intact);

            var again = await Assert.ThrowsAsync<CopyRefusedException>(() => CopyToPostgres.RunAsync(source, target, NullLogger.Instance));
            Assert.Contains("not empty", again.Message);
        }
        finally
        {
            await TestDatabase.DropPostgresAsync(target);
        }
    }

    [Fact]
    public async Task A_database_holding_other_tables_is_refused_and_left_as_it_was()
    {
        var target = await TestDatabase.CreatePostgresAsync(migrated: false);
        try
        {
            await using (var db = new Db(DatabaseProvider.Postgres, target))
            await using (var connection = await db.OpenAsync())
            {
                await connection.ExecuteAsync("CREATE TABLE invoices (id bigint PRIMARY KEY); INSERT INTO invoices VALUES (1)");
            }

            Directory.CreateDirectory(folder);
            var source = $"Data Source={Path.Combine(folder, "factcheck.db")}";
            using (new TestApp(settings: new Dictionary<string, string?> { ["ConnectionStrings:FactCheck"] = source }).Start())
            {
            }

            var refused = await Assert.ThrowsAsync<CopyRefusedException>(() => CopyToPostgres.RunAsync(source, target, NullLogger.Instance));
            Assert.Contains("invoices", refused.Message);
            await using var check = new Db(DatabaseProvider.Postgres, target);
            await using var c = await check.OpenAsync();
            Assert.Equal(["invoices"], await c.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"));
        }
        finally
        {
            await TestDatabase.DropPostgresAsync(target);
        }
    }

    private static async Task<List<(string Table, long Rows)>> CountsAsync(Db db)
    {
        string[] tables =
        [
            "users", "user_roles", "api_tokens", "audit_log", "claimants", "claims", "claim_topics", "claim_links", "appearances", "tips",
            "verdicts", "verdict_votes", "evidence", "verdict_evidence", "corrections", "ladders", "reminders", "notifications", "mail_outbox",
            "claim_transitions", "claim_timings", "articles", "article_claims", "claim_state_counts", "topic_state_counts", "dashboard_claims",
            "claimant_state_counts", "verdict_hours", "claim_search_terms", "topics", "claim_comments", "claim_follows", "notification_settings",
        ];
        await using var connection = await db.OpenAsync();
        var counts = new List<(string, long)>();
        foreach (var table in tables)
        {
            counts.Add((table, await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}")));
        }

        return counts;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalising connection; the temp folder is cleaned by the OS.
        }
    }
}
