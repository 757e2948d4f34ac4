using System.Globalization;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// An editor takes in the seed article: its claims, claimants, dates, figures and the denial link are proposed,
/// the accusation and denial are matched to the demo claims (so the "Stepanakert" claims the search tests count stay
/// two), and what is accepted reaches the editor's queue and the matched claim's page.
[Collection(E2ECollectionDefinition.Name)]
public sealed class ArticleIntakeTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private const string ArticleUrl = "https://example.org/berita/nagorno-karabakh-2020-10-24";

    /// The seed article as the tests keep it (a copy of shared/seed/nagorno-karabakh-article.id.txt).
    private static readonly string SeedArticle = File.ReadAllText(Path.Combine(RepoRoot(), "tests", "FactCheck.Tests", "Intake", "Fixtures", "nagorno-karabakh-article.id.txt"));

    [Fact]
    public async Task An_editor_takes_in_the_seed_article_and_the_desk_finds_its_claims_in_the_queue_and_on_the_matched_claim()
    {
        // An editor: the article repeats published demo claims, and only an editor adds to published work.
        await SignInAsync("editor");
        var intake = new ArticleIntakePage(Page);
        await intake.GotoAsync();
        await Expect(intake.Heading).ToBeVisibleAsync();

        await intake.PasteAsync(SeedArticle, ArticleUrl, "Contoh Berita", "2020-10-24");
        await intake.FindClaimsAsync();

        await Expect(intake.Step).ToHaveAttributeAsync("data-step", "review");
        var putin = intake.Card("menewaskan 5.000 orang");
        await Expect(ArticleIntakePage.Reading(putin, "figure")).ToHaveAttributeAsync("data-value", "5000");
        await Expect(ArticleIntakePage.Reading(putin, "claimant")).ToHaveAttributeAsync("data-value", "Vladimir Putin");
        var accusation = intake.Card("menuduh pasukan Azerbaijan");
        var accusationNumber = await accusation.GetAttributeAsync("data-candidate");
        var denial = intake.Card("dibantah pemerintah Baku");
        await Expect(ArticleIntakePage.Links(denial).Filter(new() { HasText = $"denies #{accusationNumber}" })).ToBeVisibleAsync();
        await Expect(ArticleIntakePage.Reading(intake.Card("Rouhani pada hari Rabu (7/10/2020)"), "date")).ToHaveAttributeAsync("data-value", "2020-10-07");
        var cards = await intake.Cards.CountAsync();
        Assert.True(cards >= 3, $"Expected the seed article's claims, found {cards} candidates.");
        await Expect(intake.Highlights).ToHaveCountAsync(cards);
        await ScreenshotAsync("intake-review");

        await intake.SelectAll.ClickAsync();
        await Expect(intake.AcceptSelected).ToHaveTextAsync($"Accept selected ({cards})");
        await intake.AcceptSelected.ClickAsync();

        await Expect(intake.Step).ToHaveAttributeAsync("data-step", "done");
        await Expect(intake.DoneClaims).ToHaveCountAsync(cards);
        await Expect(intake.DoneLinks.First).ToBeVisibleAsync();
        await ScreenshotAsync("intake-done");
        Assert.True(await intake.NewClaims.CountAsync() > 0, "Some of the article's claims are new to the desk.");
        var newClaim = (await intake.NewClaims.First.Locator("a").TextContentAsync())!.Trim();
        var newTitle = newClaim[(newClaim.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        var repeatHref = await intake.Appearances.First.Locator("a").GetAttributeAsync("href");

        // Another editor, at her own computer, finds the new claim waiting in the queue.
        var editorPage = await SignInElsewhereAsync("editor2");
        var queue = new QueuePage(editorPage);
        await queue.GotoAsync("?tab=all&status=new&sort=age");
        await Expect(queue.ClaimLink(newTitle)).ToBeVisibleAsync();

        // The demo claim the article repeats lists the article among its appearances.
        await editorPage.GotoAsync(repeatHref!);
        await Expect(editorPage.GetByTestId("appearances").GetByTestId("appearance").Filter(new() { HasText = ArticleUrl })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_empty_article_or_one_with_a_bad_address_is_refused_with_a_message_next_to_the_field()
    {
        await SignInAsync("checker");
        var intake = new ArticleIntakePage(Page);
        await intake.GotoAsync();

        await intake.FindClaimsAsync();

        await Expect(intake.ArticleField).ToContainTextAsync("Paste the article's text.");
        await Expect(intake.Step).ToHaveAttributeAsync("data-step", "paste");

        await intake.PasteAsync("Presiden berkata sesuatu.", url: "javascript:alert(1)");
        await intake.FindClaimsAsync();

        await Expect(Page.GetByTestId("paste-form")).ToContainTextAsync("The article's address must be an http:// or https:// link");
        await Expect(intake.ArticleField).Not.ToContainTextAsync("Paste the article's text.");
        await ScreenshotAsync("intake-paste-refused");
    }

    [Fact]
    public async Task A_1_MB_paste_is_cut_by_the_box_and_refused_with_the_limit_without_breaking_the_page()
    {
        await SignInAsync("checker");
        var intake = new ArticleIntakePage(Page);
        await intake.GotoAsync();

        await intake.ArticleText.FocusAsync();
        // As a paste does: the browser's maxlength cuts the text, then one change event carries the rest to the server.
        await Page.Keyboard.InsertTextAsync(new string('a', 1024 * 1024));
        await intake.FindClaimsAsync();

        await Expect(intake.ArticleField).ToContainTextAsync("The article is 100,001 characters long; FactCheck reads at most 100,000. Paste it in parts.");
        Assert.Equal(100_001, (await intake.ArticleText.InputValueAsync()).Length);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FactCheck.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FactCheck.sln not found above " + AppContext.BaseDirectory);
    }
}
