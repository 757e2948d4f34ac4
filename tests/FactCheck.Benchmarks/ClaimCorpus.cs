using FactCheck.Web;
using System.Diagnostics;
using Dapper;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Benchmarks;

/// A seeded, reproducible desk of N claims (half Indonesian, half English) with claimants, topics, links and
/// appearances, written straight into a database built by the real migrations. Generated once per size and
/// reused from the temp folder; delete the file to regenerate.
public sealed class ClaimCorpus : IAsyncDisposable
{
    private static readonly string[] IdSubjects = ["Pasukan Azerbaijan", "Militer Armenia", "Pejabat lokal", "Kementerian Pertahanan", "Presiden Rusia", "Pemerintah Iran", "Juru bicara Baku", "Warga Stepanakert", "Tentara separatis", "Menteri Luar Negeri"];
    private static readonly string[] IdVerbs = ["menyerang", "membantah", "menembaki", "mengklaim", "menuduh", "melaporkan", "menghancurkan", "menguasai", "mengevakuasi", "menewaskan"];
    private static readonly string[] IdObjects = ["gedung-gedung di kota", "desa di perbatasan", "pasukan lawan", "rumah sakit", "jembatan utama", "pangkalan militer", "konvoi bantuan", "sekolah dasar", "pembangkit listrik", "jalan raya"];
    private static readonly string[] IdPlaces = ["Stepanakert", "Ganja", "Shusha", "Hadrut", "Martuni", "Tartar", "Fuzuli", "Jabrayil", "Lachin", "Kalbajar", "Agdam", "Barda"];
    private static readonly string[] EnSubjects = ["Azerbaijani forces", "Armenian troops", "Local officials", "The defence ministry", "Russia's president", "Iran's government", "A Baku spokesman", "Residents of Stepanakert", "Separatist fighters", "The foreign minister"];
    private static readonly string[] EnVerbs = ["attacked", "denied shelling", "shelled", "claimed control of", "accused the enemy of hitting", "reported strikes on", "destroyed", "captured", "evacuated", "killed people in"];
    private static readonly string[] EnObjects = ["buildings in the city", "villages on the border", "enemy positions", "a hospital", "the main bridge", "a military base", "an aid convoy", "a primary school", "a power station", "the highway"];
    private static readonly string[] Topics = ["nagorno-karabakh", "casualties", "ceasefire", "shelling", "diplomacy", "refugees", "iran", "turkey", "russia", "infrastructure", "drones", "prisoners"];
    private static readonly string[] Kinds = ["statement", "event", "quote", "figure"];
    private static readonly string[] ClaimantKinds = ["person", "government", "military", "official-body", "media", "other"];
    private static readonly string[] Relations = ["denies", "disputes", "supports", "corrects"];

    private ClaimCorpus(WebApplication app, int claims)
    {
        App = app;
        Claims = claims;
        Db = app.Services.GetRequiredService<Db>();
    }

    public WebApplication App { get; }

    public Db Db { get; }

    public int Claims { get; }

    public Actor Editor { get; private set; } = Actor.System;

    public static async Task<ClaimCorpus> OpenAsync(int claims, int seed = 20201024)
    {
        var folder = Path.Combine(Path.GetTempPath(), "factcheck-bench");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"claims-{claims}-{seed}.db");
        var fresh = !File.Exists(path);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Configuration["ConnectionStrings:FactCheck"] = $"Data Source={path}";
        builder.Configuration["FactCheck:DemoData"] = "true";
        builder.Configuration["FactCheck:DemoPassword"] = "Benchmark-Password-1";
        builder.Configuration["FactCheck:Jobs:Enabled"] = "false";
        builder.Configuration["FactCheck:PublicUrl"] = TlsProxy.PublicUrl;
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddFactCheck();
        var app = builder.Build();
        await app.InitializeFactCheckAsync();
        var corpus = new ClaimCorpus(app, claims);
        await using var connection = await corpus.Db.OpenAsync();
        var editorId = await connection.ExecuteScalarAsync<long>("SELECT id FROM users WHERE username = 'editor'");
        corpus.Editor = new Actor(editorId, "editor", new HashSet<string> { Roles.Editor });
        var existing = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM claims");
        if (fresh || existing < claims)
        {
            var watch = Stopwatch.StartNew();
            // The corpus is a SQLite file by construction (Data Source above), and its SQL is SQLite's.
            await corpus.GenerateAsync((Microsoft.Data.Sqlite.SqliteConnection)connection, (int)existing, seed, editorId);

            // Written straight into the tables, the claims have no search terms yet: analyse them as start-up does,
            // then count the terms' frequencies as the recurring job would within ten minutes.
            await new IndexClaimsForSearchHandler(corpus.Db).Handle(new IndexClaimsForSearch(), default);
            await new RefreshSearchStatisticsHandler(corpus.Db, TimeProvider.System).Handle(new RefreshSearchStatistics(), default);
            Console.WriteLine($"Generated {claims:N0} claims in {watch.Elapsed.TotalSeconds:F1} s at {path}");
        }

        return corpus;
    }

    private async Task GenerateAsync(Microsoft.Data.Sqlite.SqliteConnection connection, int existing, int seed, long editorId)
    {
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        await using var tx = await connection.BeginTransactionAsync();
        var claimants = new List<long>();
        for (var i = 0; i < 2000; i++)
        {
            claimants.Add(await connection.ExecuteScalarAsync<long>(
                "INSERT INTO claimants (name, kind, affiliation, created_at) VALUES (@name, @kind, @affiliation, @now) RETURNING id",
                new { name = $"Claimant {i:D4} {Pick(random, IdPlaces)}", kind = Pick(random, ClaimantKinds), affiliation = random.Next(2) == 0 ? "Azerbaijan" : "Armenia", now }, tx));
        }

        var firstId = await connection.ExecuteScalarAsync<long>("SELECT coalesce(max(id), 0) + 1 FROM claims", transaction: tx);
        for (var i = existing; i < Claims; i++)
        {
            var indonesian = random.Next(2) == 0;
            var place = Pick(random, IdPlaces);
            var text = indonesian
                ? $"{Pick(random, IdSubjects)} {Pick(random, IdVerbs)} {Pick(random, IdObjects)} di {place} pada {random.Next(1, 28)} Oktober 2020, menurut laporan {random.Next(1000, 99999)}."
                : $"{Pick(random, EnSubjects)} {Pick(random, EnVerbs)} {Pick(random, EnObjects)} near {place} on {random.Next(1, 28)} October 2020, report {random.Next(1000, 99999)} says.";
            var kind = Pick(random, Kinds);
            var low = kind == "figure" ? random.Next(10, 9000) : (double?)null;
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO claims (slug, title, text, language, translation_en, claimant_id, said_on, place, kind, figure_low, figure_high, figure_unit,
                                    figure_as_of, status, created_at, created_by, updated_at)
                VALUES (@slug, @title, @text, @language, @translation, @claimant, @saidOn, @place, @kind, @low, @high, @unit, @saidOn, @status, @createdAt, @editorId, @createdAt)
                RETURNING id
                """,
                new
                {
                    slug = $"bench-{i}",
                    title = text.Length > 70 ? text[..70] : text,
                    text,
                    language = indonesian ? "id" : "en",
                    translation = indonesian && random.Next(3) > 0 ? $"{Pick(random, EnSubjects)} {Pick(random, EnVerbs)} {Pick(random, EnObjects)} near {place}." : null,
                    claimant = Pick(random, claimants),
                    saidOn = new DateOnly(2020, 9, 27).AddDays(random.Next(0, 60)),
                    place,
                    kind,
                    low,
                    high = low is { } l && random.Next(2) == 0 ? l + random.Next(1, 500) : (double?)null,
                    unit = low is null ? null : "deaths",
                    status = random.Next(10) < 7 ? "new" : Pick(random, new[] { "triaged", "assigned", "researching", "in_review", "published" }),
                    createdAt = now.AddMinutes(-random.Next(0, 500_000)),
                    editorId,
                },
                tx);
            await connection.ExecuteAsync("INSERT OR IGNORE INTO claim_topics (claim_id, topic) VALUES (@id, @a), (@id, @b)", new { id, a = Pick(random, Topics), b = Pick(random, Topics) }, tx);
            if (random.Next(3) == 0)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO appearances (claim_id, url, outlet, published_on, first_seen, created_at) VALUES (@id, @url, 'Bench Wire', @saidOn, 1, @now)",
                    new { id, url = $"https://example.org/{id}", saidOn = new DateOnly(2020, 10, 1), now }, tx);
            }

            if (id > firstId + 10 && random.Next(5) == 0)
            {
                await connection.ExecuteAsync(
                    "INSERT OR IGNORE INTO claim_links (from_claim_id, to_claim_id, relation, created_at) VALUES (@id, @other, @relation, @now)",
                    new { id, other = firstId + random.NextInt64(0, id - firstId), relation = Pick(random, Relations), now }, tx);
            }
        }

        await tx.CommitAsync();
        await connection.ExecuteAsync("PRAGMA optimize; ANALYZE;");
    }

    /// Phrases a fact-checker might type: paraphrases built from the same vocabulary, in both languages.
    public static IReadOnlyList<string> Paraphrases(int count, int seed = 7)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.Next(2) == 0
            ? $"{Pick(random, IdSubjects)} dituduh {Pick(random, IdVerbs)} {Pick(random, IdObjects)} di {Pick(random, IdPlaces)}"
            : $"{Pick(random, EnSubjects)} reportedly {Pick(random, EnVerbs)} {Pick(random, EnObjects)} in {Pick(random, IdPlaces)}").ToList();
    }

    /// Search-box input: one or two words, common and rare, Indonesian and English.
    public static IReadOnlyList<string> SearchTerms(int count, int seed = 11)
    {
        var random = new Random(seed);
        string[] words = ["Stepanakert", "menyerang", "shelled", "rumah sakit", "hospital", "Ganja", "bridge", "desa", "convoy", "menewaskan", "Lachin", "pasukan", "power station", "Hadrut denied", "bantuan"];
        return Enumerable.Range(0, count).Select(_ => Pick(random, words)).ToList();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
