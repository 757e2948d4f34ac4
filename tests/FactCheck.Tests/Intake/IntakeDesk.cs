using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Features.Intake;

namespace FactCheck.Tests.Intake;

/// The intake tests' own app with the demo case: accepting the seed article records claims whose words the shared
/// app's search and similar-claim tests count.
[CollectionDefinition(Name)]
public sealed class IntakeAppCollection : ICollectionFixture<IntakeApp>
{
    public const string Name = "intake app";
}

public sealed class IntakeApp : IDisposable
{
    public TestApp App { get; } = new TestApp().Start();

    public void Dispose() => App.Dispose();
}

/// The seed article (a copy of shared/seed/nagorno-karabakh-article.id.txt) and accepts built by hand from its sentences.
public static class SeedArticle
{
    public const string Url = "https://example.org/berita/nagorno-karabakh-2020-10-24";

    public const string Accusation = "Pejabat lokal menuduh pasukan Azerbaijan menyerang gedung-gedung di Stepanakert, kota terbesar di wilayah itu.";
    public const string Denial = "Namun tuduhan itu dibantah pemerintah Baku.";
    public const string Putin = "Sementara itu, Presiden Rusia Vladimir Putin menduga konflik itu telah menewaskan 5.000 orang.";
    public const string RouhaniHope = "Rouhani pada hari Rabu (7/10/2020) mengungkapkan bahwa dia berharap untuk dapat \"memulihkan stabilitas\" di kawasan setelah beberapa hari perang hebat antara Azerbaijan dan Armenia di Nagorno-Karabakh.";

    public static string Text { get; } = File.ReadAllText(Path.Combine(MigrationTests.RepoRoot(), "tests", "FactCheck.Tests", "Intake", "Fixtures", "nagorno-karabakh-article.id.txt"));

    public static ArticleFields Fields(string? url = Url, string? text = null) => new()
    {
        Text = text ?? Text, Language = "id", Url = url, Outlet = "Contoh Berita", PublishedAt = "2020-10-24",
    };

    /// A claim accepted from one of the article's sentences (located by its text), recorded new unless existingClaimId is given.
    public static AcceptedClaim Claim(int reference, string sentence, string title, string claimant, string claimantKind = "person",
        string kind = "statement", long? existingClaimId = null, string? text = null)
    {
        var source = text ?? Text;
        var start = source.IndexOf(sentence, StringComparison.Ordinal);
        Assert.True(start >= 0, $"Not in the article: {sentence}");
        return new AcceptedClaim
        {
            Ref = reference, Start = start, Length = sentence.Length, Title = title, Text = sentence, Kind = kind,
            ClaimantName = claimant, ClaimantKind = claimantKind, SaidOn = new DateOnly(2020, 10, 24), Topics = ["nagorno-karabakh"],
            ExistingClaimId = existingClaimId,
        };
    }
}
