namespace FactCheck.Tests.Verdicts;

/// What a verdict looks like when it is shared: Open Graph and Twitter card tags lead with the rating.
[Collection(SharedAppCollection.Name)]
public sealed class ShareTagsTests(SharedApp shared)
{
    [Theory]
    [InlineData("stepanakert", "en", "en_GB")]
    [InlineData("stepanakert", "id", "id_ID")]
    [InlineData("baku-denial", "id", "id_ID")]
    [InlineData("putin-5000", "en", "en_GB")]
    public async Task Shared_verdict_leads_with_the_visible_rating(string key, string language, string locale)
    {
        var page = await PublicPage.GetAsync(shared.App, PublicPage.Url(await Demo.SlugAsync(shared.App, key), language));

        var title = page.Meta("og:title");
        Assert.StartsWith(page.RatingLabel + ":", title);
        Assert.Equal($"{page.RatingLabel}: {page.H1}", title);
        Assert.Equal(title, page.Meta("twitter:title"));
        Assert.StartsWith(title + " · ", page.Document.Title);
        Assert.Equal("article", page.Meta("og:type"));
        Assert.Equal(locale, page.Meta("og:locale"));
        Assert.Equal(page.Canonical, page.Meta("og:url"));
        Assert.Equal("summary", page.Meta("twitter:card"));
        var verdict = Demo.Verdict(key).Correction?.Verdict ?? Demo.Verdict(key).Verdict;
        var summary = language == "id" ? verdict.Id.Summary : verdict.En.Summary;
        Assert.Equal(summary, page.Meta("og:description"));
        Assert.Equal(summary, page.Meta("twitter:description"));
        Assert.Equal(summary, page.Meta("description"));
    }
}
