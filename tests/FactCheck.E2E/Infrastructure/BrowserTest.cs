using System.Text.RegularExpressions;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Infrastructure;

/// Base for E2E tests: every test gets its own browser context (no cookies shared with other tests) and one page in it.
/// Derived classes must carry [Collection(E2ECollectionDefinition.Name)] so they share the one running app.
public abstract class BrowserTest(E2EFixture fixture) : IAsyncLifetime
{
    private IPage? page;

    protected IPage Page => page ?? throw new InvalidOperationException("The page opens in InitializeAsync.");

    public async Task InitializeAsync() => page = await fixture.NewPageAsync();

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
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

    /// Saves a full-page screenshot under TestResults/screenshots next to the test assembly and returns its path.
    protected async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(E2EFixture.ScreenshotFolder, name + ".png");
        File.Delete(path);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
