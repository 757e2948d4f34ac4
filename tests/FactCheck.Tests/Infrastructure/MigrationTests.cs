using Dapper;
using FactCheck.Web.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactCheck.Tests.Infrastructure;

public sealed class MigrationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "factcheck-migrations", Guid.NewGuid().ToString("N"));

    public MigrationTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_a_second_run_applies_nothing()
    {
        var db = new Db($"Data Source={Path.Combine(folder, "a.db")}");
        await db.ConfigureFileAsync();

        var first = Migrator.Apply(db, NullLogger.Instance);
        var second = Migrator.Apply(db, NullLogger.Instance);

        var scripts = Directory.GetFiles(Path.Combine(RepoRoot(), "db", "migrations"), "*.sql").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(scripts.Select(s => s!).ToList(), first.Select(n => n.Replace(Migrator.ResourcePrefix, "")).ToList());
        Assert.Empty(second);
        await using var connection = await db.OpenAsync();
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet();
        Assert.Superset(new HashSet<string> { "users", "user_roles", "api_tokens", "audit_log", "claims", "claimants", "claim_links", "claim_topics" }, tables);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.True(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout") > 0);
    }

    [Fact]
    public async Task A_failing_migration_stops_with_its_name_and_leaves_the_database_unchanged()
    {
        var db = new Db($"Data Source={Path.Combine(folder, "b.db")}");
        await db.ConfigureFileAsync();

        var failure = Assert.Throws<MigrationFailedException>(() =>
            Migrator.Apply(db, NullLogger.Instance, typeof(MigrationTests).Assembly, "FactCheck.Tests.Broken."));

        Assert.Contains("0002_break.sql", failure.Message);
        Assert.Contains("unchanged", failure.Message);
        await using var connection = await db.OpenAsync();
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToList();
        Assert.DoesNotContain("good_table", tables);
        Assert.DoesNotContain("half_done", tables);
        var journal = tables.Contains("SchemaVersions") ? await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM SchemaVersions") : 0;
        Assert.Equal(0, journal);
    }

    [Fact]
    public void App_refuses_to_start_when_a_migration_fails()
    {
        // A database whose journal says nothing ran, but which already has a users table, makes 0001 fail.
        var path = Path.Combine(folder, "c.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            connection.Execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
        }

        using var app = new TestApp(settings: new Dictionary<string, string?> { ["ConnectionStrings:FactCheck"] = $"Data Source={path}" });

        var failure = Assert.ThrowsAny<Exception>(() => app.Start());
        Assert.Contains("0001_create_accounts.sql", failure.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FactCheck.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FactCheck.sln not found above " + AppContext.BaseDirectory);
    }
}
