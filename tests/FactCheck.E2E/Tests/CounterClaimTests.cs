using System.Text.RegularExpressions;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;

namespace FactCheck.E2E.Tests;

/// An editor records a denial on the intake form, linked to the (published) accusation it answers; both claim pages show
/// it. Linking to published work is an editor's: FactCheckerControlsTests shows what a fact-checker sees instead.
/// The new claim avoids the word "Stepanakert" so the read-only search tests keep their counts.
[Collection(E2ECollectionDefinition.Name)]
public sealed class CounterClaimTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private const string Accusation = "Azerbaijani forces attacked buildings in Stepanakert";
    private const string DenialTitle = "Defence ministry denies its forces hit buildings";

    [Fact]
    public async Task A_denial_recorded_on_the_intake_form_is_linked_and_shows_on_both_claim_pages()
    {
        await SignInAsync("editor");
        await Page.GotoAsync(NewClaimPage.Path);
        var intake = new NewClaimPage(Page);
        await intake.WaitUntilInteractiveAsync();

        await intake.TypeClaimAsync("Kementerian Pertahanan membantah pasukan Azerbaijan menyerang gedung-gedung di kota terbesar wilayah itu.");
        await Expect(intake.SimilarClaim(Accusation)).ToBeVisibleAsync();
        await intake.LinkAsCounterClaimAsync(Accusation);
        await Expect(intake.PendingLinks).ToContainTextAsync(Accusation);
        await intake.Title.FillAsync(DenialTitle);
        await intake.ClaimantName.PressSequentiallyAsync("Kementerian Pertahanan", new() { Delay = 15 });
        await intake.ClaimantSuggestion("Kementerian Pertahanan Azerbaijan").ClickAsync();
        await ScreenshotAsync("intake-counter-claim");
        await intake.Submit.ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/claims/\d+$"));
        var denies = Page.Locator("[data-testid=link-group][data-wording=denies]");
        await Expect(denies).ToContainTextAsync(Accusation);
        await Expect(Page.GetByTestId("claimant")).ToContainTextAsync("Kementerian Pertahanan Azerbaijan");

        await denies.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = Accusation }).ClickAsync();
        var deniedBy = Page.Locator("[data-testid=link-group][data-wording='denied by']");
        await Expect(deniedBy).ToContainTextAsync(DenialTitle);
        await Expect(deniedBy).ToContainTextAsync("Baku denies attacking buildings in Stepanakert");
        await ScreenshotAsync("accusation-denied-by");
    }
}
