using AngleSharp.Dom;
using Bunit;
using FactCheck.Tests.Components;
using FactCheck.Web.Features.Intake;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Intake;

/// The intake page rendered by bUnit, its messages going through the real pipeline to the intake tests' database.
[Collection(IntakeAppCollection.Name)]
public sealed class FromArticlePageTests(IntakeApp fixture) : PageTest(fixture.App, "checker", Roles.FactChecker)
{
    private IRenderedComponent<FromArticle> Open() => Render<FromArticle>();

    private static void Paste(IRenderedComponent<FromArticle> page, string text, string? url = null, string? published = null)
    {
        page.Find("textarea#article-text").Change(text);
        if (url is not null)
        {
            page.Find("input#article-url").Input(url);
        }

        if (published is not null)
        {
            page.Find("input#article-published").Change(published);
        }
    }

    private static void FindClaims(IRenderedComponent<FromArticle> page) => page.Find("[data-testid=paste-form]").Submit();

    private static IElement Card(IRenderedComponent<FromArticle> page, string sentence) =>
        page.FindAll("[data-testid=candidate-card]").Single(c => c.QuerySelector(".intake-sentence")!.TextContent.Contains(sentence, StringComparison.Ordinal));

    private static string Reading(IElement card, string what) => card.QuerySelector($"[data-testid=reading-{what}]")!.GetAttribute("data-value") ?? "";

    [Fact]
    public void Finding_claims_in_nothing_asks_for_the_article_next_to_the_box()
    {
        var page = Open();

        FindClaims(page);

        page.WaitForAssertion(() => Assert.Contains("Paste the article's text.", page.Markup));
        Assert.Equal("paste", page.Find("[data-testid=intake-step]").GetAttribute("data-step"));
        Assert.Empty(page.FindAll("[data-testid=candidate-card]"));
    }

    [Fact]
    public void Bad_fields_are_named_one_by_one()
    {
        var page = Open();
        Paste(page, SeedArticle.Text, url: "javascript:alert(1)");

        FindClaims(page);

        page.WaitForAssertion(() => Assert.Contains("The article's address must be an http:// or https:// link", page.Markup));
        Assert.DoesNotContain("Paste the article's text.", page.Markup);
    }

    [Fact]
    public void The_box_stops_at_100001_characters_and_that_much_is_refused_with_the_limit()
    {
        var page = Open();
        Assert.Equal("100001", page.Find("textarea#article-text").GetAttribute("maxlength"));
        Paste(page, new string('a', ArticleRules.MaxLength + 1));

        FindClaims(page);

        page.WaitForAssertion(() => Assert.Contains("The article is 100,001 characters long; FactCheck reads at most 100,000. Paste it in parts.", page.Markup));
    }

    [Fact]
    public void Binary_junk_is_refused_as_not_text()
    {
        var page = Open();
        Paste(page, "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR");

        FindClaims(page);

        page.WaitForAssertion(() => Assert.Contains(ArticleRules.NotText, page.Markup));
    }

    [Fact]
    public async Task The_seed_article_opens_the_review_with_its_sentences_marked_and_a_card_for_each()
    {
        var page = Open();
        Paste(page, SeedArticle.Text, SeedArticle.Url, "2020-10-24");

        FindClaims(page);

        page.WaitForAssertion(() => Assert.Equal("review", page.Find("[data-testid=intake-step]").GetAttribute("data-step")));
        var cards = page.FindAll("[data-testid=candidate-card]");
        Assert.Equal(cards.Count, page.FindAll("[data-testid=highlight]").Count);
        var putin = Card(page, "menewaskan 5.000 orang");
        Assert.Equal("5000", Reading(putin, "figure"));
        Assert.Equal("Vladimir Putin", Reading(putin, "claimant"));
        var accusation = Card(page, "menuduh pasukan Azerbaijan");
        var denial = Card(page, "dibantah pemerintah Baku");
        var denies = denial.QuerySelectorAll("[data-testid=candidate-link]").Single(l => l.GetAttribute("data-relation") == "denies");
        Assert.Equal(accusation.GetAttribute("data-candidate"), denies.GetAttribute("data-other"));
        var rouhani = Card(page, "Rouhani pada hari Rabu (7/10/2020)");
        Assert.Equal("2020-10-07", Reading(rouhani, "date"));
        // The demo case recorded and published the accusation: a fact-checker sees it, but only an editor may add the
        // article to it, so it is offered greyed out and not proposed.
        var published = await App.ScalarAsync<long>("SELECT id FROM claims WHERE title = 'Azerbaijani forces attacked buildings in Stepanakert'");
        var offer = accusation.QuerySelectorAll("[data-testid=record-appearance]").Single(r => r.GetAttribute("data-claim-id") == $"{published}");
        Assert.True(offer.HasAttribute("disabled"), offer.OuterHtml);
        Assert.NotNull(accusation.QuerySelector("[data-testid=editors-only]"));
        Assert.DoesNotContain($"#{published},", accusation.QuerySelector("[data-testid=appearance-note]")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_lists_what_was_recorded_with_links_to_the_claims()
    {
        var claims = await App.ScalarAsync<long>("SELECT count(*) FROM claims");
        var page = Open();
        Paste(page, SeedArticle.Text, $"{SeedArticle.Url}?page={Guid.NewGuid():N}", "2020-10-24");
        FindClaims(page);
        page.WaitForAssertion(() => page.Find("[data-testid=select-all]"));
        page.Find("[data-testid=select-none]").Click();
        Card(page, "menewaskan 5.000 orang").QuerySelector("input[type=checkbox]")!.Change(true);
        Card(page, "menuduh pasukan Azerbaijan").QuerySelector("input[type=checkbox]")!.Change(true);
        Card(page, "dibantah pemerintah Baku").QuerySelector("input[type=checkbox]")!.Change(true);
        Assert.Equal("Accept selected (3)", page.Find("[data-testid=accept-selected]").TextContent.Trim());

        page.Find("[data-testid=accept-selected]").Click();

        page.WaitForAssertion(() => Assert.Equal("done", page.Find("[data-testid=intake-step]").GetAttribute("data-step")));
        var done = page.FindAll("[data-testid=done-claim]");
        Assert.Equal(3, done.Count);
        Assert.All(done, d => Assert.StartsWith("/claims/", d.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Single(page.FindAll("[data-testid=done-link]"));
        Assert.Equal("/queue", page.Find("[data-testid=open-queue]").GetAttribute("href"));
        Assert.Equal(claims + done.Count(d => d.GetAttribute("data-created") == "true"), await App.ScalarAsync<long>("SELECT count(*) FROM claims"));
    }

    [Fact]
    public async Task A_refused_accept_shows_the_error_on_the_card_it_belongs_to_and_records_nothing()
    {
        var articles = await App.ScalarAsync<long>("SELECT count(*) FROM articles");
        var page = Open();
        Paste(page, SeedArticle.Text, null, "2020-10-24");
        FindClaims(page);
        page.WaitForAssertion(() => page.Find("[data-testid=select-none]").Click());
        var putin = Card(page, "menewaskan 5.000 orang");
        putin.QuerySelector("input[type=checkbox]")!.Change(true);
        putin.QuerySelector("input[data-testid=record-new]")!.Click();
        Card(page, "menewaskan 5.000 orang").QuerySelector("input[id$='-title']")!.Change("Hoax: 5,000 dead");

        page.Find("[data-testid=accept-selected]").Click();

        page.WaitForAssertion(() => Assert.Contains("rating words such as 'hoax'", page.Find("[data-testid=accept-errors]").TextContent));
        Assert.Contains("rating words such as 'hoax'", Card(page, "menewaskan 5.000 orang").TextContent);
        Assert.Equal("review", page.Find("[data-testid=intake-step]").GetAttribute("data-step"));
        Assert.Equal(articles, await App.ScalarAsync<long>("SELECT count(*) FROM articles"));
    }
}
