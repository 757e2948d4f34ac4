using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// A public verdict page at /verdicts/{slug}, as a reader sees it (static HTML, no circuit).
public sealed class VerdictReaderPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Rating => page.GetByTestId("verdict").GetByTestId("rating").First;

    public ILocator RatingLabel => Rating.Locator(".rating-label");

    public ILocator Summary => page.GetByTestId("summary");

    public ILocator LinkedClaims => page.GetByTestId("linked-claim");

    public ILocator Corrections => page.GetByTestId("correction");

    public ILocator Versions => page.GetByTestId("versions");

    public ILocator BeingChecked => page.GetByTestId("being-checked");

    public ILocator LanguageSwitch => page.GetByTestId("language-switch");

    public ILocator SkipLink => page.Locator(".skip-link");

    public ILocator ClaimReviewScripts => page.Locator("script[type='application/ld+json']");

    public ILocator BlazorScripts => page.Locator("script[src*='_framework/blazor']");

    public ILocator LinkedClaim(string title) => LinkedClaims.Filter(new() { HasText = title });

    public async Task<IResponse?> GotoAsync(string slug, string query = "") => await page.GotoAsync($"/verdicts/{slug}{query}");

    public async Task<bool> ScrollsSidewaysAsync() =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
}
