using System.Text.RegularExpressions;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;

namespace FactCheck.E2E.Tests;

/// What a fact-checker is offered follows the object-level rule the pipeline enforces: the link and appearance controls
/// on a claim they recorded themselves (new, not yet triaged), none on the published flagship claim, and no "link it" or
/// "add as appearance" on the intake form for a published claim. The claim recorded here avoids "Stepanakert", so the
/// search tests keep their counts.
[Collection(E2ECollectionDefinition.Name)]
public sealed class FactCheckerControlsTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private const string Accusation = "Azerbaijani forces attacked buildings in Stepanakert";

    [Fact]
    public async Task A_fact_checker_sees_link_and_appearance_controls_only_where_the_rule_lets_them_act()
    {
        await SignInAsync("checker");
        await Page.GotoAsync(NewClaimPage.Path);
        var intake = new NewClaimPage(Page);
        await intake.WaitUntilInteractiveAsync();

        // The published accusation is found as similar, but offers a fact-checker no way to change it.
        await intake.TypeClaimAsync("Pejabat lokal menuduh pasukan Azerbaijan menyerang gedung-gedung di ibu kota wilayah itu pada malam hari.");
        var published = intake.SimilarClaim(Accusation);
        await Expect(published).ToBeVisibleAsync();
        await Expect(published.GetByTestId("editors-only")).ToBeVisibleAsync();
        await Expect(published.GetByTestId("link-claim")).ToHaveCountAsync(0);
        await Expect(published.GetByTestId("same-claim")).ToHaveCountAsync(0);
        await ScreenshotAsync("intake-fact-checker-published-similar");

        // A claim of their own, just recorded: its page offers both controls.
        await intake.Title.FillAsync("Officials accuse forces of a night attack on the regional capital");
        await intake.ClaimantName.PressSequentiallyAsync("Pejabat lokal", new() { Delay = 15 });
        await intake.ClaimantSuggestion("Pejabat lokal Nagorno-Karabakh").ClickAsync();
        await intake.Submit.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/claims/\d+$"));
        await Expect(Page.GetByTestId("add-link")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("add-appearance")).ToBeVisibleAsync();

        // The published flagship: no link form, no appearance form, no remove buttons, and a line saying who may.
        await Page.GotoAsync("/claims/1");
        await Expect(Page.GetByTestId("claim-title")).ToHaveTextAsync(Accusation);
        await Expect(Page.GetByTestId("links-editors-only")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("add-link")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("add-appearance")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("linked-claim").GetByRole(Microsoft.Playwright.AriaRole.Button)).ToHaveCountAsync(0);
        await ScreenshotAsync("claim-page-fact-checker-published");
    }
}
