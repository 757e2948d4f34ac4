using System.Text.RegularExpressions;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;

namespace FactCheck.E2E.Tests;

/// Read-only: other browser tests count the demo claims, so these record nothing.
[Collection(E2ECollectionDefinition.Name)]
public sealed class ClaimSearchTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private const string StepanakertTitle = "Azerbaijani forces attacked buildings in Stepanakert";

    [Fact]
    public async Task A_search_is_kept_in_the_address_shared_and_restored_by_the_back_button()
    {
        await SignInAsync("editor");
        var claims = new ClaimsPage(Page);
        await claims.GotoAsync();

        await claims.SearchAsync("Stepanakert");

        await Expect(Page).ToHaveURLAsync(new Regex(@"/claims\?q=Stepanakert$"));
        await Expect(claims.ResultCount).ToHaveTextAsync("2 claims");
        await Expect(claims.Titles.Filter(new() { HasText = StepanakertTitle })).ToHaveCountAsync(1);
        await Expect(claims.Titles.Filter(new() { HasText = "Baku denies attacking buildings in Stepanakert" })).ToHaveCountAsync(1);
        await ScreenshotAsync("claims-search");

        var colleague = await Page.Context.NewPageAsync();
        await colleague.GotoAsync(Page.Url);
        await Expect(new ClaimsPage(colleague).ResultCount).ToHaveTextAsync("2 claims");
        await colleague.CloseAsync();

        await new StaffShell(Page).NavLink("Dashboard").ClickAsync();
        await Expect(Page).ToHaveURLAsync(PathIs("/dashboard"));
        await Page.GoBackAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/claims\?q=Stepanakert$"));
        await Expect(claims.SearchBox).ToHaveValueAsync("Stepanakert");
        await Expect(claims.ResultCount).ToHaveTextAsync("2 claims");
    }

    [Fact]
    public async Task Typing_a_claim_on_the_intake_form_shows_the_claim_already_recorded()
    {
        await SignInAsync("checker");
        var claims = new ClaimsPage(Page);
        await claims.GotoAsync();
        await claims.NewClaimButton.ClickAsync();
        await Expect(Page).ToHaveURLAsync(PathIs(NewClaimPage.Path));
        var form = new NewClaimPage(Page);
        await form.WaitUntilInteractiveAsync();

        await form.TypeClaimAsync("Pasukan Azerbaijan dituduh menyerang gedung di Stepanakert");

        await Expect(form.SimilarClaim(StepanakertTitle)).ToBeVisibleAsync();
        await Expect(form.SimilarClaim(StepanakertTitle)).ToContainTextAsync("Pejabat lokal Nagorno-Karabakh");
        await ScreenshotAsync("new-claim-similar");
    }
}
