using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;

namespace FactCheck.E2E.Tests;

[Collection(E2ECollectionDefinition.Name)]
public sealed class PublicHomeTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Anonymous_reader_opens_the_public_home_page()
    {
        await Page.SetViewportSizeAsync(360, 740);
        var home = new HomePage(Page);

        var response = await home.GotoAsync();

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Expect(home.Heading).ToBeVisibleAsync();
        // Nothing is published in the demo case, but the review golden path may have published one already.
        var published = await home.VerdictList.CountAsync() > 0;
        await Expect(published ? home.VerdictList : home.NoVerdicts).ToBeVisibleAsync();
        await Expect(published ? home.NoVerdicts : home.VerdictList).ToHaveCountAsync(0);

        // Static HTML: no Blazor script, so no circuit for anonymous readers.
        Assert.DoesNotContain("_framework/blazor.web.js", await response.TextAsync(), StringComparison.Ordinal);
        await Expect(home.BlazorScripts).ToHaveCountAsync(0);

        // Usable on a small phone: nothing scrolls sideways, the key parts are fully on screen.
        Assert.False(await home.ScrollsSidewaysAsync(), "The home page scrolls sideways at 360 px.");
        await Expect(home.Heading).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(home.StaffSignInLink).ToBeInViewportAsync(new() { Ratio = 1 });

        var screenshot = await ScreenshotAsync("home-mobile");
        Assert.True(new FileInfo(screenshot).Length > 0, $"Empty screenshot at {screenshot}");
    }
}
