using Bunit;
using FactCheck.Tests.Components;
using FactCheck.Web.Features.Intake;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Intake;

/// The Fetch button on the intake page, fetching from the local news site through the real pipeline.
[Collection(ArticleFetchCollection.Name)]
public sealed class FetchArticlePageTests(FetchDesk desk) : PageTest(desk.App, "checker", Roles.FactChecker)
{
    private IRenderedComponent<FromArticle> OpenWithUrl(string path)
    {
        var page = Render<FromArticle>();
        Assert.True(page.Find("[data-testid=fetch-article]").HasAttribute("disabled"), "Fetch waits for an address");
        page.Find("input#article-url").Input(desk.Site.Url(path));
        return page;
    }

    [Fact]
    public void Fetching_fills_the_text_outlet_date_and_language_and_says_how_much_came()
    {
        var page = OpenWithUrl("/go/1");

        page.Find("[data-testid=fetch-article]").Click();

        page.WaitForAssertion(() => Assert.Contains(SeedArticle.Putin, page.Find("textarea#article-text").GetAttribute("value") ?? page.Find("textarea#article-text").TextContent, StringComparison.Ordinal));
        Assert.Equal(NewsSite.Outlet, page.Find("input#article-outlet").GetAttribute("value"));
        Assert.Equal("2020-10-24", page.Find("input#article-published").GetAttribute("value"));
        Assert.Equal(desk.Site.Url("/berita/nagorno-karabakh"), page.Find("input#article-url").GetAttribute("value"));
        Assert.Contains("Bahasa Indonesia", page.Find("[data-testid=article-language]").TextContent, StringComparison.Ordinal);
        var note = page.Find("[data-testid=fetch-note]").TextContent;
        Assert.Matches(@"^Fetched \d{1,3}(,\d{3})* characters from 127\.0\.0\.1 — check the text before finding claims\.$", note);
    }

    [Fact]
    public void A_page_that_cannot_be_fetched_says_why_under_the_address()
    {
        var page = OpenWithUrl("/missing");

        page.Find("[data-testid=fetch-article]").Click();

        page.WaitForAssertion(() => Assert.Contains("The page answered 404 Not Found.", page.Markup, StringComparison.Ordinal));
        var urlField = page.Find("input#article-url").Closest(".mud-input-control")!;
        Assert.Contains("The page answered 404 Not Found.", urlField.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=fetch-note]"));
        Assert.Equal("paste", page.Find("[data-testid=intake-step]").GetAttribute("data-step"));
    }
}
