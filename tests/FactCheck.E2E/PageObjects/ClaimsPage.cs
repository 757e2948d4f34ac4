using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// Claims search at /claims: search box, filters, results table and the New claim button.
public sealed class ClaimsPage(IPage page)
{
    public const string Path = "/claims";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Claims", Level = 1, Exact = true });

    public ILocator SearchBox => page.Locator("#claim-search");

    public ILocator ResultCount => page.GetByTestId("result-count");

    public ILocator ClaimTable => page.GetByTestId("claim-table");

    public ILocator Titles => ClaimTable.GetByTestId("claim-title");

    public ILocator NoClaims => page.GetByTestId("no-claims");

    public ILocator NewClaimButton => page.GetByTestId("new-claim");

    public async Task GotoAsync(string query = "")
    {
        await page.GotoAsync(Path + query);
        await WaitUntilInteractiveAsync();
    }

    /// Keystrokes reach the page only once its circuit has started.
    public async Task WaitUntilInteractiveAsync() => await page.Locator("[data-testid=claim-filters][data-interactive]").WaitForAsync();

    public async Task SearchAsync(string text) => await SearchBox.PressSequentiallyAsync(text, new() { Delay = 30 });
}
