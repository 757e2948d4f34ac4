using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// Work that lands on someone reaches their open page at once: the bell lights up on an assignment, and a mention in a
/// comment shows on the claim page of the person mentioned, without a reload. Each test records a claim of its own.
[Collection(E2ECollectionDefinition.Name)]
public sealed class TalkAndBeToldTests : BrowserTest
{
    private readonly E2EFixture desk;

    public TalkAndBeToldTests(E2EFixture fixture)
        : base(fixture) => desk = fixture;

    private async Task<(long Id, string Title)> TriagedClaimAsync(string title)
    {
        title = $"{title} {Guid.NewGuid().ToString("N")[..6]}";
        var claim = await desk.SendAsAsync(
            new SubmitClaim { Title = title, Text = $"Pejabat mengatakan {title}", Language = "id", ClaimantName = "Kementerian Pertahanan", ClaimantKind = "government", Kind = "statement" },
            "editor2");
        await desk.SendAsAsync(new TriageClaim { ClaimId = claim.Id, Version = 1, Priority = "normal" }, "editor");
        return (claim.Id, title);
    }

    [Fact]
    public async Task Checker_is_assigned_a_claim_and_the_bell_on_their_open_page_lights_up_without_a_reload()
    {
        var (claimId, title) = await TriagedClaimAsync("Bridge at Kupang collapsed");
        await SignInAsync("checker");
        var checker = new CommentsPanel(Page, claimId);
        await Expect(checker.Bell).ToHaveAttributeAsync("data-unread", new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await Page.GetByTestId("notification-bell").Locator("button").First.WaitForAsync();
        var before = await checker.UnreadAsync();
        await Page.EvaluateAsync("() => window.sameLoad = true");

        var editorPage = await SignInElsewhereAsync("editor");
        var editor = new ClaimReviewPanel(editorPage);
        await editor.GotoAsync(claimId);
        await editor.AssignAsync("Budi Checker", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), "Start with the regional office.");
        await Expect(editor.Status("assigned")).ToBeVisibleAsync();

        await Expect(checker.Bell).ToHaveAttributeAsync("data-unread", (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await checker.OpenBellAsync();
        await Expect(checker.BellItems.First).ToContainTextAsync($"Assigned to you: {title}");
        Assert.True(await Page.EvaluateAsync<bool>("() => window.sameLoad === true"), "the page was reloaded");
        await ScreenshotAsync("bell-lights-up-on-assignment");
    }

    [Fact]
    public async Task Checker_mentions_editor2_in_a_comment_and_editor2_sees_it_live()
    {
        var (claimId, title) = await TriagedClaimAsync("Casualty figure from the district");
        var editor2Page = await SignInElsewhereAsync("editor2");
        var editor2 = new CommentsPanel(editor2Page, claimId);
        await new ClaimReviewPanel(editor2Page).GotoAsync(claimId);
        await Expect(editor2.Panel.GetByTestId("no-comments")).ToBeVisibleAsync();
        var editor2Unread = await editor2.UnreadAsync();
        await editor2Page.EvaluateAsync("() => window.sameLoad = true");

        await SignInAsync("checker");
        await new ClaimReviewPanel(Page).GotoAsync(claimId);
        var checker = new CommentsPanel(Page, claimId);
        await checker.TypeAsync("@edi");
        await checker.Suggestion("editor2").ClickAsync();
        await Expect(checker.Box).ToHaveValueAsync("@editor2 ");
        await checker.Box.FocusAsync();
        await Page.Keyboard.PressAsync("End");
        await checker.TypeAsync("is the **district** figure the latest?");
        await checker.PostButton.ClickAsync();
        await Expect(checker.Comments).ToHaveCountAsync(1);
        await Expect(checker.Box).ToHaveValueAsync("");

        // Live on editor2's open page: the comment with its Markdown, and the bell.
        await Expect(editor2.Comments).ToHaveCountAsync(1);
        await Expect(editor2.Comments.First.GetByTestId("comment-body").Locator("strong")).ToHaveTextAsync("district");
        await Expect(editor2.Comments.First).ToContainTextAsync("@editor2 is the district figure the latest?");
        await Expect(editor2.Bell).ToHaveAttributeAsync("data-unread", (editor2Unread + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await editor2.OpenBellAsync();
        await Expect(editor2.BellItems.First).ToContainTextAsync($"Budi Checker mentioned you on: {title}");
        Assert.True(await editor2Page.EvaluateAsync<bool>("() => window.sameLoad === true"), "editor2's page was reloaded");
        await ScreenshotAsync("mention-seen-live", editor2Page);
    }
}
