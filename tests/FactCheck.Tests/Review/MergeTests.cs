using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

[Collection(SharedAppCollection.Name)]
public sealed class MergeTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task A_claim_merged_while_researched_is_back_in_research_with_its_assignee_when_unmerged()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var original = await review.ClaimInStateAsync("triaged");
        var link = await review.LinkAsync(id, original, "same-as");
        Assert.Equal("merged", await review.StatusAsync(id));

        // Out of the workflow, a merged claim is no longer its assignee's to change: an editor undoes the merge.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new UnlinkClaims(id, link), review.Checker));
        await App.SendAsync(new UnlinkClaims(id, link), review.Editor);

        var page = await App.QueryAsync(new GetClaim(id), review.Checker);
        Assert.Equal(("researching", (long?)null, review.Checker.UserId), (page.Status, page.Claim.MergedIntoId, page.Review.Assignee?.Id));
        Assert.Equal([ReviewActions.Submit], page.AllowedActions);
    }

    [Fact]
    public async Task A_merged_claim_offers_no_action_to_anyone_and_takes_no_evidence()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.LinkAsync(id, await review.ClaimInStateAsync("triaged"), "same-as");

        foreach (var person in new[] { review.Editor, review.Editor2, review.Checker, review.Checker2, review.Admin })
        {
            Assert.Empty((await App.QueryAsync(new GetClaim(id), person)).AllowedActions);
        }

        await Assert.ThrowsAsync<ConflictException>(() => review.AddEvidenceAsync(id, review.Editor));
        await Assert.ThrowsAsync<ForbiddenException>(() => review.AddEvidenceAsync(id, review.Checker));
    }

    [Theory]
    [InlineData("new")]
    [InlineData("rejected")]
    public async Task A_claim_readers_have_seen_is_merged_only_into_a_claim_they_can_see_and_a_refusal_writes_nothing(string survivorState)
    {
        var review = await ReviewDriver.CreateAsync(App);
        var seen = await review.ClaimInStateAsync("triaged");
        var hidden = await review.ClaimInStateAsync(survivorState);
        var before = (await review.SnapshotAsync(seen), await review.SnapshotAsync(hidden), await review.LastAuditIdAsync());

        var refused = await Assert.ThrowsAsync<ConflictException>(() => review.LinkAsync(seen, hidden, "same-as"));

        Assert.Contains($"Triage claim #{hidden} first", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await review.SnapshotAsync(seen), await review.SnapshotAsync(hidden), await review.LastAuditIdAsync()));
        Assert.Equal("merged", await StatusAfterMergingAsync(review, await review.NewClaimAsync(), hidden));
    }

    [Fact]
    public async Task A_claim_holding_a_duplicate_readers_have_seen_cannot_be_rejected_until_the_merge_is_undone()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var survivor = await review.ClaimInStateAsync("triaged");
        var duplicate = await review.ClaimInStateAsync("assigned");
        var link = await review.LinkAsync(duplicate, survivor, "same-as");
        var before = await review.SnapshotAsync(survivor);

        var version = await review.VersionAsync(survivor);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => review.ActAsync(
            new RejectClaim { ClaimId = survivor, Version = version, Reason = "Not checkable" }, review.Editor));

        Assert.Contains($"#{duplicate}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await review.SnapshotAsync(survivor));
        await App.SendAsync(new UnlinkClaims(survivor, link), review.Editor);
        Assert.Equal("rejected", (await review.ActAsync(
            new RejectClaim { ClaimId = survivor, Version = await review.VersionAsync(survivor), Reason = "Not checkable" }, review.Editor)).Status);
    }

    /// A claim that was never public (new) may be merged into any claim.
    private static async Task<string> StatusAfterMergingAsync(ReviewDriver review, long duplicate, long into)
    {
        await review.LinkAsync(duplicate, into, "same-as");
        return await review.StatusAsync(duplicate);
    }

    [Fact]
    public async Task A_claim_merged_while_new_is_new_again_when_unmerged()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var link = await review.LinkAsync(id, await review.NewClaimAsync(), "same-as");

        await App.SendAsync(new UnlinkClaims(id, link), review.Editor);

        Assert.Equal("new", await review.StatusAsync(id));
        Assert.Contains(ReviewActions.Triage, (await App.QueryAsync(new GetClaim(id), review.Editor)).AllowedActions);
    }
}
