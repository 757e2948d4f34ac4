using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// The review queue at /queue: open claims in a MudTable.
public sealed class QueuePage(IPage page)
{
    public const string Path = "/queue";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Review queue", Level = 1 });

    public ILocator ClaimTable => page.GetByTestId("claim-table");

    public ILocator ClaimRows => ClaimTable.Locator("tbody tr");

    public ILocator ClaimRow(string text) => ClaimRows.Filter(new() { HasText = text });
}
