using System.Globalization;
using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// The staff dashboard at /dashboard: the editor's desk (charts, deadlines, balance) or a fact-checker's own work.
public sealed class DashboardPage(IPage page)
{
    public const string Path = "/dashboard";

    public ILocator Root => page.GetByTestId("dashboard");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Chart(string testId) => page.GetByTestId(testId);

    /// One bar of a bar chart, by its category label and (for charts with several series) the series name.
    public ILocator Bar(string chart, string category, string? series = null) =>
        Chart(chart).Locator(series is null ? $"rect[data-category='{category}']" : $"rect[data-category='{category}'][data-series='{series}']");

    public ILocator TileValue(string tile) => page.GetByTestId($"{tile}-value");

    public ILocator BalanceNote => page.GetByTestId("balance-note");

    public async Task GotoAsync(string query = "")
    {
        await page.GotoAsync(Path + query);
        await WaitUntilInteractiveAsync();
    }

    /// The circuit has started: live updates reach the page from here on.
    public async Task WaitUntilInteractiveAsync() => await page.Locator("[data-testid=dashboard][data-interactive=true]").WaitForAsync();

    public async Task<int> BarValueAsync(string chart, string category, string? series = null) =>
        (int)double.Parse((await Bar(chart, category, series).GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
}
