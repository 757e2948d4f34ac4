using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

[Collection(SharedAppCollection.Name)]
public sealed class TwoPersonRuleTests(SharedApp shared)
{
    private TestApp App => shared.App;

    /// An editor researches and submits a verdict themselves.
    private static async Task<long> VerdictByEditorAsync(ReviewDriver review)
    {
        var id = await review.NewClaimAsync();
        await review.TriageAsync(id);
        await review.AssignAsync(id, review.Editor);
        await review.StartAsync(id, review.Editor);
        await review.AddEvidenceAsync(id, review.Editor);
        await review.SubmitAsync(id, by: review.Editor);
        return id;
    }

    [Fact]
    public async Task Editor_cannot_approve_or_send_back_their_own_verdict_and_nothing_is_written()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await VerdictByEditorAsync(review);
        var before = await review.SnapshotAsync(id);

        var approve = await Assert.ThrowsAsync<ForbiddenException>(() => review.ApproveAsync(id, review.Editor));
        var sendBack = await Assert.ThrowsAsync<ForbiddenException>(() =>
            review.ActAsync(new RequestChanges { ClaimId = id, Version = before.Version, Comment = "I had second thoughts." }, review.Editor));

        Assert.Contains("Two-person rule", approve.Message, StringComparison.Ordinal);
        Assert.Contains("Two-person rule", sendBack.Message, StringComparison.Ordinal);
        Assert.Equal(before, await review.SnapshotAsync(id));
        var page = await App.QueryAsync(new GetClaim(id), review.Editor);
        Assert.DoesNotContain(ReviewActions.Approve, page.AllowedActions);
        Assert.DoesNotContain(ReviewActions.RequestChanges, page.AllowedActions);
        Assert.Equal(Refusal.Forbidden, page.Review.Decisions.Single(d => d.Action == ReviewActions.Approve).Refusal);
    }

    [Fact]
    public async Task The_author_stays_barred_after_handing_the_claim_to_someone_else()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await VerdictByEditorAsync(review);
        var handedOver = await review.ActAsync(
            new ReassignClaim { ClaimId = id, Version = await review.VersionAsync(id), AssigneeId = review.Checker.UserId!.Value }, review.Editor);
        Assert.Equal("in_review", handedOver.Status);

        await Assert.ThrowsAsync<ForbiddenException>(() => review.ApproveAsync(id, review.Editor));

        Assert.Equal("published", (await review.ApproveAsync(id, review.Editor2)).Status);
    }

    [Fact]
    public async Task Another_editor_can_send_an_editors_verdict_back_for_changes()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await VerdictByEditorAsync(review);

        var sentBack = await review.ActAsync(
            new RequestChanges { ClaimId = id, Version = await review.VersionAsync(id), Comment = "Add the second satellite provider." }, review.Editor2);

        Assert.Equal("researching", sentBack.Status);
        var page = await App.QueryAsync(new GetClaim(id), review.Editor);
        Assert.Equal("returned", page.Review.PendingVerdict?.State);
        Assert.Contains(ReviewActions.Submit, page.AllowedActions);
    }
}
