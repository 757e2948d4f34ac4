using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// The static staff sign-in form at /login.
public sealed class LoginPage(IPage page)
{
    public const string Path = "/login";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" });

    public ILocator Username => page.Locator("#username");

    public ILocator Password => page.Locator("#password");

    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public ILocator Error => page.GetByTestId("login-error");

    public ILocator SignedOutNotice => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "You are signed out." });

    public async Task<IResponse?> GotoAsync() => await page.GotoAsync(Path);

    /// Fills the form and submits it; the caller asserts where the browser lands.
    public async Task SignInAsync(string username, string password)
    {
        await Username.FillAsync(username);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
    }
}
