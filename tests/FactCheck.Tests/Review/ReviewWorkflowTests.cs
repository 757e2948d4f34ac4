using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

[Collection(SharedAppCollection.Name)]
public sealed class ReviewWorkflowTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task A_claim_goes_from_new_to_published_and_every_step_is_audited()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();

        Assert.Equal("triaged", (await review.TriageAsync(id)).Status);
        Assert.Equal("assigned", (await review.AssignAsync(id)).Status);
        Assert.Equal("researching", (await review.StartAsync(id)).Status);
        var evidenceId = await review.AddEvidenceAsync(id);
        Assert.Equal("in_review", (await review.SubmitAsync(id)).Status);
        var published = await review.ApproveAsync(id, note: "Agree; the images are convincing.");

        Assert.Equal("published", published.Status);
        var detail = await App.QueryAsync(new GetClaim(id), review.Editor);
        var verdict = Assert.IsType<VerdictView>(detail.Verdict);
        Assert.Equal((1, "false", "Salah", 1), (verdict.Version!.Value, verdict.Rating, verdict.RatingLabelId, verdict.RatingValue!.Value));
        Assert.Equal([evidenceId], verdict.EvidenceIds);
        Assert.Equal("Agree; the images are convincing.", Assert.Single(verdict.Votes).Note);
        Assert.Contains("<strong>two providers</strong>", Assert.Single(verdict.Texts).ExplanationHtml, StringComparison.Ordinal);
        Assert.Equal(
            ["TriageClaim", "AssignClaim", "StartResearch", "AddEvidence", "SubmitVerdict", "ApproveVerdict"],
            (await App.RowsAsync<string>("SELECT action FROM audit_log WHERE entity = 'claim' AND entity_id = CAST(@id AS TEXT) AND action <> 'SubmitClaim' ORDER BY id", new { id })).ToArray());
        Assert.Contains(ReviewActions.Correct, (await App.QueryAsync(new GetClaim(id), review.Editor)).AllowedActions);
    }

    [Fact]
    public async Task A_draft_sent_back_and_resubmitted_is_no_longer_pending_once_the_verdict_is_published()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("in_review");
        await review.ActAsync(new RequestChanges { ClaimId = id, Version = await review.VersionAsync(id), Comment = "Name the second source." }, review.Editor2);
        await review.SubmitAsync(id, "mostly-false");
        Assert.Equal("in_review", (await App.QueryAsync(new GetClaim(id), review.Editor)).Review.PendingVerdict?.State);

        await review.ApproveAsync(id, review.Editor2);

        var detail = await App.QueryAsync(new GetClaim(id), review.Editor);
        Assert.Equal("published", detail.Status);
        Assert.Null(detail.Review.PendingVerdict);
        Assert.Equal("mostly-false", detail.Verdict?.Rating);
    }

    [Fact]
    public async Task The_author_of_a_verdict_cannot_approve_it_even_as_an_editor()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        await review.TriageAsync(id);
        await review.AssignAsync(id, review.Editor);
        await review.StartAsync(id, review.Editor);
        await review.AddEvidenceAsync(id, review.Editor);
        await review.SubmitAsync(id, by: review.Editor);
        var version = await review.VersionAsync(id);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => review.ApproveAsync(id, review.Editor));

        Assert.Contains("Two-person rule", refused.Message, StringComparison.Ordinal);
        Assert.Equal(version, await review.VersionAsync(id));
        Assert.Equal("published", (await review.ApproveAsync(id, review.Editor2)).Status);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_the_current_state_and_nothing_changes()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        await review.TriageAsync(id);

        var conflict = await Assert.ThrowsAsync<ConflictException>(() =>
            review.ActAsync(new RejectClaim { ClaimId = id, Version = 1, Reason = "Opinion" }, review.Editor2));

        var current = Assert.IsType<CurrentClaimState>(conflict.Current);
        Assert.Equal(("triaged", 2L), (current.Status, current.Version));
        Assert.Equal("triaged", await review.StatusAsync(id));
    }
}
