using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace FactCheck.E2E.Infrastructure;

/// axe-core, run in the page as it stands, for every accessibility check of the suite (public and staff pages alike).
public static class Axe
{
    /// Moderate rules that staff pages are held to as well: one main landmark, all content inside a landmark (what the
    /// skip link and a screen reader's landmark list rely on), one h1 and headings that go down one level at a time.
    public static readonly string[] StaffRules = ["landmark-one-main", "region", "page-has-heading-one", "heading-order"];

    /// The violations a person would be blocked by (serious or critical), plus any of the named moderate rules.
    public static Task<IReadOnlyList<AxeResultItem>> BlockingViolationsAsync(IPage page, params string[] alsoRules) =>
        BlockingViolationsAsync(page, null, alsoRules);

    /// The same, within one part of the page (a form or pop-up just opened on a page already checked whole); rules
    /// about the page as a whole (one main landmark, one h1) are left out there by axe itself.
    public static async Task<IReadOnlyList<AxeResultItem>> BlockingViolationsAsync(IPage page, ILocator? within, params string[] alsoRules)
    {
        // A pop-up still fading in has its text at part opacity: measure contrast on what a person ends up looking at.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        var result = within is null ? await page.RunAxe() : await within.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical" || alsoRules.Contains(v.Id)).ToList();
    }

    /// Fails with every blocking violation, its rule, help text and the elements it was found on.
    public static Task AssertNoBlockingViolationsAsync(IPage page, string where, params string[] alsoRules) =>
        AssertNoBlockingViolationsAsync(page, null, where, alsoRules);

    public static async Task AssertNoBlockingViolationsAsync(IPage page, ILocator? within, string where, params string[] alsoRules)
    {
        var violations = await BlockingViolationsAsync(page, within, alsoRules);
        Assert.True(violations.Count == 0, $"{where}:\n" + string.Join("\n", violations.Select(Describe)));
    }

    public static string Describe(AxeResultItem violation) =>
        $"{violation.Impact} {violation.Id} ({violation.Nodes.Length}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}"
        + $" ({string.Join("; ", violation.Nodes.Take(1).SelectMany(n => n.Any.Concat(n.All).Concat(n.None)).Select(c => c.Message))})";
}
