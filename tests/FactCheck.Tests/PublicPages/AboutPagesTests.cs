using System.Net;
using FactCheck.Web.Features.Review;

namespace FactCheck.Tests.PublicPages;

/// The built-in methodology and corrections-policy pages, in both languages.
[Collection(PublicPagesCollection.Name)]
public sealed class AboutPagesTests(PublicPagesApp fixture)
{
    private Task<PublicHtml> GetAsync(string path) => PublicHtml.GetAsync(fixture.App.CreateClient(), path);

    [Theory]
    [InlineData("en")]
    [InlineData("id")]
    public async Task Methodology_lists_every_rating_of_the_scale_in_the_page_language(string language)
    {
        var page = await GetAsync($"/about/methodology?lang={language}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(language == "id" ? "Cara kami memeriksa klaim" : "How we check claims", page.Text("h1"));
        var shown = page.Document.QuerySelectorAll("[data-testid=rating-definition]")
            .Select(d => (d.GetAttribute("data-rating"), d.QuerySelector(".rating-label")!.TextContent))
            .ToList();
        Assert.Equal(RatingScale.Default.Select(r => ((string?)r.Key, r.Label(language))), shown);
        var unverified = page.Document.QuerySelector("[data-rating=unverified]")!.TextContent;
        Assert.Contains(language == "id" ? "Bukti yang tersedia belum cukup" : "The evidence available is not enough", unverified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Methodology_explains_counter_claims_review_and_independence()
    {
        var page = await GetAsync("/about/methodology");
        var headings = page.Document.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();

        Assert.Contains("Each claim and counter-claim on its own", headings);
        Assert.Contains("Two people on every verdict", headings);
        Assert.Contains("Independence and nonpartisanship", headings);
        Assert.Contains("International Fact-Checking Network", page.Source, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/about/corrections']"));
        Assert.False(page.Response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("en", "Corrections policy", "our tip form")]
    [InlineData("id", "Kebijakan koreksi", "formulir tip kami")]
    public async Task Corrections_policy_tells_readers_how_to_ask_and_how_corrections_are_published(string language, string heading, string tipLink)
    {
        var page = await GetAsync($"/about/corrections?lang={language}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(heading, page.Text("h1"));
        var request = page.TestId("request-correction")!;
        Assert.Equal("/tips", request.GetAttribute("href"));
        Assert.Equal(tipLink, request.TextContent);
        Assert.Contains("dateModified", page.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_rating_scale_is_the_one_explained_and_offered_in_the_filter()
    {
        using var app = new TestApp(demoData: false, settings: new Dictionary<string, string?>
        {
            ["FactCheck:Review:Ratings:0:Key"] = "accurate",
            ["FactCheck:Review:Ratings:0:LabelEn"] = "Accurate",
            ["FactCheck:Review:Ratings:0:LabelId"] = "Akurat",
            ["FactCheck:Review:Ratings:0:Value"] = "5",
            ["FactCheck:Review:Ratings:0:Polarity"] = "true",
            ["FactCheck:Review:Ratings:1:Key"] = "fabricated",
            ["FactCheck:Review:Ratings:1:LabelEn"] = "Fabricated",
            ["FactCheck:Review:Ratings:1:LabelId"] = "Rekaan",
            ["FactCheck:Review:Ratings:1:Value"] = "1",
            ["FactCheck:Review:Ratings:1:Polarity"] = "false",
        });
        var client = app.CreateClient();

        var methodology = await PublicHtml.GetAsync(client, "/about/methodology?lang=id");
        var home = await PublicHtml.GetAsync(client, "/?lang=id");

        Assert.Equal(
            ["Akurat", "Rekaan"],
            methodology.Document.QuerySelectorAll("[data-testid=rating-definition] .rating-label").Select(l => l.TextContent));
        Assert.Contains("Posisi 1 pada skala", methodology.Document.QuerySelector("[data-rating=fabricated]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["Semua", "Akurat", "Rekaan"],
            home.Document.QuerySelectorAll("select[name=rating] option").Select(o => o.TextContent));
    }
}
