using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// The public home page at / (static HTML, no Blazor circuit).
public sealed class HomePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Latest verdicts", Level = 1 });

    public ILocator NoVerdicts => page.GetByTestId("no-verdicts");

    public ILocator VerdictList => page.GetByTestId("verdict-list");

    public ILocator StaffSignInLink => page.GetByRole(AriaRole.Link, new() { Name = "Staff sign-in", Exact = true });

    public ILocator BlazorScripts => page.Locator("script[src*='_framework/blazor']");

    public async Task<IResponse?> GotoAsync() => await page.GotoAsync("/");

    /// True when the page is wider than the viewport (the reader would have to scroll sideways).
    public async Task<bool> ScrollsSidewaysAsync() =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
}
