using Bunit;
using Dapper;
using DbUp;
using FactCheck.Tests.Components;
using FactCheck.Web.Features.Admin;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.Data.Sqlite;

namespace FactCheck.Tests.Infrastructure;

/// The audit log is append-only (the database refuses UPDATE and DELETE) and tamper-evident: every row is chained to the
/// one before it by a hash, and verify-audit (and /admin/audit) names the first row that breaks the chain.
public sealed class AuditLogTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private async Task<AuditChain.Verification> VerifyAsync() => await app.QueryAsync(new VerifyAuditLog(), await app.ActorAsync("admin"));

    /// What someone with the database file can do: drop the triggers that guard the log.
    private async Task TamperAsync(string sql, object? param = null)
    {
        await using var connection = await app.Db.OpenAsync();
        await connection.ExecuteAsync(app.Db.IsPostgres
            ? "DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log; DROP TRIGGER IF EXISTS audit_log_no_delete ON audit_log;"
            : "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;");
        await connection.ExecuteAsync(sql, param);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET after_json = '{\"forged\":true}' WHERE id = (SELECT max(id) FROM audit_log)")]
    [InlineData("UPDATE audit_log SET actor_name = 'someone else' WHERE id = 1")]
    [InlineData("UPDATE audit_log SET row_hash = 'abc' WHERE id = 1")]
    [InlineData("UPDATE audit_log SET prev_hash = NULL, row_hash = NULL WHERE id = 2")]
    [InlineData("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")]
    [InlineData("DELETE FROM audit_log")]
    public async Task The_database_refuses_to_change_or_delete_audit_rows(string sql)
    {
        var before = await app.RowsAsync<string>("SELECT row_hash FROM audit_log ORDER BY id");

        await using var connection = await app.Db.OpenAsync();
        var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(sql));

        Assert.Contains("audit_log is append-only", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await app.RowsAsync<string>("SELECT row_hash FROM audit_log ORDER BY id"));
    }

    [Fact]
    public async Task Every_row_the_app_writes_is_chained_and_the_chain_verifies()
    {
        var review = await Review.ReviewDriver.CreateAsync(app);
        await review.ClaimInStateAsync("published");

        var result = await VerifyAsync();

        Assert.True(result.Intact, result.FirstBreak?.Reason);
        Assert.Equal(await app.ScalarAsync<long>("SELECT count(*) FROM audit_log"), result.RowsChecked);
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE row_hash IS NULL OR prev_hash IS NULL"));
        Assert.Equal(await app.ScalarAsync<string>("SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1"), result.NewestHash);
    }

    [Fact]
    public async Task A_row_changed_in_the_database_is_found_by_its_id()
    {
        var target = await app.ScalarAsync<long>("SELECT id FROM audit_log WHERE action = 'ApproveVerdict' ORDER BY id LIMIT 1");

        await TamperAsync("UPDATE audit_log SET after_json = replace(after_json, 'published', 'rejected') WHERE id = @target", new { target });

        var broken = (await VerifyAsync()).FirstBreak;
        Assert.Equal(target, broken?.Id);
        Assert.Contains("content does not match its hash", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_removed_or_slipped_in_breaks_the_chain_at_the_row_after_it()
    {
        var removed = await app.ScalarAsync<long>("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 10");
        await TamperAsync("DELETE FROM audit_log WHERE id = @removed", new { removed });

        var afterRemoval = (await VerifyAsync()).FirstBreak;
        Assert.Equal(await app.ScalarAsync<long>("SELECT min(id) FROM audit_log WHERE id > @removed", new { removed }), afterRemoval?.Id);
        Assert.Contains("does not follow the row before it", afterRemoval!.Reason, StringComparison.Ordinal);

        await TamperAsync(
            "INSERT INTO audit_log (id, at, actor_name, action, entity, entity_id) VALUES (@removed, '2020-01-01T00:00:00.0000000Z', 'ghost', 'Forged', 'claim', '1')",
            new { removed });
        var slipped = (await VerifyAsync()).FirstBreak;
        Assert.Equal(removed, slipped?.Id);
        Assert.Contains("no hash", slipped!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_check_exits_0_when_intact_and_1_naming_the_first_broken_row()
    {
        var args = app.PostgresConnectionString is { } postgres
            ? new[] { "verify-audit", "--FactCheck:Database:Provider=postgres", $"--ConnectionStrings:FactCheck={postgres}" }
            : ["verify-audit", $"--ConnectionStrings:FactCheck=Data Source={app.DatabasePath}"];
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, await AuditCommandLine.RunAsync(args, output, error));
        Assert.Contains("The audit log is intact", output.ToString(), StringComparison.Ordinal);

        var target = await app.ScalarAsync<long>("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 3");
        await TamperAsync("UPDATE audit_log SET actor_name = 'someone else' WHERE id = @target", new { target });
        (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(1, await AuditCommandLine.RunAsync(args, output, error));
        Assert.Contains($"The audit log is broken at row {target} ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_written_before_the_chain_are_chained_at_the_next_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "factcheck-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // A database as the previous version left it: every migration before the chain, and audit rows without hashes.
            var connectionString = $"Data Source={Path.Combine(folder, "factcheck.db")}";
            var upgrade = DeployChanges.To.SqliteDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, n => n.StartsWith(Migrator.ResourcePrefix, StringComparison.Ordinal)
                    && string.CompareOrdinal(n, Migrator.ResourcePrefix + "0019") < 0)
                .WithTransaction().Build().PerformUpgrade();
            Assert.True(upgrade.Successful);
            using (var connection = new SqliteConnection(connectionString))
            {
                connection.Execute(
                    """
                    INSERT INTO audit_log (at, actor_name, action, entity, entity_id, after_json) VALUES
                    ('2026-01-01T00:00:00.0000000Z', 'system', 'Old', 'claim', '1', '{"a":1}'),
                    ('2026-01-02T00:00:00.0000000Z', 'system', 'Older', 'claim', '2', NULL),
                    ('2026-01-03T00:00:00.0000000Z', 'editor', 'Oldest', 'user', '3', '{"b":"ç"}')
                    """);
            }

            SqliteConnection.ClearAllPools();
            using var upgraded = new TestApp(demoData: false, folder: folder, settings: new Dictionary<string, string?> { ["FactCheck:Admin:Password"] = "Configured-Admin-Password-9" }).Start();

            var result = await upgraded.QueryAsync(new VerifyAuditLog(), await upgraded.ActorAsync("admin"));
            Assert.True(result.Intact, result.FirstBreak?.Reason);
            Assert.Equal(await upgraded.ScalarAsync<long>("SELECT count(*) FROM audit_log"), result.RowsChecked);
            Assert.True(result.RowsChecked > 3);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_admin_page_reports_the_first_broken_row()
    {
        var target = await app.ScalarAsync<long>("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 5");
        await TamperAsync("UPDATE audit_log SET before_json = '{}' WHERE id = @target", new { target });
        using var context = new AdminPage(app);

        var page = context.Render<AuditLogPage>();
        page.Find("[data-testid=verify-audit]").Click();

        page.WaitForAssertion(() => Assert.Contains($"broken at row {target} ", page.Find("[data-testid=audit-broken]").TextContent, StringComparison.Ordinal));
    }

    private sealed class AdminPage(TestApp app) : PageTest(app, "admin", Roles.Admin);
}
