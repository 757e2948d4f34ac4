using System.Text.RegularExpressions;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Infrastructure;

/// Base for E2E tests: every test gets its own browser context (no cookies shared with other tests) and one page in it.
/// Derived classes must carry [Collection(E2ECollectionDefinition.Name)] so they share the one running app.
public abstract class BrowserTest(E2EFixture fixture) : IAsyncLifetime
{
    private readonly List<IPage> elsewhere = [];
    private readonly List<string> blocked = [];
    private IPage? page;

    protected IPage Page => page ?? throw new InvalidOperationException("The page opens in InitializeAsync.");

    public async Task InitializeAsync() => page = Watched(await fixture.NewPageAsync());

    /// Every test also checks that the browser blocked nothing under the app's Content-Security-Policy: a script,
    /// style, connection or form the policy forbids is logged by chromium as a console error, and fails the test.
    public async Task DisposeAsync()
    {
        foreach (var other in elsewhere)
        {
            await other.Context.CloseAsync();
        }

        if (page is not null)
        {
            await page.Context.CloseAsync();
        }

        Assert.Empty(blocked);
    }

    private IPage Watched(IPage opened)
    {
        opened.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (blocked)
                {
                    blocked.Add($"{opened.Url}: {message.Text}");
                }
            }
        };
        return opened;
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// Matches a page URL whose path ends with the given path and which has no query string.
    protected static Regex PathIs(string path) => new("^[^?#]*" + Regex.Escape(path) + "$");

    /// Signs in through the real form as one of the demo accounts.
    protected async Task SignInAsync(string username)
    {
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await login.SignInAsync(username, E2EFixture.DemoPassword);
    }

    /// A second person at another computer: a page in a new browser context (no shared cookies or circuit),
    /// signed in through the form as a demo account and landed on the queue. Closed with the test.
    protected async Task<IPage> SignInElsewhereAsync(string username)
    {
        var other = Watched(await fixture.NewPageAsync());
        elsewhere.Add(other);
        var login = new LoginPage(other);
        await login.GotoAsync();
        await login.SignInAsync(username, E2EFixture.DemoPassword);
        await Expect(other).ToHaveURLAsync(PathIs(QueuePage.Path));
        return other;
    }

    /// A reader at another computer: a page in a new browser context, not signed in. Closed with the test.
    protected async Task<IPage> ReaderPageAsync()
    {
        var other = Watched(await fixture.NewPageAsync());
        elsewhere.Add(other);
        return other;
    }

    /// Saves a full-page screenshot (of Page, or of another page of the test) under TestResults/screenshots next to
    /// the test assembly and returns its path.
    protected async Task<string> ScreenshotAsync(string name, IPage? of = null)
    {
        var path = Path.Combine(E2EFixture.ScreenshotFolder, name + ".png");
        File.Delete(path);
        var shot = of ?? Page;
        // From the top: a full-page shot of a scrolled page draws the fixed app bar in the middle of it.
        await shot.EvaluateAsync("() => window.scrollTo(0, 0)");
        await shot.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
