using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// The review queue at /queue: tabs with counts, filters and the open claims in a table.
public sealed class QueuePage(IPage page)
{
    public const string Path = "/queue";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Review queue", Level = 1 });

    public ILocator ClaimTable => page.GetByTestId("claim-table");

    public ILocator ClaimRows => ClaimTable.Locator("tbody tr");

    public ILocator ClaimRow(string text) => ClaimRows.Filter(new() { HasText = text });

    /// The link to a claim's page in its row.
    public ILocator ClaimLink(string title) => ClaimTable.GetByTestId("claim-title").Filter(new() { HasText = title });

    /// The tab (mine, unassigned, in-review, overdue, all) as a tab element, so its selected state can be read.
    public ILocator Tab(string tab) => page.GetByRole(AriaRole.Tab).Filter(new() { Has = page.GetByTestId($"queue-tab-{tab}") });

    /// The number of claims in a tab, shown as a badge on it.
    public ILocator TabCount(string tab) => page.GetByTestId($"queue-count-{tab}");

    /// "N claims" under the table.
    public ILocator ResultCount => page.GetByTestId("result-count");

    public async Task GotoAsync(string query = "")
    {
        await page.GotoAsync(Path + query);
        await WaitUntilInteractiveAsync();
    }

    public async Task WaitUntilInteractiveAsync() => await page.Locator("[data-testid=queue-filters][data-interactive]").WaitForAsync();
}
