using Dapper;
using DbUp;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Database;
using Microsoft.Data.Sqlite;

namespace FactCheck.Tests.Infrastructure;

/// Migration 0018 on a desk recorded before it: the claims are analysed at start-up and found by their stems.
public sealed class SearchMigrationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "factcheck-migrations", Guid.NewGuid().ToString("N"));

    public SearchMigrationTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task A_desk_from_before_0018_finds_its_claims_by_stem_once_the_app_has_started_on_it()
    {
        var db = new Db($"Data Source={Path.Combine(folder, "factcheck.db")}");
        await db.ConfigureFileAsync();
        var before = DeployChanges.To.SqliteDatabase(db.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, n =>
                n.StartsWith(Migrator.ResourcePrefix, StringComparison.Ordinal) && string.CompareOrdinal(n, Migrator.ResourcePrefix + "0018") < 0)
            .WithTransaction()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        Assert.True(before.Successful);
        long id;
        await using (var connection = await db.OpenAsync())
        {
            id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO claimants (name, kind, created_at) VALUES ('Pejabat lokal', 'official-body', '2020-10-24T00:00:00.0000000Z');
                INSERT INTO claims (slug, title, text, language, translation_en, claimant_id, kind, created_at, updated_at)
                VALUES ('old-claim', 'Old claim', 'Pasukan Azerbaijan menyerang gedung di Stepanakert', 'id', 'Forces were shelling the city',
                        last_insert_rowid(), 'statement', '2020-10-24T00:00:00.0000000Z', '2020-10-24T00:00:00.0000000Z')
                RETURNING id;
                """);
        }

        using var app = new TestApp(folder: folder).Start();
        var checker = await app.ActorAsync("checker");

        Assert.Contains((await app.QueryAsync(new SearchClaims { Q = "serangan Stepanakert" }, checker)).Items, h => h.Id == id);
        Assert.Contains((await app.QueryAsync(new SearchClaims { Q = "shelled" }, checker)).Items, h => h.Id == id);
        Assert.Contains(await app.QueryAsync(new FindSimilarClaims("Stepanakert diserang pasukan Azerbaijan"), checker), s => s.Id == id && s.Score == 1.0);
        Assert.Empty(await app.RowsAsync<string>("SELECT name FROM sqlite_master WHERE name LIKE 'claims_fts%'"));
        Assert.Equal(1, await app.ScalarAsync<long>("SELECT count(*) FROM search_stats_meta"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
