using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

[Collection(SharedAppCollection.Name)]
public sealed class StaleVersionTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task A_stale_version_gets_the_claims_current_state_and_what_the_caller_may_do_now()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("triaged");
        var before = await review.SnapshotAsync(id);

        var conflict = await Assert.ThrowsAsync<ConflictException>(() =>
            review.ActAsync(new AssignClaim { ClaimId = id, Version = before.Version - 1, AssigneeId = review.Checker.UserId!.Value, DueDate = review.Tomorrow }, review.Editor2));

        var current = Assert.IsType<CurrentClaimState>(conflict.Current);
        Assert.Equal((id, "triaged", before.Version), (current.Id, current.Status, current.Version));
        Assert.Equal([ReviewActions.Reject, ReviewActions.Assign, ReviewActions.Reassign], current.AllowedActions);
        Assert.Contains($"version {before.Version - 1}", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Fact]
    public async Task The_allowed_actions_in_a_conflict_are_the_callers_own()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var stale = await review.VersionAsync(id) - 1;

        var assignee = await Assert.ThrowsAsync<ConflictException>(() => review.ActAsync(new StartResearch { ClaimId = id, Version = stale }, review.Checker));
        var other = await Assert.ThrowsAsync<ConflictException>(() => review.ActAsync(new StartResearch { ClaimId = id, Version = stale }, review.Checker2));

        Assert.Equal([ReviewActions.Start], Assert.IsType<CurrentClaimState>(assignee.Current).AllowedActions);
        Assert.Empty(Assert.IsType<CurrentClaimState>(other.Current).AllowedActions);
    }

    [Fact]
    public async Task A_version_from_the_future_is_refused_as_well()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var before = await review.SnapshotAsync(id);

        await Assert.ThrowsAsync<ConflictException>(() =>
            review.ActAsync(new TriageClaim { ClaimId = id, Version = before.Version + 1, Priority = "low" }, review.Editor));

        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Fact]
    public async Task Two_editors_triaging_at_once_one_wins_and_the_other_gets_a_conflict()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var version = await review.VersionAsync(id);
        var lastAudit = await review.LastAuditIdAsync();

        var outcomes = await Task.WhenAll(
            Task.Run(() => Record.ExceptionAsync(() => review.ActAsync(new TriageClaim { ClaimId = id, Version = version, Priority = "high" }, review.Editor))),
            Task.Run(() => Record.ExceptionAsync(() => review.ActAsync(new TriageClaim { ClaimId = id, Version = version, Priority = "low" }, review.Editor2))));

        Assert.Single(outcomes, o => o is null);
        var loser = Assert.IsType<ConflictException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(("triaged", version + 1), (Assert.IsType<CurrentClaimState>(loser.Current).Status, Assert.IsType<CurrentClaimState>(loser.Current).Version));
        Assert.Equal(version + 1, await review.VersionAsync(id));
        Assert.Single(await review.AuditAfterAsync(id, lastAudit));
    }
}
