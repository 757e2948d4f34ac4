using FactCheck.Tests.Review;
using FactCheck.Web.Features.Following;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Features.Tips;
using FactCheck.Web.Infrastructure.Pipeline;
using static FactCheck.Tests.Notifications.WorkNotificationDriver;

namespace FactCheck.Tests.Notifications;

/// Who is told of what when work lands on them, through the real pipeline on the demo desk.
[Collection(SharedAppCollection.Name)]
public sealed class WorkNotificationTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task Assigning_a_claim_tells_the_assignee_once_and_never_the_editor_who_assigned_it()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var id = await r.ClaimInStateAsync("triaged");
        var (_, _, fresh) = await App.NewUserAsync(Roles.FactChecker);

        await r.ActAsync(new AssignClaim { ClaimId = id, Version = await r.VersionAsync(id), AssigneeId = fresh.UserId!.Value, Comment = "Start with the ministry." }, r.Editor);

        var told = Assert.Single(await ToldAsync(App, fresh, id));
        Assert.Equal(NotificationKinds.Assigned, told.Kind);
        Assert.Equal("Assigned to you: A claim under review", told.Title);
        Assert.Contains("Start with the ministry.", told.Body);
        Assert.Empty(await KindsAsync(App, r.Editor, id));
        Assert.True((await App.QueryAsync(new GetFollowState(id), fresh)).Following);
    }

    [Fact]
    public async Task Reassigning_tells_the_new_assignee_and_the_one_who_had_it()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var id = await r.ClaimInStateAsync("researching");
        var (_, _, next) = await App.NewUserAsync(Roles.FactChecker);
        var before = await KindsAsync(App, r.Checker, id);

        await r.ActAsync(new ReassignClaim { ClaimId = id, Version = await r.VersionAsync(id), AssigneeId = next.UserId!.Value }, r.Editor);

        Assert.Equal([NotificationKinds.Assigned], await KindsAsync(App, next, id));
        var checkerTold = (await ToldAsync(App, r.Checker, id)).Skip(before.Count).ToList();
        Assert.Equal(NotificationKinds.ClaimChanged, Assert.Single(checkerTold).Kind);
        Assert.Contains("reassigned", checkerTold[0].Title);
    }

    [Fact]
    public async Task Changes_requested_reach_the_verdict_author_with_the_editors_comment()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var id = await r.ClaimInStateAsync("in_review");
        var editorHeard = (await KindsAsync(App, r.Editor2, id)).Count;

        await r.ActAsync(new RequestChanges { ClaimId = id, Version = await r.VersionAsync(id), Comment = "Find a second source." }, r.Editor2);

        var told = (await ToldAsync(App, r.Checker, id)).Last();
        Assert.Equal(NotificationKinds.ChangesRequested, told.Kind);
        Assert.Contains("Find a second source.", told.Body);
        Assert.Equal(editorHeard, (await KindsAsync(App, r.Editor2, id)).Count);
    }

    [Fact]
    public async Task A_submitted_verdict_waits_for_every_editors_approval_and_its_author_hears_of_approval_and_publication()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var id = await r.ClaimInStateAsync("in_review");

        Assert.Contains(NotificationKinds.ReviewRequested, await KindsAsync(App, r.Editor, id));
        Assert.Equal(1, (await KindsAsync(App, r.Editor2, id)).Count(k => k == NotificationKinds.ReviewRequested));
        Assert.DoesNotContain(NotificationKinds.ReviewRequested, await KindsAsync(App, r.Checker, id));

        var first = await r.ApproveAsync(id, r.Editor2);
        if (first.Status == "in_review")
        {
            Assert.Equal(NotificationKinds.VerdictApproved, (await KindsAsync(App, r.Checker, id)).Last());
            await r.ApproveAsync(id, r.Editor);
        }

        Assert.Equal(NotificationKinds.VerdictPublished, (await KindsAsync(App, r.Checker, id)).Last());
        Assert.Equal(1, (await KindsAsync(App, r.Checker, id)).Count(k => k == NotificationKinds.VerdictPublished));
    }

    [Fact]
    public async Task Followers_hear_of_state_changes_but_nobody_hears_of_their_own_action()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var id = await r.NewClaimAsync();
        var (_, _, follower) = await App.NewUserAsync(Roles.FactChecker);
        var (_, _, editor) = await App.NewUserAsync(Roles.Editor);
        await App.SendAsync(new FollowClaim(id, true), follower);
        await App.SendAsync(new FollowClaim(id, true), editor);

        await r.ActAsync(new TriageClaim { ClaimId = id, Version = await r.VersionAsync(id), Priority = "high" }, editor);

        var told = Assert.Single(await ToldAsync(App, follower, id));
        Assert.Equal(NotificationKinds.ClaimChanged, told.Kind);
        Assert.Contains("now triaged", told.Title);
        Assert.Equal([NotificationKinds.ClaimChanged], await KindsAsync(App, r.Checker, id)); // recorded it: follows without asking
        Assert.Empty(await KindsAsync(App, editor, id));
    }

    [Fact]
    public async Task Whoever_stops_following_is_no_longer_told_until_assigned_the_claim()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var id = await r.NewClaimAsync();
        Assert.Equal("recorded", (await App.QueryAsync(new GetFollowState(id), r.Checker)).Reason);
        await App.SendAsync(new FollowClaim(id, false), r.Checker);

        await r.TriageAsync(id);
        Assert.Empty(await KindsAsync(App, r.Checker, id));

        await r.AssignAsync(id);
        Assert.Equal([NotificationKinds.Assigned], await KindsAsync(App, r.Checker, id));
        Assert.True((await App.QueryAsync(new GetFollowState(id), r.Checker)).Following);
    }

    [Fact]
    public async Task A_reader_tip_tells_each_editor_and_no_fact_checker()
    {
        var (_, _, editor) = await App.NewUserAsync(Roles.Editor);
        var (_, _, checker) = await App.NewUserAsync(Roles.FactChecker);

        var tip = await App.SendAsync(new SubmitTip { Text = "Video claims the bridge at Kupang collapsed yesterday" }, Actor.Anonymous);

        var told = Assert.Single(await ToldAsync(App, editor));
        Assert.Equal((NotificationKinds.Tip, $"tip:{tip.Id}"), (told.Kind, told.EventKey));
        Assert.Contains("bridge at Kupang", told.Title);
        Assert.Empty(await ToldAsync(App, checker));
    }

    [Fact]
    public async Task A_kind_switched_off_is_not_written_and_other_kinds_still_are()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var (_, _, checker) = await App.NewUserAsync(Roles.FactChecker);
        await SetDeliveryAsync(App, checker, NotificationKinds.Assigned, NotificationKinds.Off);
        var id = await r.ClaimInStateAsync("triaged");

        await r.AssignAsync(id, checker);
        Assert.Empty(await KindsAsync(App, checker, id));

        await r.ActAsync(new StartResearch { ClaimId = id, Version = await r.VersionAsync(id) }, checker);
        await r.ActAsync(new ReassignClaim { ClaimId = id, Version = await r.VersionAsync(id), AssigneeId = r.Checker2.UserId!.Value }, r.Editor);
        Assert.Equal([NotificationKinds.ClaimChanged], await KindsAsync(App, checker, id));
        var settings = await App.QueryAsync(new GetNotificationSettings(), checker);
        Assert.Equal(NotificationKinds.Off, settings.Single(s => s.Kind == NotificationKinds.Assigned).Delivery);
        Assert.Equal(NotificationKinds.App, settings.Single(s => s.Kind == NotificationKinds.Mention).Delivery);
    }

    [Fact]
    public async Task An_unknown_kind_or_delivery_is_refused_naming_the_field()
    {
        var (_, _, me) = await App.NewUserAsync(Roles.FactChecker);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => SetDeliveryAsync(App, me, "gossip", "carrier-pigeon"));

        Assert.Equal(["Delivery", "Kind"], error.Errors.Keys.Order());
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM notification_settings WHERE user_id = @UserId", new { me.UserId }));
    }

    [Fact]
    public async Task A_refused_action_tells_nobody()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var id = await r.ClaimInStateAsync("triaged");
        var stale = await r.VersionAsync(id);
        await r.AssignAsync(id);
        var before = await App.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE claim_id = @id", new { id });

        await Assert.ThrowsAsync<ConflictException>(() => r.ActAsync(
            new ReassignClaim { ClaimId = id, Version = stale, AssigneeId = r.Checker2.UserId!.Value }, r.Editor));

        Assert.Equal(before, await App.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE claim_id = @id", new { id }));
    }
}
