using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace FactCheck.E2E.Infrastructure;

/// axe-core, run in the page as it stands, for every accessibility check of the suite (public and staff pages alike).
public static class Axe
{
    /// Moderate rules that staff pages are held to as well: one main landmark, and all content inside a landmark
    /// (which is what the skip link and a screen reader's landmark list rely on).
    public static readonly string[] LandmarkRules = ["landmark-one-main", "region"];

    /// The violations a person would be blocked by (serious or critical), plus any of the named moderate rules.
    public static async Task<IReadOnlyList<AxeResultItem>> BlockingViolationsAsync(IPage page, params string[] alsoRules)
    {
        // A pop-up still fading in has its text at part opacity: measure contrast on what a person ends up looking at.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        var result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical" || alsoRules.Contains(v.Id)).ToList();
    }

    /// Fails with every blocking violation, its rule, help text and the elements it was found on.
    public static async Task AssertNoBlockingViolationsAsync(IPage page, string where, params string[] alsoRules)
    {
        var violations = await BlockingViolationsAsync(page, alsoRules);
        Assert.True(violations.Count == 0, $"{where}:\n" + string.Join("\n", violations.Select(Describe)));
    }

    public static string Describe(AxeResultItem violation) =>
        $"{violation.Impact} {violation.Id} ({violation.Nodes.Length}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}"
        + $" ({string.Join("; ", violation.Nodes.Take(1).SelectMany(n => n.Any.Concat(n.All).Concat(n.None)).Select(c => c.Message))})";
}
