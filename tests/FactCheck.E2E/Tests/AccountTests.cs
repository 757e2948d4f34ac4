using System.Text.RegularExpressions;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;

namespace FactCheck.E2E.Tests;

/// A new colleague's first day: the admin gave them a generated password, which the sign-in makes them replace on
/// /account before anything else; there they also make an API token for a newsroom tool, see it listed, and revoke it.
[Collection(E2ECollectionDefinition.Name)]
public sealed class AccountTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private readonly E2EFixture fixture = fixture;

    [Fact]
    public async Task A_new_colleague_replaces_the_generated_password_then_makes_and_revokes_an_api_token()
    {
        var (username, generated) = await fixture.NewStaffAsync("factchecker");
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await login.SignInAsync(username, generated);

        await Expect(Page).ToHaveURLAsync(PathIs("/account"));
        await Expect(Page.GetByTestId("password-change-due")).ToBeVisibleAsync();
        // The desk's pages send them back here until the password is theirs.
        await Page.GotoAsync("/queue");
        await Expect(Page).ToHaveURLAsync(PathIs("/account"));
        await ScreenshotAsync("account-first-sign-in");

        await Page.Locator("#current-password").FillAsync(generated);
        await Page.Locator("#new-password").FillAsync("Sari-chooses-her-own-1");
        await Page.Locator("#confirm-password").FillAsync("Sari-chooses-her-own-1");
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(Page.GetByTestId("password-changed")).ToBeVisibleAsync();

        await Page.Locator("#token-name").FillAsync("newsroom CMS");
        await Page.Locator("#token-password").FillAsync("Sari-chooses-her-own-1");
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(Page.GetByTestId("new-token")).ToHaveTextAsync(new Regex("^fct_"));
        var row = Page.GetByTestId("token").Filter(new() { HasText = "newsroom CMS" });
        await Expect(row.GetByTestId("token-status")).ToHaveTextAsync("active");
        await ScreenshotAsync("account");

        await row.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Revoke newsroom CMS" }).ClickAsync();
        await Expect(Page.GetByTestId("account-notice")).ToContainTextAsync("is revoked");
        await Expect(Page.GetByTestId("token").Filter(new() { HasText = "newsroom CMS" }).GetByTestId("token-status")).ToHaveTextAsync("revoked");

        // The desk opens now.
        await Page.GotoAsync("/queue");
        await Expect(Page).ToHaveURLAsync(PathIs("/queue"));
    }
}
