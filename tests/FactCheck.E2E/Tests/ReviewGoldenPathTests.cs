using System.Globalization;
using System.Text.RegularExpressions;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// The review workflow as the desk uses it, in separate browser contexts (one per person, as at separate computers):
/// every change one person makes shows on the others' open claim pages without a reload.
/// These tests move demo claims through the workflow; they never touch the "Stepanakert" claims the search tests count.
[Collection(E2ECollectionDefinition.Name)]
public sealed class ReviewGoldenPathTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private const string PompeoTitle = "Pompeo met Azerbaijan's and Armenia's foreign ministers separately";
    private const string FightingTitle = "Fighting in Nagorno-Karabakh has gone on since 27 September 2020";

    [Fact]
    public async Task Editor_and_checker_take_a_claim_from_triage_to_a_published_correction_and_see_each_others_changes_live()
    {
        // Eka Editor finds the claim in the queue (an editor starts on all open claims).
        await SignInAsync("editor");
        await Expect(Page).ToHaveURLAsync(PathIs(QueuePage.Path));
        var claimId = await OpenFromQueueAsync(PompeoTitle);
        var editor = new ClaimReviewPanel(Page);
        await editor.WaitUntilInteractiveAsync();
        await Expect(editor.Status("new")).ToBeVisibleAsync();

        // Budi Checker has the same claim open at his own computer: nothing for him to do yet.
        var checkerPage = await SignInElsewhereAsync("checker");
        var checker = new ClaimReviewPanel(checkerPage);
        await checker.GotoAsync(claimId);
        await Expect(checker.Status("new")).ToBeVisibleAsync();
        await Expect(checker.Actions).ToHaveCountAsync(0);
        await Expect(checker.Panel.GetByTestId("no-actions")).ToHaveTextAsync("Waiting for an editor to triage it.");
        // A mark on this load of the page: a reload or a navigation would wipe it.
        await checkerPage.EvaluateAsync("() => window.sameLoad = true");

        // Triage and assign.
        await editor.TriageAsync("High");
        await Expect(editor.Status("triaged")).ToBeVisibleAsync();
        await Expect(checker.Priority).ToHaveTextAsync("high priority");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        await editor.AssignAsync("Budi Checker", due, "Check the State Department readouts of both meetings.");
        await Expect(editor.Status("assigned")).ToBeVisibleAsync();
        await Expect(editor.Action("start")).ToHaveCountAsync(0);

        // Live on the checker's page, no reload: the claim is his now, due in three days, and he may start.
        await Expect(checker.Status("assigned")).ToBeVisibleAsync();
        await Expect(checker.Assignee).ToHaveTextAsync("Budi Checker");
        await Expect(checker.Panel.GetByTestId("assigned-by")).ToHaveTextAsync("Eka Editor");
        await Expect(checker.Due).ToContainTextAsync(due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        await Expect(checker.Actions).ToHaveCountAsync(1);
        await Expect(checker.Action("start")).ToBeVisibleAsync();

        // The checker researches: starts, adds a source, submits a verdict written in Markdown.
        await checker.OpenAsync("start");
        await Expect(checker.Status("researching")).ToBeVisibleAsync();
        await Expect(editor.Status("researching")).ToBeVisibleAsync();
        await checker.AddEvidenceAsync(
            "https://example.org/state-department/readouts-2020-10-23",
            "State Department readouts of the 23 October meetings",
            "Supports",
            "Two separate readouts, one per minister.");
        await Expect(checker.EvidenceItems).ToHaveCountAsync(1);
        await Expect(editor.EvidenceItems.Filter(new() { HasText = "State Department readouts" })).ToHaveCountAsync(1);

        await checker.OpenAsync("submit");
        await checker.FillVerdictAsync(
            "Mostly true",
            "Pompeo met both foreign ministers on 23 October 2020, one after the other.",
            "The State Department published a readout of **each meeting**.\n\n- Azerbaijan's foreign minister\n- Armenia's foreign minister");
        await Expect(checker.ExplanationPreview.Locator("strong")).ToHaveTextAsync("each meeting");
        await checker.SendAsync();
        await Expect(checker.Status("in_review")).ToBeVisibleAsync();
        // The author reviews nothing.
        await Expect(checker.Action("approve")).ToHaveCountAsync(0);
        await Expect(checker.Action("request-changes")).ToHaveCountAsync(0);

        // Live on the editor's page: the draft waits for review and this editor, not its author, may approve it.
        await Expect(editor.Status("in_review")).ToBeVisibleAsync();
        await Expect(editor.DraftVerdict.GetByTestId("draft-label")).ToHaveTextAsync("Draft — in review");
        await Expect(editor.DraftVerdict.GetByTestId("rating-chip")).ToHaveTextAsync("Mostly true · Sebagian besar benar");
        await Expect(editor.Action("approve")).ToBeVisibleAsync();
        await Expect(editor.Action("request-changes")).ToBeVisibleAsync();
        await ScreenshotAsync("review-in-review");

        // Dewi Editor, at a third computer, sends the verdict back.
        var editor2Page = await SignInElsewhereAsync("editor2");
        var editor2 = new ClaimReviewPanel(editor2Page);
        await editor2.GotoAsync(claimId);
        await editor2.OpenAsync("request-changes");
        await editor2.FillNoteAsync("request-changes", "Say which source confirms the date of each meeting.");
        await editor2.SendAsync();
        await Expect(editor2.Status("researching")).ToBeVisibleAsync();

        // The checker sees why, live, and resubmits from his draft.
        await Expect(checker.ReturnedComment).ToContainTextAsync("Say which source confirms the date of each meeting.");
        await Expect(checker.DraftVerdict.GetByTestId("draft-label")).ToHaveTextAsync("Draft — sent back for changes");
        await checker.OpenAsync("submit");
        await Expect(checkerPage.Locator("#verdict-id-summary")).ToHaveValueAsync("Pompeo met both foreign ministers on 23 October 2020, one after the other.");
        await checkerPage.Locator("#verdict-id-explanation").FillAsync(
            "The State Department published a readout of **each meeting**, both dated 23 October 2020.\n\n- Azerbaijan's foreign minister\n- Armenia's foreign minister");
        await checker.SendAsync();
        await Expect(checker.Status("in_review")).ToBeVisibleAsync();

        // Dewi approves; one approval publishes.
        await editor2.OpenAsync("approve");
        await Expect(editor2.Form("approve").GetByTestId("approve-summary")).ToContainTextAsync("Approving Mostly true by Budi Checker");
        await editor2.SendAsync();
        await Expect(editor2.Status("published")).ToBeVisibleAsync();

        // Published, live on the checker's page: the rating in English and Indonesian, the explanation rendered.
        await Expect(checker.Status("published")).ToBeVisibleAsync();
        await Expect(checker.PublishedVerdict.GetByTestId("rating-chip")).ToHaveTextAsync("Mostly true · Sebagian besar benar");
        await Expect(checker.PublishedVerdict.GetByTestId("published-version")).ToContainTextAsync("Version 1");
        await Expect(checker.PublishedVerdict.GetByTestId("verdict-explanation").Locator("strong")).ToHaveTextAsync("each meeting");
        await Expect(checker.PublishedVerdict.GetByTestId("verdict-explanation")).ToContainTextAsync("both dated 23 October 2020");
        await Expect(checker.Actions).ToHaveCountAsync(0);
        // The draft that was sent back is history now: no draft and no "changes requested" on a published claim.
        await Expect(checker.DraftVerdict).ToHaveCountAsync(0);
        await Expect(checker.ReturnedComment).ToHaveCountAsync(0);
        await Expect(editor.Status("published")).ToBeVisibleAsync();
        await ScreenshotAsync("review-published-v1", checkerPage);

        // A correction: Eka opens it; the published verdict stays public meanwhile.
        await editor.OpenAsync("correct");
        await editor.FillNoteAsync("correct", "Both readouts confirm the meetings as described: nothing in the claim is inaccurate.");
        await editor.SendAsync();
        await Expect(editor.CorrectionInProgress).ToBeVisibleAsync();

        // The checker sees the correction live and may submit again; the old verdict is still the public one.
        await Expect(checker.CorrectionInProgress).ToContainTextAsync("nothing in the claim is inaccurate");
        await Expect(checker.Action("submit")).ToBeVisibleAsync();
        await Expect(checker.PublishedVerdict.GetByTestId("rating-chip")).ToHaveTextAsync("Mostly true · Sebagian besar benar");
        await checker.OpenAsync("submit");
        await checker.FillVerdictAsync(
            "True",
            "Pompeo met both foreign ministers separately on 23 October 2020.",
            "The State Department published a readout of **each meeting**, both dated 23 October 2020; the claim is accurate in every detail.",
            "Rating raised from Mostly true to True: both meetings are confirmed as described.");
        await checker.SendAsync();
        await Expect(checker.Status("in_review")).ToBeVisibleAsync();

        await editor2.OpenAsync("approve");
        await Expect(editor2.Form("approve").GetByTestId("approve-summary")).ToContainTextAsync("Approving True by Budi Checker");
        await editor2.SendAsync();

        // Version 2 is public, with a correction notice that names the old rating; live on the other pages.
        await Expect(editor.Status("published")).ToBeVisibleAsync();
        await Expect(editor.PublishedVerdict.GetByTestId("published-version")).ToContainTextAsync("Version 2");
        await Expect(editor.PublishedVerdict.GetByTestId("rating-chip")).ToHaveTextAsync("True · Benar");
        await Expect(editor.PublishedVerdict.GetByTestId("change-note")).ToContainTextAsync("Rating raised from Mostly true to True");
        await Expect(editor.CorrectionInProgress).ToHaveCountAsync(0);
        await Expect(editor.DraftVerdict).ToHaveCountAsync(0);
        await Expect(editor.CorrectionNotice).ToHaveCountAsync(1);
        await Expect(editor.CorrectionNotice).ToContainTextAsync("(version 1 → 2)");
        await Expect(editor.CorrectionNotice).ToContainTextAsync("nothing in the claim is inaccurate");
        await Expect(editor.CorrectionNotice.GetByTestId("correction-ratings")).ToHaveTextAsync("Rating: Mostly true → True");
        await Expect(checker.PublishedVerdict.GetByTestId("published-version")).ToContainTextAsync("Version 2");
        Assert.True(await checkerPage.EvaluateAsync<bool>("() => window.sameLoad === true"), "The checker's page was reloaded: its changes were not live.");
        await Expect(editor.HistoryEntry("ApproveVerdict").First).ToContainTextAsync("published version 2 with a correction notice");
        await ScreenshotAsync("review-published-v2");
    }

    [Fact]
    public async Task Editor_who_wrote_the_verdict_cannot_approve_it_but_another_editor_can()
    {
        await SignInAsync("editor");
        await Expect(Page).ToHaveURLAsync(PathIs(QueuePage.Path));
        var claimId = await OpenFromQueueAsync(FightingTitle);
        var author = new ClaimReviewPanel(Page);
        await author.WaitUntilInteractiveAsync();

        // Eka takes the claim herself and writes the verdict.
        await author.TriageAsync("Normal");
        await Expect(author.Action("assign")).ToBeVisibleAsync();
        await author.AssignAsync("Eka Editor", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
        await Expect(author.Action("start")).ToBeVisibleAsync();
        await author.OpenAsync("start");
        await Expect(author.Action("submit")).ToBeVisibleAsync();
        await author.OpenAsync("submit");
        await author.FillVerdictAsync(
            "Unverified",
            "No independent record yet of when the fighting began.",
            "The date comes from **one news report**; no second source confirms it yet.");
        await author.SendAsync();

        // Two-person rule: no approve or request-changes for the author, although she is an editor.
        await Expect(author.Status("in_review")).ToBeVisibleAsync();
        await Expect(author.DraftVerdict.GetByTestId("rating-chip")).ToHaveTextAsync("Unverified · Belum terverifikasi");
        await Expect(author.Action("approve")).ToHaveCountAsync(0);
        await Expect(author.Action("request-changes")).ToHaveCountAsync(0);
        await Expect(author.Action("reassign")).ToBeVisibleAsync();
        await ScreenshotAsync("review-author-cannot-approve");

        // Another editor may.
        var reviewerPage = await SignInElsewhereAsync("editor2");
        var reviewer = new ClaimReviewPanel(reviewerPage);
        await reviewer.GotoAsync(claimId);
        await Expect(reviewer.Status("in_review")).ToBeVisibleAsync();
        await Expect(reviewer.Action("approve")).ToBeVisibleAsync();
        await Expect(reviewer.Action("request-changes")).ToBeVisibleAsync();
    }

    /// Clicks the claim's title in the queue (once the queue runs: a link clicked while the circuit is still starting
    /// can change the address without the router ever rendering the page) and answers the claim's id.
    private async Task<long> OpenFromQueueAsync(string title)
    {
        var queue = new QueuePage(Page);
        await queue.WaitUntilInteractiveAsync();
        await queue.ClaimLink(title).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/claims/\d+$"));
        return long.Parse(Regex.Match(Page.Url, @"/claims/(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
