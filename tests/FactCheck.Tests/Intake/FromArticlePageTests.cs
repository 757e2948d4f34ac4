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

    [Fact]
    public void A_ticked_counter_claim_ticks_the_claim_it_answers_on_opening_and_when_ticked_by_hand()
    {
        var page = Open();
        Paste(page, "Warga Kampung Baru menuduh pemerintah kota lalai mengeruk sungai. Namun tuduhan itu dibantah pemerintah kota.", published: "2020-10-24");
        FindClaims(page);
        page.WaitForAssertion(() => Assert.Equal("review", page.Find("[data-testid=intake-step]").GetAttribute("data-step")));
        string Accepted(string sentence) => Card(page, sentence).GetAttribute("data-accepted")!;

        // The accusation alone scores under the ticking threshold; its ticked denial ticks it.
        Assert.Equal(("true", "true"), (Accepted("menuduh pemerintah kota"), Accepted("dibantah pemerintah kota")));

        page.Find("[data-testid=select-none]").Click();
        Card(page, "dibantah pemerintah kota").QuerySelector("input[type=checkbox]")!.Change(true);

        Assert.Equal(("true", "true"), (Accepted("menuduh pemerintah kota"), Accepted("dibantah pemerintah kota")));
        Card(page, "menuduh pemerintah kota").QuerySelector("input[type=checkbox]")!.Change(false);
        Assert.Equal(("false", "true"), (Accepted("menuduh pemerintah kota"), Accepted("dibantah pemerintah kota")));
    }

    [Fact]
    public void A_counter_claim_without_a_link_says_why_and_dates_read_as_the_product_writes_them()
    {
        var page = Open();
        Paste(page, "Polisi menyebut 12 orang ditangkap. Wali kota mengatakan situasi sudah kondusif. Namun tuduhan itu dibantah pengacara para tersangka.", published: "2020-10-24");
        FindClaims(page);
        page.WaitForAssertion(() => Assert.Equal("review", page.Find("[data-testid=intake-step]").GetAttribute("data-step")));

        var denial = Card(page, "dibantah pengacara");
        Assert.Contains("No link proposed.", denial.QuerySelector("[data-testid=no-link-reason]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tuduhan itu", denial.QuerySelector("[data-testid=no-link-reason]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(Card(page, "12 orang").QuerySelector("[data-testid=no-link-reason]"));
        Assert.Equal("2020-10-24", denial.QuerySelector("input[id$='-said-on']")!.GetAttribute("value"));
        Assert.Contains("· 24 October 2020", page.Find("[data-testid=review-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_of_parliament_is_proposed_as_a_person()
    {
        var page = Open();
        Paste(page, "Anggota Komisi IX DPR RI, Lestari Wulandari, menilai program vaksinasi campak terlambat dimulai.", published: "2020-10-24");
        FindClaims(page);
        page.WaitForAssertion(() => Assert.Equal("review", page.Find("[data-testid=intake-step]").GetAttribute("data-step")));

        var card = page.Find("[data-testid=candidate-card]");
        Assert.Equal("Lestari Wulandari", Reading(card, "claimant"));
        Assert.Contains(card.QuerySelectorAll("input"), i => i.GetAttribute("value") == "person");
        Assert.DoesNotContain(card.QuerySelectorAll("input"), i => i.GetAttribute("value") == "government");
    }

    [Theory]
    [InlineData("Le ministre de l'Intérieur a déclaré lundi que cinq mille personnes avaient été évacuées de la région, selon un communiqué de la préfecture.", "language")]
    [InlineData("Sejak siang, jalan setapak menuju mata air dipadati warga yang membawa handuk. Anak-anak berlarian di antara pancuran bambu.", "no-claims")]
    public void An_article_without_candidates_says_why(string text, string reason)
    {
        var page = Open();
        Paste(page, text);
        FindClaims(page);

        page.WaitForAssertion(() => Assert.Equal(reason, page.Find("[data-testid=no-candidates]").GetAttribute("data-reason")));
        Assert.Empty(page.FindAll("[data-testid=candidate-card]"));
    }
}
