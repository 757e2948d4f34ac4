using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// Claims from an article at /claims/from-article: paste the article, review one card per candidate, accept.
public sealed class ArticleIntakePage(IPage page)
{
    public const string Path = "/claims/from-article";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Claims from an article", Level = 1 });

    /// data-step is paste, review or done.
    public ILocator Step => page.GetByTestId("intake-step");

    public ILocator ArticleText => page.Locator("#article-text");

    public ILocator Url => page.Locator("#article-url");

    public ILocator Outlet => page.Locator("#article-outlet");

    public ILocator PublishedOn => page.Locator("#article-published");

    public ILocator FindClaimsButton => page.GetByTestId("find-claims");

    /// The paste form's text box with its validation message.
    public ILocator ArticleField => page.GetByTestId("paste-form").Locator(".mud-input-control").Filter(new() { Has = ArticleText });

    public ILocator Highlights => page.GetByTestId("article-text").GetByTestId("highlight");

    public ILocator Cards => page.GetByTestId("candidate-card");

    /// The card whose sentence contains the text.
    public ILocator Card(string sentence) => Cards.Filter(new() { Has = page.Locator(".intake-sentence", new() { HasText = sentence }) });

    /// What the extractor read on a card: claimant, date, figure or place (data-value holds the raw value).
    public static ILocator Reading(ILocator card, string what) => card.GetByTestId($"reading-{what}");

    public static ILocator Links(ILocator card) => card.GetByTestId("candidate-link");

    public ILocator SelectAll => page.GetByTestId("select-all");

    public ILocator AcceptSelected => page.GetByTestId("accept-selected");

    public ILocator AcceptErrors => page.GetByTestId("accept-errors");

    public ILocator Done => page.GetByTestId("intake-done");

    public ILocator DoneClaims => page.GetByTestId("done-claim");

    public ILocator NewClaims => page.Locator("[data-testid=done-claim][data-created=true]");

    public ILocator Appearances => page.Locator("[data-testid=done-claim][data-created=false]");

    public ILocator DoneLinks => page.GetByTestId("done-link");

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await WaitUntilInteractiveAsync();
    }

    /// What is typed into the prerendered form before the circuit runs it is not seen.
    public async Task WaitUntilInteractiveAsync() => await page.Locator("[data-testid=paste-form][data-interactive]").WaitForAsync();

    public async Task PasteAsync(string text, string? url = null, string? outlet = null, string? publishedOn = null)
    {
        await ArticleText.FillAsync(text);
        if (url is not null)
        {
            await Url.FillAsync(url);
        }

        if (outlet is not null)
        {
            await Outlet.FillAsync(outlet);
        }

        if (publishedOn is not null)
        {
            await PublishedOn.FillAsync(publishedOn);
        }
    }

    public async Task FindClaimsAsync() => await FindClaimsButton.ClickAsync();
}
