using FactCheck.Web.Features.Queue;

namespace FactCheck.Tests.Queue;

/// An app of its own, because these tests move the clock and need two approvals per verdict.
public sealed class QueueClockApp : IDisposable
{
    public TestApp App { get; } = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:Review:Approvals"] = "2" }).Start();

    public void Dispose() => App.Dispose();
}

public sealed class QueueClockTests(QueueClockApp fixture) : IClassFixture<QueueClockApp>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_claim_turns_overdue_when_the_clock_passes_its_due_time()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var soon = await desk.ClaimInStateAsync("assigned", desk.Review.Checker, due: desk.InDays(2));
        var later = await desk.ClaimInStateAsync("researching", desk.Review.Checker, due: desk.InDays(10));
        var undated = await desk.ClaimInStateAsync("triaged");
        Assert.Empty(await desk.IdsAsync(desk.Review.Editor, QueueTabs.Overdue));

        App.Clock.Advance(TimeSpan.FromDays(4));

        var overdue = await desk.ListAsync(desk.Review.Editor, QueueTabs.Overdue);
        Assert.Equal([soon], overdue.Items.Select(r => r.Id));
        Assert.True(overdue.Items[0].Overdue);
        Assert.Equal(1, overdue.Counts[QueueTabs.Overdue]);
        var all = (await desk.ListAsync(desk.Review.Editor)).Items.ToDictionary(r => r.Id, r => r.Overdue);
        Assert.Equal(new Dictionary<long, bool> { [soon] = true, [later] = false, [undated] = false }, all);
        Assert.Equal([soon], await desk.IdsAsync(desk.Review.Checker, QueueTabs.Overdue));

        App.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal([soon, later], await desk.IdsAsync(desk.Review.Editor, QueueTabs.Overdue, QueueTabs.DueSort));
    }

    [Fact]
    public async Task An_editors_work_includes_verdicts_waiting_for_their_approval_until_they_approve()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var review = desk.Review;
        var checkersVerdict = await desk.ClaimInStateAsync("in_review", review.Checker);
        var editor2sVerdict = await desk.ClaimInStateAsync("in_review", review.Editor2);

        var editorsWork = (await desk.ListAsync(review.Editor, QueueTabs.Mine)).Items.ToDictionary(r => r.Id, r => r.AwaitsMyApproval);
        Assert.Equal(new Dictionary<long, bool> { [checkersVerdict] = true, [editor2sVerdict] = true }, editorsWork);
        // Editor2 wrote one verdict (theirs to follow as assignee, not to approve) and may approve the other.
        var editor2sWork = (await desk.ListAsync(review.Editor2, QueueTabs.Mine)).Items.ToDictionary(r => r.Id, r => r.AwaitsMyApproval);
        Assert.Equal(new Dictionary<long, bool> { [checkersVerdict] = true, [editor2sVerdict] = false }, editor2sWork);
        // A fact-checker approves nothing: only their own assignment is theirs.
        Assert.False(Assert.Single((await desk.ListAsync(review.Checker, QueueTabs.Mine)).Items).AwaitsMyApproval);
        Assert.Empty(await desk.IdsAsync(review.Checker2, QueueTabs.Mine));

        await review.ApproveAsync(checkersVerdict, review.Editor2);

        Assert.Equal("in_review", await review.StatusAsync(checkersVerdict));
        Assert.Equal([editor2sVerdict], await desk.IdsAsync(review.Editor2, QueueTabs.Mine));
        Assert.Equal([checkersVerdict, editor2sVerdict], (await desk.IdsAsync(review.Editor, QueueTabs.Mine)).Order());
        Assert.Equal(1, (await desk.ListAsync(review.Editor2, QueueTabs.Mine)).Counts[QueueTabs.Mine]);
    }
}
