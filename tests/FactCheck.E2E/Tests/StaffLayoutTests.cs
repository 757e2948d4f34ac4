using System.Text.RegularExpressions;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// Staff pages on a phone (390 px, an iPhone 12–15) and on a desktop: nothing wider than the screen, the sign-out button
/// whole, every column of the dashboard's balance tables reachable with a visible hint, the "Said on" date readable.
[Collection(E2ECollectionDefinition.Name)]
public sealed class StaffLayoutTests(E2EFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<int, int> Screens => new() { { 390, 844 }, { 1280, 800 } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Staff_pages_fit_the_screen_and_sign_out_is_whole(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await SignInAsync("editor");
        await Expect(Page).ToHaveURLAsync(PathIs(QueuePage.Path));
        var claimId = await DemoClaimIdAsync("The Nagorno-Karabakh fighting has killed 5,000 people");

        foreach (var (path, ready) in new[]
        {
            ($"/claims/{claimId}", "[data-testid=review-panel][data-interactive]"),
            (QueuePage.Path, "[data-testid=queue-filters][data-interactive]"),
            ("/dashboard", "[data-testid=dashboard][data-interactive=true]"),
            (NewClaimPage.Path, "[data-testid=new-claim][data-interactive]"),
            ("/claims", "h1"),
            ("/notifications", "h1"),
            ("/tips/inbox", "h1"),
        })
        {
            await Page.GotoAsync(path);
            await Page.Locator(ready).First.WaitForAsync();
            var name = path.Trim('/').Replace('/', '-');
            await ScreenshotAsync($"layout-{width}-{(name.Length == 0 ? "home" : Regex.Replace(name, @"\d+", "id"))}");
            var (scrollWidth, viewport) = await WidthsAsync();
            Assert.True(scrollWidth <= viewport, $"{path} at {width} px is {scrollWidth} px wide: {await WideElementsAsync()}");
            var signOut = await new StaffShell(Page).SignOutButton.BoundingBoxAsync();
            Assert.NotNull(signOut);
            Assert.True(signOut.X >= 0 && signOut.X + signOut.Width <= viewport, $"Sign out on {path} at {width} px spans {signOut.X}–{signOut.X + signOut.Width} of {viewport} px.");
        }
    }

    [Theory]
    [MemberData(nameof(Screens))]
    [InlineData(1024, 768)]
    public async Task Every_column_of_the_balance_tables_can_be_reached_and_a_hint_says_so(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await SignInAsync("editor");
        var dashboard = new DashboardPage(Page);
        await dashboard.GotoAsync();

        foreach (var table in new[] { "balance-sides", "balance-claimants" })
        {
            var scroller = Page.GetByTestId(table).Locator("xpath=ancestor::div[contains(@class,'table-scroll')][1]");
            await scroller.ScrollIntoViewIfNeededAsync();
            var overflows = await scroller.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth + 1");
            var hint = Page.GetByTestId($"{table}-hint");
            if (overflows)
            {
                await Expect(hint).ToBeVisibleAsync();
            }

            // Each column can be scrolled into the table's box, as a reader scrolls it sideways.
            var box = (await scroller.BoundingBoxAsync())!;
            foreach (var heading in new[] { "Recorded", "Rejected", "Verdicts" })
            {
                var th = Page.GetByTestId(table).Locator("th", new() { HasText = heading }).First;
                await th.EvaluateAsync("e => e.scrollIntoView({ inline: 'nearest', block: 'nearest' })");
                var cell = (await th.BoundingBoxAsync())!;
                Assert.True(cell.X >= box.X - 1 && cell.X + cell.Width <= box.X + box.Width + 1, $"{heading} of {table} at {width} px is outside its scroll box.");
            }

            await scroller.EvaluateAsync("e => e.scrollLeft = 0");
        }

        await Page.GetByTestId("balance-sides").ScrollIntoViewIfNeededAsync();
        await Page.EvaluateAsync("() => window.scrollBy(0, -120)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(E2EFixture.ScreenshotFolder, $"layout-{width}-dashboard-balance.png") });
        var (scrollWidth, viewport) = await WidthsAsync();
        Assert.True(scrollWidth <= viewport, $"/dashboard at {width} px is {scrollWidth} px wide.");
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_said_on_field_shows_the_whole_date(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await SignInAsync("checker");
        await Page.GotoAsync(NewClaimPage.Path);
        var form = new NewClaimPage(Page);
        await form.WaitUntilInteractiveAsync();

        var saidOn = Page.Locator("#said-on");
        await saidOn.FillAsync("2020-10-13");
        await saidOn.BlurAsync();

        await Expect(saidOn).ToHaveValueAsync("2020-10-13");
        var sizes = await saidOn.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        var (inner, client) = (sizes[0], sizes[1]);
        Assert.True(inner <= client, $"The said-on field at {width} px needs {inner} px for its date and has {client}.");
        await saidOn.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync($"layout-{width}-new-claim-said-on");
    }

    /// The outermost elements that reach past the right edge, to say what overflows when a test fails.
    private async Task<string> WideElementsAsync() => await Page.EvaluateAsync<string>(
        """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
            .slice(0, 6).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().width)}px`).join('; ')
        """);

    private async Task<(int ScrollWidth, int Viewport)> WidthsAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    /// A demo claim's id, found as a person finds it: by searching for its title.
    private async Task<long> DemoClaimIdAsync(string title)
    {
        await Page.GotoAsync("/claims?q=" + Uri.EscapeDataString(title));
        var link = Page.Locator("a[href^='/claims/']").Filter(new() { HasText = title }).First;
        var href = await link.GetAttributeAsync("href");
        return long.Parse(Regex.Match(href!, @"/claims/(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
