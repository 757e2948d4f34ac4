using AngleSharp.Dom;
using Bunit;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;
using ClaimPage = FactCheck.Web.Features.ClaimDesk.ClaimPage;

namespace FactCheck.Tests.Components;

/// What the claim page's review panel offers and does, per person: the buttons are exactly the policy's
/// AllowedActions, and each action's form sends through the real pipeline to the shared test database.
public static class ReviewPage
{
    public static IRenderedComponent<ClaimPage> Render(BunitContext context, long claimId)
    {
        var page = context.Render<ClaimPage>(p => p.Add(c => c.Id, claimId));
        page.WaitForAssertion(() => page.Find("[data-testid=review-panel]"));
        return page;
    }

    public static List<string> Buttons(IRenderedComponent<ClaimPage> page) =>
        page.FindAll("[data-testid=actions] button").Select(b => b.GetAttribute("data-testid")!["action-".Length..]).ToList();

    public static string Status(IRenderedComponent<ClaimPage> page) =>
        page.Find("[data-testid=review-panel] [data-status]").GetAttribute("data-status")!;

    public static IElement Form(IRenderedComponent<ClaimPage> page, string action) => page.Find($"[data-testid=form-{action}] form");

    public static List<string> History(IRenderedComponent<ClaimPage> page) =>
        page.FindAll("[data-testid=history-entry]").Select(e => e.TextContent).ToList();

    public static async Task<IReadOnlyList<string>> AllowedAsync(TestApp app, long claimId, Actor actor) =>
        (await app.QueryAsync(new GetClaim(claimId), actor)).AllowedActions;
}

[Collection(SharedAppCollection.Name)]
public sealed class ReviewPanelAsCheckerTests(SharedApp shared) : PageTest(shared, "checker", Roles.FactChecker)
{

    [Theory]
    [InlineData("new")]
    [InlineData("triaged")]
    [InlineData("in_review")]
    [InlineData("published")]
    [InlineData("rejected")]
    public async Task A_checker_gets_no_workflow_buttons_where_the_policy_allows_none(string state)
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync(state);

        var page = ReviewPage.Render(this, id);

        Assert.Empty(await ReviewPage.AllowedAsync(App, id, review.Checker));
        Assert.Empty(ReviewPage.Buttons(page));
        Assert.NotEmpty(page.Find("[data-testid=no-actions]").TextContent);
    }

    [Fact]
    public async Task The_assignee_starts_research_with_one_click_and_is_then_offered_only_submit()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var page = ReviewPage.Render(this, id);
        Assert.Equal([ReviewActions.Start], ReviewPage.Buttons(page));

        page.Find("[data-testid=action-start]").Click();

        page.WaitForAssertion(() => Assert.Equal("researching", ReviewPage.Status(page)));
        Assert.Equal("researching", await review.StatusAsync(id));
        Assert.Equal([ReviewActions.Submit], ReviewPage.Buttons(page));
        Assert.Equal(await ReviewPage.AllowedAsync(App, id, review.Checker), ReviewPage.Buttons(page));
        Assert.Contains("Started research", ReviewPage.History(page)[0]);
    }

    [Fact]
    public async Task A_checker_who_is_not_the_assignee_gets_no_buttons_and_no_evidence_form()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        await review.TriageAsync(id);
        await review.AssignAsync(id, review.Checker2);
        await review.StartAsync(id, review.Checker2);

        var page = ReviewPage.Render(this, id);

        Assert.Empty(ReviewPage.Buttons(page));
        Assert.Contains("Sari Checker", page.Find("[data-testid=assignee]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=add-evidence]"));
    }

    /// The send button of a form left open goes grey when the claim is reassigned, but a modified client can still
    /// send the form's submit event to the circuit: the pipeline refuses it, nothing is written, and the page says why.
    [Fact]
    public async Task A_verdict_sent_from_a_tampered_client_after_the_claim_was_reassigned_is_refused_and_writes_nothing()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        var page = ReviewPage.Render(this, id);
        page.Find("[data-testid=action-submit]").Click();
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync("false"));
        page.Find("#verdict-id-title").Input("Serangan itu tidak terjadi");
        page.Find("#verdict-id-summary").Input("Sent after the claim moved to a colleague");
        page.Find("#verdict-id-explanation").Input("The images show the buildings intact.");

        await review.ActAsync(new ReassignClaim { ClaimId = id, Version = await review.VersionAsync(id), AssigneeId = review.Checker2.UserId!.Value }, review.Editor);
        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=send-action]").HasAttribute("disabled")), TimeSpan.FromSeconds(5));
        var version = await review.VersionAsync(id);
        var audit = await review.LastAuditIdAsync();

        ReviewPage.Form(page, "submit").Submit();

        page.WaitForAssertion(() => Assert.Contains("assignee", page.Find("[data-testid=action-error]").TextContent, StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(5));
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM verdicts WHERE claim_id = @id", new { id }));
        Assert.Equal(version, await review.VersionAsync(id));
        Assert.Equal(audit, await review.LastAuditIdAsync());
    }

    [Fact]
    public async Task A_summary_over_280_characters_is_refused_next_to_the_field_and_nothing_is_written()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        var version = await review.VersionAsync(id);
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=action-submit]").Click();
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync("false"));
        page.Find("#verdict-id-title").Input("Serangan itu tidak terjadi");
        page.Find("#verdict-id-summary").Input(new string('s', 300));
        page.Find("#verdict-id-explanation").Input("The images show the buildings intact.");
        ReviewPage.Form(page, "submit").Submit();

        page.WaitForAssertion(() => Assert.Contains("Keep this to 280 characters.", page.Find("[data-testid=verdict-text-id]").TextContent));
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM verdicts WHERE claim_id = @id", new { id }));
        Assert.Equal(version, await review.VersionAsync(id));
        Assert.Empty(page.FindAll("[data-testid=action-error]"));
    }

    [Fact]
    public async Task The_explanation_preview_renders_markdown_and_shows_typed_markup_as_text()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=action-submit]").Click();
        page.Find("#verdict-en-explanation").Input("Images from **two providers**. <script>alert('x')</script>");

        page.WaitForAssertion(() => Assert.Equal("two providers", page.Find("[data-testid=verdict-en-preview] strong").TextContent));
        var preview = page.Find("[data-testid=verdict-en-preview]");
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.Contains("<script>alert('x')</script>", preview.TextContent);
    }

    [Fact]
    public async Task A_quote_asks_for_the_attribution_finding_and_an_event_does_not()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var quote = await review.ClaimInStateAsync("researching", kind: "quote");
        var eventClaim = await review.ClaimInStateAsync("researching");

        var quotePage = ReviewPage.Render(this, quote);
        quotePage.Find("[data-testid=action-submit]").Click();
        var eventPage = ReviewPage.Render(this, eventClaim);
        eventPage.Find("[data-testid=action-submit]").Click();

        Assert.Single(quotePage.FindAll("[data-testid=form-submit] [data-testid=attribution-select]"));
        Assert.Empty(eventPage.FindAll("[data-testid=form-submit] [data-testid=attribution-select]"));
    }

    [Fact]
    public async Task The_assignee_adds_a_source_from_the_page_and_it_is_listed_as_a_safe_link()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var url = $"https://maps.example/{Guid.NewGuid():N}";
        var page = ReviewPage.Render(this, id);

        page.Find("#evidence-url").Change(url);
        page.Find("#evidence-title").Change("Satellite pass <b>12 May</b>");
        page.Find("#evidence-note").Change("Shows the roofs intact.");
        page.FindAll("[data-testid=evidence-stance] input[type=radio]")[1].Click();
        page.Find("[data-testid=add-evidence] form").Submit();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=evidence-item]")));
        var item = page.Find("[data-testid=evidence-item]");
        var link = item.QuerySelector("a")!;
        Assert.Equal(url, link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("Satellite pass <b>12 May</b>", link.TextContent.Trim());
        Assert.Equal("refutes", item.QuerySelector("[data-stance]")!.GetAttribute("data-stance"));
        Assert.Contains("Shows the roofs intact.", item.TextContent);
        Assert.Contains("Added by Budi Checker", item.TextContent);
        Assert.Contains($"Added evidence (refutes): Satellite pass <b>12 May</b> — {url}", ReviewPage.History(page)[0]);
    }

    [Fact]
    public async Task The_assignee_removes_a_source_and_the_history_keeps_it()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var evidenceId = await review.AddEvidenceAsync(id);
        var page = ReviewPage.Render(this, id);
        Assert.Equal(evidenceId.ToString(), page.Find("[data-testid=evidence-item]").GetAttribute("data-evidence-id"));

        page.Find("[data-testid=remove-evidence]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-evidence]")));
        Assert.StartsWith("Removed evidence: Satellite images of the area", page.FindAll("[data-testid=history-entry] div")[1].TextContent.Trim());
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM evidence WHERE claim_id = @id AND removed_at IS NULL", new { id }));
    }

    [Fact]
    public async Task The_page_follows_when_an_editor_approves_the_verdict_elsewhere()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("in_review");
        var page = ReviewPage.Render(this, id);
        Assert.Equal("in_review", ReviewPage.Status(page));
        Assert.Single(page.FindAll("[data-testid=verdict-draft]"));

        await review.ApproveAsync(id, review.Editor2, note: "Convincing images.");

        page.WaitForAssertion(() => Assert.Equal("published", ReviewPage.Status(page)), TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("[data-testid=verdict-draft]"));
        Assert.Contains("Convincing images.", page.Find("[data-testid=verdict-published] [data-testid=vote]").TextContent);
    }

    [Fact]
    public async Task An_open_form_keeps_its_text_when_someone_else_reassigns_the_claim()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var page = ReviewPage.Render(this, id);
        page.Find("[data-testid=action-submit]").Click();
        page.Find("#verdict-id-summary").Input("Half-written summary");

        await review.ActAsync(new ReassignClaim { ClaimId = id, Version = await review.VersionAsync(id), AssigneeId = review.Checker2.UserId!.Value }, review.Editor);

        page.WaitForAssertion(() => Assert.Contains("changed by someone else", page.Find("[data-testid=changed-elsewhere]").TextContent), TimeSpan.FromSeconds(5));
        Assert.Contains("Sari Checker", page.Find("[data-testid=assignee]").TextContent);
        Assert.Equal("Half-written summary", page.Find("#verdict-id-summary").GetAttribute("value"));
        Assert.Contains("Only the claim's assignee", page.Find("[data-testid=action-unavailable]").TextContent);
        Assert.True(page.Find("[data-testid=send-action]").HasAttribute("disabled"));
        Assert.Empty(ReviewPage.Buttons(page));
    }

    [Fact]
    public async Task A_stale_version_is_refused_readably_and_the_page_catches_up()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var page = ReviewPage.Render(this, id);
        // A change the page is not told about, so it still holds the old version when the button is pressed.
        await App.ScalarAsync<long>("UPDATE claims SET version = version + 1 WHERE id = @id RETURNING version", new { id });

        page.Find("[data-testid=action-start]").Click();

        page.WaitForAssertion(() => Assert.Contains("changed since you loaded it", page.Find("[data-testid=action-error]").TextContent));
        Assert.Equal("assigned", await review.StatusAsync(id));
        var current = await review.VersionAsync(id);
        page.WaitForAssertion(() => Assert.Contains($"version {current}", page.Find("[data-testid=review-panel]").TextContent));
        Assert.Equal([ReviewActions.Start], ReviewPage.Buttons(page));
    }
}

[Collection(SharedAppCollection.Name)]
public sealed class ReviewPanelAsEditorTests(SharedApp shared) : PageTest(shared, "editor", Roles.Editor)
{

    [Theory]
    [InlineData("new", new[] { "triage", "reject", "reassign" })]
    [InlineData("triaged", new[] { "reject", "assign", "reassign" })]
    [InlineData("researching", new[] { "reassign" })]
    [InlineData("in_review", new[] { "reassign", "request-changes", "approve" })]
    [InlineData("published", new[] { "correct", "amend" })]
    [InlineData("rejected", new[] { "reopen" })]
    public async Task An_editor_gets_a_button_for_exactly_the_allowed_actions(string state, string[] expected)
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync(state);

        var page = ReviewPage.Render(this, id);

        Assert.Equal(expected, ReviewPage.Buttons(page));
        Assert.Equal(await ReviewPage.AllowedAsync(App, id, review.Editor), ReviewPage.Buttons(page));
    }

    [Fact]
    public async Task The_author_of_a_verdict_is_not_offered_approve_or_request_changes()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        await review.TriageAsync(id);
        await review.AssignAsync(id, review.Editor);
        await review.StartAsync(id, review.Editor);
        await review.AddEvidenceAsync(id, review.Editor);
        await review.SubmitAsync(id, by: review.Editor);

        var page = ReviewPage.Render(this, id);

        Assert.Equal([ReviewActions.Reassign], ReviewPage.Buttons(page));
        Assert.Empty(page.FindAll("[data-testid=action-approve]"));
        Assert.Contains("Draft — in review", page.Find("[data-testid=verdict-draft]").TextContent);
    }

    [Fact]
    public async Task Triage_from_the_page_records_the_priority_and_moves_the_claim_on()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=action-triage]").Click();
        page.FindAll("[data-testid=triage-priority] input[type=radio]")[0].Click();
        page.Find("#triage-comment").Change("Viral on WhatsApp since this morning.");
        ReviewPage.Form(page, "triage").Submit();

        page.WaitForAssertion(() => Assert.Equal("triaged", ReviewPage.Status(page)));
        Assert.Equal("high", await App.ScalarAsync<string>("SELECT priority FROM claims WHERE id = @id", new { id }));
        Assert.Contains("high priority", page.Find("[data-testid=priority]").TextContent);
        Assert.Equal(["reject", "assign", "reassign"], ReviewPage.Buttons(page));
        var triaged = page.FindAll("[data-testid=history-entry]")[0];
        Assert.Contains("Triaged: priority high", triaged.TextContent);
        Assert.Contains("Viral on WhatsApp since this morning.", triaged.QuerySelector("[data-testid=history-note]")!.TextContent);
    }

    [Fact]
    public async Task Rejecting_with_a_quick_pick_shows_the_reason_and_offers_reopen()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=action-reject]").Click();
        Assert.Equal(FactCheck.Web.Features.ClaimDesk.ReviewPanel.RejectReasons, page.FindAll("[data-testid=quick-pick]").Select(c => c.TextContent.Trim()));
        page.FindAll("[data-testid=quick-pick]")[2].Click();
        ReviewPage.Form(page, "reject").Submit();

        page.WaitForAssertion(() => Assert.Equal("rejected", ReviewPage.Status(page)));
        Assert.Contains("Out of scope", page.Find("[data-testid=rejection-reason]").TextContent);
        Assert.Equal([ReviewActions.Reopen], ReviewPage.Buttons(page));
    }

    [Fact]
    public async Task Assigning_without_an_assignee_is_refused_next_to_the_field()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("triaged");
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=action-assign]").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=form-assign] [data-testid=assignee-select]")));
        ReviewPage.Form(page, "assign").Submit();

        page.WaitForAssertion(() => Assert.Contains("Choose the fact-checker to assign.", page.Find("[data-testid=form-assign]").TextContent));
        Assert.Equal("triaged", await review.StatusAsync(id));
    }

    [Fact]
    public async Task A_denial_published_with_the_same_rating_blocks_approval_until_an_override_reason_is_given()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var accusation = await review.ClaimInStateAsync("published");
        var denial = await review.ClaimInStateAsync("in_review");
        await App.SendAsync(new LinkClaims { FromClaimId = denial, ToClaimId = accusation, Relation = "denies" }, review.Editor);
        var page = ReviewPage.Render(this, denial);

        var issue = page.Find("[data-testid=consistency-issue]");
        Assert.Equal("true", issue.GetAttribute("data-blocking"));
        Assert.Contains($"claim #{accusation}", issue.TextContent);
        page.Find("[data-testid=action-approve]").Click();
        Assert.Single(page.FindAll("#approve-override"));
        ReviewPage.Form(page, "approve").Submit();

        page.WaitForAssertion(() => Assert.Contains("Record an override reason", page.Find("[data-testid=form-approve]").TextContent));
        Assert.Equal("in_review", await review.StatusAsync(denial));

        page.Find("#approve-override").Change("Both can be false: the denial misstates the date.");
        ReviewPage.Form(page, "approve").Submit();

        page.WaitForAssertion(() => Assert.Equal("published", ReviewPage.Status(page)));
        Assert.Contains("Both can be false", page.Find("[data-testid=verdict-published] [data-testid=override-reason]").TextContent);
        Assert.Contains("Override reason: Both can be false", page.FindAll("[data-testid=history-entry]")[0].TextContent);
    }

    [Fact]
    public async Task A_disputed_claim_with_the_same_rating_is_a_warning_and_asks_for_no_override()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var published = await review.ClaimInStateAsync("published");
        var disputing = await review.ClaimInStateAsync("in_review");
        await App.SendAsync(new LinkClaims { FromClaimId = disputing, ToClaimId = published, Relation = "disputes" }, review.Editor);
        var page = ReviewPage.Render(this, disputing);

        Assert.Equal("false", page.Find("[data-testid=consistency-issue]").GetAttribute("data-blocking"));
        page.Find("[data-testid=action-approve]").Click();

        Assert.Empty(page.FindAll("#approve-override"));
    }

    [Fact]
    public async Task The_history_shows_the_request_for_changes_and_the_note_of_the_vote()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("in_review");
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=action-request-changes]").Click();
        page.Find("#request-changes-comment").Input("Cite the <i>second</i> provider's images too.");
        ReviewPage.Form(page, "request-changes").Submit();
        page.WaitForAssertion(() => Assert.Equal("researching", ReviewPage.Status(page)));
        Assert.Contains("Cite the <i>second</i> provider's images too.", page.Find("[data-testid=returned-comment]").TextContent);

        await review.SubmitAsync(id);
        page.WaitForAssertion(() => Assert.Equal(["reassign", "request-changes", "approve"], ReviewPage.Buttons(page)), TimeSpan.FromSeconds(5));
        // The live refresh may still be rendering when the button is pressed: wait for the form.
        page.Find("[data-testid=action-approve]").Click();
        page.WaitForElement("#approve-note");
        page.Find("#approve-note").Change("Agree, though the headline is blunt.");
        ReviewPage.Form(page, "approve").Submit();

        page.WaitForAssertion(() => Assert.Equal("published", ReviewPage.Status(page)));
        var entries = page.FindAll("[data-testid=history-entry]");
        Assert.Contains("Approved the verdict (vote 1 of 1); published version 1", entries[0].TextContent);
        Assert.Equal("Note: Agree, though the headline is blunt.", entries[0].QuerySelector("[data-testid=history-note]")!.TextContent.Trim());
        var request = Assert.Single(entries, e => e.GetAttribute("data-action") == nameof(RequestChanges));
        Assert.Equal("Comment: Cite the <i>second</i> provider's images too.", request.QuerySelector("[data-testid=history-note]")!.TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=history] i"));
    }

    [Fact]
    public async Task A_published_verdict_shows_its_rating_in_both_languages_and_renders_markdown_safely()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        await review.ActAsync(
            new SubmitVerdict
            {
                ClaimId = id,
                Version = await review.VersionAsync(id),
                Rating = "mostly-false",
                Summary = "The <b>photos</b> are from 2019.",
                Explanation = "Reverse search finds them **four years earlier**. <script>alert('x')</script> <img src=x onerror=alert(1)>",
            },
            review.Checker);
        await review.ApproveAsync(id);

        var page = ReviewPage.Render(this, id);

        var verdict = page.Find("[data-testid=verdict-published]");
        Assert.Equal("Mostly false · Sebagian besar salah", verdict.QuerySelector("[data-testid=rating-chip]")!.TextContent.Trim());
        Assert.Equal("four years earlier", verdict.QuerySelector("[data-testid=verdict-explanation] strong")!.TextContent);
        Assert.Empty(verdict.QuerySelectorAll("script, img, [data-testid=verdict-summary] b"));
        Assert.Contains("<script>alert('x')</script>", verdict.QuerySelector("[data-testid=verdict-explanation]")!.TextContent);
        Assert.Equal("The <b>photos</b> are from 2019.", verdict.QuerySelector("[data-testid=verdict-summary]")!.TextContent.Trim());
        Assert.Contains("Version 1", verdict.QuerySelector("[data-testid=published-version]")!.TextContent);
        Assert.Single(verdict.QuerySelectorAll("[data-testid=verdict-source]"));
    }

    [Fact]
    public async Task A_correction_keeps_the_verdict_public_and_publishes_a_notice_with_the_old_rating()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=action-correct]").Click();
        page.Find("#correct-reason").Input("A third provider's images show damage.");
        ReviewPage.Form(page, "correct").Submit();

        page.WaitForAssertion(() => Assert.Equal("researching", ReviewPage.Status(page)));
        Assert.Contains("A third provider's images show damage.", page.Find("[data-testid=correction-in-progress]").TextContent);
        Assert.Single(page.FindAll("[data-testid=verdict-published]"));

        await review.SubmitAsync(id, rating: "mixed", changeNote: "Rating raised to mixed after new images.");
        await review.ApproveAsync(id);

        page.WaitForAssertion(() => Assert.Equal("published", ReviewPage.Status(page)), TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("[data-testid=correction-in-progress]"));
        var notice = page.Find("[data-testid=correction-notice]");
        Assert.Contains("A third provider's images show damage.", notice.TextContent);
        Assert.Contains("Rating raised to mixed after new images.", notice.TextContent);
        Assert.Contains("False → Mixed", notice.QuerySelector("[data-testid=correction-ratings]")!.TextContent);
        Assert.Contains("Version 2", page.Find("[data-testid=verdict-published] [data-testid=published-version]").TextContent);
    }

    [Fact]
    public async Task The_submit_form_asks_for_a_change_note_during_a_correction_and_starts_from_a_returned_draft()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        await review.TriageAsync(id);
        await review.AssignAsync(id, review.Editor);
        await review.StartAsync(id, review.Editor);
        await review.AddEvidenceAsync(id, review.Editor);
        await review.SubmitAsync(id, by: review.Editor);
        await review.ApproveAsync(id, review.Editor2);
        await review.ActAsync(new CorrectVerdict { ClaimId = id, Version = await review.VersionAsync(id), Reason = "Wrong date in the summary." }, review.Editor2);
        await review.SubmitAsync(id, by: review.Editor, changeNote: "Date fixed.");
        await review.ActAsync(new RequestChanges { ClaimId = id, Version = await review.VersionAsync(id), Comment = "Say which date." }, review.Editor2);
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=action-submit]").Click();

        Assert.Equal("No sign of the attack in satellite images.", page.Find("#verdict-id-summary").GetAttribute("value"));
        Assert.Equal("Date fixed.", page.Find("#verdict-change-note").GetAttribute("value"));
        Assert.Contains("Say which date.", page.Find("[data-testid=returned-comment]").TextContent);
        Assert.Contains("sent back for changes", page.Find("[data-testid=verdict-draft]").TextContent);
    }

    [Fact]
    public async Task Amending_starts_from_the_published_wording_and_records_the_note()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=action-amend]").Click();
        Assert.Equal("No sign of the attack in satellite images.", page.Find("#amend-id-summary").GetAttribute("value"));
        page.Find("#amend-id-summary").Input("No sign of the attack in the satellite images.");
        page.Find("#amend-note").Change("Grammar.");
        ReviewPage.Form(page, "amend").Submit();

        page.WaitForAssertion(() => Assert.Equal("No sign of the attack in the satellite images.", page.Find("[data-testid=verdict-published] [data-testid=verdict-summary]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=form-amend]"));
        var amended = page.FindAll("[data-testid=history-entry]")[0];
        Assert.Contains("Amended the published verdict's wording", amended.TextContent);
        Assert.Equal("Note: Grammar.", amended.QuerySelector("[data-testid=history-note]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_overdue_claim_is_marked()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var late = await review.ClaimInStateAsync("researching");
        var onTime = await review.ClaimInStateAsync("researching");
        await App.ScalarAsync<long>("UPDATE claims SET due_at = @past WHERE id = @late RETURNING id", new { past = App.Clock.GetUtcNow().AddHours(-2), late });

        var latePage = ReviewPage.Render(this, late);
        var onTimePage = ReviewPage.Render(this, onTime);

        Assert.Contains("overdue", latePage.Find("[data-testid=overdue]").TextContent);
        Assert.Contains("2 h ago", latePage.Find("[data-testid=due]").TextContent);
        Assert.Empty(onTimePage.FindAll("[data-testid=overdue]"));
    }
}
