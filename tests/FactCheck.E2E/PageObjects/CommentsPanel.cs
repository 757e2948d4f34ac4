using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// The discussion on a staff claim page, and the bell in the top bar.
public sealed class CommentsPanel(IPage page, long claimId)
{
    public ILocator Panel => page.GetByTestId("comments");

    public ILocator Comments => Panel.GetByTestId("comment");

    public ILocator Box => page.Locator($"#comment-new-{claimId}");

    public ILocator Suggestion(string username) => Panel.Locator($"[data-testid=mention-suggestion][data-username='{username}']");

    public ILocator PostButton => Panel.GetByTestId("post-comment");

    public ILocator Bell => page.GetByTestId("notification-bell");

    public async Task<int> UnreadAsync() => int.Parse(await Bell.GetAttributeAsync("data-unread") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// Types as a person does, key by key, so the mention suggestions follow the text.
    public async Task TypeAsync(string text) => await Box.PressSequentiallyAsync(text, new() { Delay = 20 });

    public async Task OpenBellAsync() => await Bell.GetByRole(AriaRole.Button).First.ClickAsync();

    public ILocator BellItems => page.GetByTestId("bell-item");
}
