using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Home;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Postgres;

/// The same desk on SQLite (FTS5) and on PostgreSQL (tsvector + GIN) answers every search alike: staff search with each
/// filter and sort, similar-claim lookup, the public home search. Ids match because both desks are built by the same
/// commands in the same order. "Best match" is ranked by bm25 on SQLite and ts_rank on PostgreSQL, so for it the same
/// claims are found and only their order may differ.
public sealed class SearchParityTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "factcheck-parity", Guid.NewGuid().ToString("N"));
    private readonly TestApp sqlite;
    private readonly TestApp postgres;

    public SearchParityTests()
    {
        Directory.CreateDirectory(folder);
        sqlite = new TestApp(settings: new Dictionary<string, string?> { ["ConnectionStrings:FactCheck"] = $"Data Source={Path.Combine(folder, "factcheck.db")}" }).Start();
        postgres = new TestApp().Start();
        Assert.False(sqlite.Db.IsPostgres);
        Assert.True(postgres.Db.IsPostgres);
    }

    private static readonly string[] Texts =
    [
        "Pasukan Armenia menyerang desa di Tartar dan menewaskan tiga warga sipil.",
        "Serangan roket menghantam Ganja pada malam hari, kata kementerian pertahanan.",
        "Kementerian pertahanan membantah bahwa pasukannya diserang di perbatasan.",
        "Gencatan senjata dilanggar dua kali dalam satu jam di Stepanakert.",
        "Drone Turki digunakan dalam serangan terhadap posisi militer.",
        "Presiden menyatakan tidak ada tentara bayaran Suriah di wilayah itu.",
    ];

    private static readonly string[] Queries = ["serangan", "menyerang", "diserang pasukan", "pertahanan", "gencatan", "drone", "ser", "attack", "ceasefire violated", "tidak ada", "zzz"];

    [Fact]
    public async Task Staff_search_similar_claims_and_the_public_search_find_the_same_claims_on_both_engines()
    {
        foreach (var app in new[] { sqlite, postgres })
        {
            var editor = await app.ActorAsync("editor");
            for (var i = 0; i < Texts.Length; i++)
            {
                await app.SendAsync(new SubmitClaim
                {
                    Title = $"Parity claim {i}",
                    Text = Texts[i],
                    Language = "id",
                    TranslationEn = i % 2 == 0 ? "Forces attacked and the ceasefire was violated" : null,
                    ClaimantName = $"Juru bicara {i % 3}",
                    ClaimantKind = "person",
                    Kind = "statement",
                    SaidOn = i % 3 == 0 ? null : new DateOnly(2020, 10, 1 + i),
                }, editor);
            }

            await app.RequestAsync(new RefreshSearchStatistics(), Actor.System);
        }

        foreach (var q in Queries)
        {
            foreach (var sort in SearchClaims.Sorts)
            {
                var (a, b) = (await SearchAsync(sqlite, q, sort), await SearchAsync(postgres, q, sort));
                Assert.Equal(a.Total, b.Total);
                if (sort == "relevance")
                {
                    Assert.Equal(a.Items.Select(h => h.Id).Order(), b.Items.Select(h => h.Id).Order());
                }
                else
                {
                    Assert.Equal(a.Items.Select(h => h.Id), b.Items.Select(h => h.Id));
                }
            }

            var filtered = new SearchClaims { Q = q, Language = "id", Status = "new", PageSize = 3, Page = 2 };
            Assert.Equal((await Staff(sqlite, filtered)).Items.Select(h => h.Id), (await Staff(postgres, filtered)).Items.Select(h => h.Id));

            Assert.Equal(await SimilarAsync(sqlite, q), await SimilarAsync(postgres, q));
            Assert.Equal(await PublicAsync(sqlite, q), await PublicAsync(postgres, q));
        }

        foreach (var text in Texts)
        {
            Assert.Equal(await SimilarAsync(sqlite, text), await SimilarAsync(postgres, text));
        }
    }

    private static async Task<ClaimSearchPage> SearchAsync(TestApp app, string q, string sort) =>
        await Staff(app, new SearchClaims { Q = q, Sort = sort, PageSize = 100 });

    private static async Task<ClaimSearchPage> Staff(TestApp app, SearchClaims query) => await app.QueryAsync(query, await app.ActorAsync("checker"));

    private static async Task<List<(long, double)>> SimilarAsync(TestApp app, string text) =>
        (await app.QueryAsync(new FindSimilarClaims(text, 25), await app.ActorAsync("checker"))).Select(s => (s.Id, s.Score)).ToList();

    private static async Task<List<long>> PublicAsync(TestApp app, string q) =>
        (await app.QueryAsync(new ListPublishedVerdicts { Q = q }, Actor.Anonymous)).Verdicts.Items.Select(v => v.ClaimId).ToList();

    public void Dispose()
    {
        sqlite.Dispose();
        postgres.Dispose();
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
