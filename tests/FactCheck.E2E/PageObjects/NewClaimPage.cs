using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// The intake form at /claims/new with its similar-claims panel.
public sealed class NewClaimPage(IPage page)
{
    public const string Path = "/claims/new";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "New claim", Level = 1 });

    public ILocator ClaimText => page.Locator("#claim-text");

    public ILocator SimilarClaims => page.GetByTestId("similar-claims");

    public ILocator SimilarClaim(string title) => SimilarClaims.GetByTestId("similar-claim").Filter(new() { HasText = title });

    public ILocator Title => page.Locator("#claim-title");

    public ILocator ClaimantName => page.Locator("#claimant-name");

    public ILocator ClaimantSuggestion(string name) => page.GetByTestId("claimant-suggestion").Filter(new() { HasText = name });

    public ILocator PendingLinks => page.GetByTestId("pending-links");

    public ILocator Submit => page.GetByTestId("submit-claim");

    public async Task LinkAsCounterClaimAsync(string title) => await SimilarClaim(title).GetByTestId("link-claim").ClickAsync();

    public async Task WaitUntilInteractiveAsync() => await page.Locator("[data-testid=new-claim][data-interactive]").WaitForAsync();

    public async Task TypeClaimAsync(string text) => await ClaimText.PressSequentiallyAsync(text, new() { Delay = 15 });
}
