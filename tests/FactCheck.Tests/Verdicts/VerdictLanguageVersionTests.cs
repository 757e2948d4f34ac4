using System.Text.Json.Nodes;
using FactCheck.Tests.Review;

namespace FactCheck.Tests.Verdicts;

/// Each language version of a verdict is its own page: its own address, text, ClaimReview and hreflang alternates.
[Collection(SharedAppCollection.Name)]
public sealed class VerdictLanguageVersionTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static JsonObject ClaimReview(PublicPage page) => JsonNode.Parse(Assert.Single(page.JsonLdScripts).TextContent)!.AsObject();

    private static List<(string? Language, string? Href)> Alternates(PublicPage page) =>
        page.Document.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => (l.GetAttribute("hreflang"), l.GetAttribute("href"))).ToList();

    [Theory]
    [InlineData("id", "en")]
    [InlineData("en", "id")]
    public async Task Each_version_has_its_own_address_text_claim_review_and_both_alternates(string language, string other)
    {
        var slug = await Demo.SlugAsync(App, "stepanakert");
        var verdict = Demo.Verdict("stepanakert").Verdict;
        var (mine, theirs) = language == "id" ? (verdict.Id, verdict.En) : (verdict.En, verdict.Id);

        var page = await PublicPage.GetAsync(App, PublicPage.Url(slug, language));

        var address = $"https://localhost/verdicts/{slug}?lang={language}";
        Assert.Equal(language, page.Language);
        Assert.Equal(mine.Title, page.H1);
        Assert.Equal(mine.Summary, page.One("[data-testid=summary-text]").TextContent);
        Assert.Equal(address, page.Canonical);
        var review = ClaimReview(page);
        Assert.Equal((language, address, mine.Title, mine.Summary), ((string?)review["inLanguage"], (string?)review["url"], (string?)review["claimReviewed"], (string?)review["reviewBody"]));
        Assert.Equal(
            [("id", $"https://localhost/verdicts/{slug}?lang=id"), ("en", $"https://localhost/verdicts/{slug}?lang=en"), ("x-default", $"https://localhost/verdicts/{slug}")],
            Alternates(page));
        Assert.Equal($"/verdicts/{slug}?lang={other}", page.One("[data-testid=other-language-link]").GetAttribute("href"));
        Assert.DoesNotContain(theirs.Summary, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Title, page.Html, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("[data-testid=language-note]"));
    }

    [Fact]
    public async Task A_verdict_with_one_version_says_so_in_the_readers_language_and_offers_only_that_version()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        await review.SubmitInAsync(id, "id");
        await review.ApproveAsync(id);
        var slug = await App.ScalarAsync<string>("SELECT slug FROM claims WHERE id = @id", new { id });

        var english = await PublicPage.GetAsync(App, PublicPage.Url(slug, "en"));
        var indonesian = await PublicPage.GetAsync(App, PublicPage.Url(slug, "id"));

        Assert.Equal("en", english.Language);
        Assert.Equal("This verdict is only available in Indonesian.", english.One("[data-testid=language-note]").TextContent);
        Assert.Equal("Putusan ini hanya tersedia dalam bahasa Indonesia.", indonesian.One("[data-testid=language-note]").TextContent);
        Assert.Equal("id", english.One("h1").GetAttribute("lang"));
        Assert.Equal(ReviewDriver.Indonesian().Title, english.H1);
        var address = $"https://localhost/verdicts/{slug}?lang=id";
        Assert.Equal(address, english.Canonical);
        Assert.Equal(("id", address), ((string?)ClaimReview(english)["inLanguage"], (string?)ClaimReview(english)["url"]));
        Assert.Equal([("id", address), ("x-default", $"https://localhost/verdicts/{slug}")], Alternates(english));
        Assert.Empty(english.Document.QuerySelectorAll("[data-testid=other-language]"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("%3Cscript%3E")]
    [InlineData("")]
    public async Task An_unknown_language_gives_the_default_language_never_an_error(string lang)
    {
        var slug = await Demo.SlugAsync(App, "stepanakert");

        var page = await PublicPage.GetAsync(App, $"/verdicts/{slug}?lang={lang}");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.Equal("en", page.Language);
        Assert.Equal(Demo.Verdict("stepanakert").Verdict.En.Title, page.H1);
    }
}
