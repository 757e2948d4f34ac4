using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Features.Queue;

namespace FactCheck.Tests.Queue;

/// The queue's due-soon and overdue marks follow the running stage deadline (the open ladder), with the claim's due date
/// for claims with no running stage. An app of its own: these tests move the clock.
public sealed class QueueDeadlineTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private Task<DateTimeOffset> LadderDueAsync(long claimId) =>
        app.ScalarAsync<DateTimeOffset>("SELECT due_at FROM ladders WHERE claim_id = @claimId AND ended_at IS NULL", new { claimId });

    private static async Task<QueueRow> RowAsync(QueueDesk desk, long id) =>
        (await desk.ListAsync(desk.Review.Editor)).Items.Single(r => r.Id == id);

    [Fact]
    public async Task A_claim_is_due_soon_from_three_quarters_of_its_time_then_overdue()
    {
        var desk = await QueueDesk.CreateAsync(app);
        var id = await desk.ClaimInStateAsync("researching", desk.Review.Checker, due: desk.InDays(4));
        var start = app.Clock.GetUtcNow();
        var due = await LadderDueAsync(id);

        var row = await RowAsync(desk, id);
        Assert.Equal((due, "verdict", false, false), (row.StageDueAt, row.Stage, row.DueSoon, row.Overdue));

        app.Clock.SetUtcNow(start + ((due - start) * 0.76));
        row = await RowAsync(desk, id);
        Assert.Equal((true, false), (row.DueSoon, row.Overdue));
        Assert.Empty(await desk.IdsAsync(desk.Review.Editor, QueueTabs.Overdue));

        app.Clock.SetUtcNow(due.AddMinutes(1));
        row = await RowAsync(desk, id);
        Assert.Equal((false, true), (row.DueSoon, row.Overdue));
        Assert.Equal([id], await desk.IdsAsync(desk.Review.Editor, QueueTabs.Overdue));
    }

    [Fact]
    public async Task A_verdict_waiting_too_long_for_review_is_overdue_though_the_claims_due_date_is_far_off()
    {
        var desk = await QueueDesk.CreateAsync(app);
        var waiting = await desk.ClaimInStateAsync("in_review", desk.Review.Checker, due: desk.InDays(10));
        var researching = await desk.ClaimInStateAsync("researching", desk.Review.Checker, due: desk.InDays(10));
        var reviewDue = await LadderDueAsync(waiting);
        Assert.Equal(app.Clock.GetUtcNow().AddHours(12), reviewDue);

        app.Clock.Advance(TimeSpan.FromHours(10));
        var row = await RowAsync(desk, waiting);
        Assert.Equal((reviewDue, "review", true, false), (row.StageDueAt, row.Stage, row.DueSoon, row.Overdue));

        app.Clock.Advance(TimeSpan.FromHours(3));
        var overdue = await desk.ListAsync(desk.Review.Editor, QueueTabs.Overdue);
        Assert.Equal([waiting], overdue.Items.Select(r => r.Id));
        Assert.Equal(1, overdue.Counts[QueueTabs.Overdue]);
        Assert.True(overdue.Items[0].Overdue);
        Assert.False((await RowAsync(desk, researching)).Overdue);
    }

    [Fact]
    public async Task Extending_an_overdue_deadline_takes_the_claim_off_the_overdue_tab()
    {
        var desk = await QueueDesk.CreateAsync(app);
        var id = await desk.ClaimInStateAsync("assigned", desk.Review.Checker, due: desk.InDays(1));
        app.Clock.SetUtcNow((await LadderDueAsync(id)).AddHours(1));
        Assert.Equal([id], await desk.IdsAsync(desk.Review.Editor, QueueTabs.Overdue));

        var newDue = app.Clock.GetUtcNow().AddDays(2);
        await app.SendAsync(new ExtendDeadline { ClaimId = id, Version = await desk.Review.VersionAsync(id), DueAt = newDue }, desk.Review.Editor);

        Assert.Empty(await desk.IdsAsync(desk.Review.Editor, QueueTabs.Overdue));
        var row = await RowAsync(desk, id);
        Assert.Equal((newDue, false, false), (row.StageDueAt, row.DueSoon, row.Overdue));
    }

    [Fact]
    public async Task A_triaged_claim_with_no_running_stage_is_judged_by_its_due_date()
    {
        var desk = await QueueDesk.CreateAsync(app);
        var id = await desk.NewClaimAsync();
        await desk.TriageAsync(id, due: desk.InDays(3));
        var due = await app.ScalarAsync<DateTimeOffset>("SELECT due_at FROM claims WHERE id = @id", new { id });

        var row = await RowAsync(desk, id);
        Assert.Equal((due, null, false, false), (row.StageDueAt, row.Stage, row.DueSoon, row.Overdue));

        app.Clock.SetUtcNow(due.AddHours(-20));
        Assert.True((await RowAsync(desk, id)).DueSoon);

        app.Clock.SetUtcNow(due.AddMinutes(1));
        Assert.Equal([id], await desk.IdsAsync(desk.Review.Editor, QueueTabs.Overdue));
    }
}
