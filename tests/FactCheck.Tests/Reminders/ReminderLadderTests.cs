namespace FactCheck.Tests.Reminders;

/// The reminder ladder driven by the test clock through the real sweep and database, with a desk that wants
/// "due soon" at half time, escalation an hour after the deadline and reviews within two hours.
public sealed class ReminderLadderTests : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly TestApp app = new TestApp(settings: new Dictionary<string, string?>
    {
        ["FactCheck:Reminders:DueSoonShare"] = "0.5",
        ["FactCheck:Reminders:EscalationGrace"] = "01:00:00",
        ["FactCheck:Sla:Review"] = "02:00:00",
    }).Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Each_step_fires_once_at_its_time_and_not_a_second_before()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var start = r.Now;
        var id = await r.ResearchingAsync(TimeSpan.FromHours(10), by: r.Review.Editor2);

        var ladder = await r.OpenLadderAsync(id);
        Assert.Equal(("verdict", r.Review.Checker.UserId, r.Review.Editor2.UserId), (ladder.Stage, ladder.ActorId, ladder.EscalateTo));
        Assert.Equal(start.AddHours(5), ladder.DueSoonAt);
        Assert.Equal(start.AddHours(10), ladder.DueAt);
        Assert.Equal(start.AddHours(11), ladder.EscalateAt);

        r.At(start.AddHours(5) - Second);
        await r.SweepAsync();
        Assert.Empty(await r.ToldAsync(r.Review.Checker, id));

        r.At(start.AddHours(5));
        await r.SweepAsync();
        await r.SweepAsync();
        Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, id));

        r.At(start.AddHours(10) - Second);
        await r.SweepAsync();
        Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, id));

        r.At(start.AddHours(10));
        await r.SweepAsync();
        await r.SweepAsync();
        Assert.Equal(["due-soon", "overdue"], await r.ToldAsync(r.Review.Checker, id));

        r.At(start.AddHours(11) - Second);
        await r.SweepAsync();
        Assert.Empty(await r.ToldAsync(r.Review.Editor2, id));

        r.At(start.AddHours(11));
        await r.SweepAsync();
        await r.SweepAsync();
        Assert.Equal(["escalation"], await r.ToldAsync(r.Review.Editor2, id));

        r.At(start.AddDays(30));
        await r.SweepAsync();
        Assert.Equal(["due-soon", "overdue"], await r.ToldAsync(r.Review.Checker, id));
        Assert.Equal(["escalation"], await r.ToldAsync(r.Review.Editor2, id));
        Assert.Empty(await r.ToldAsync(r.Review.Editor, id));
        var checker = r.Review.Checker.UserId!.Value;
        Assert.Equal(
            [
                new ReminderRow(ladder.Id, "due-soon", checker, "sent"),
                new ReminderRow(ladder.Id, "overdue", checker, "sent"),
                new ReminderRow(ladder.Id, "escalation", r.Review.Editor2.UserId!.Value, "sent"),
            ],
            await r.RemindersAsync(id));
        Assert.Equal(3, await r.SentAuditsAsync(id));
    }

    [Fact]
    public async Task Escalation_goes_to_the_editor_who_assigned_the_claim()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var start = r.Now;
        var byEditor = await r.ResearchingAsync(TimeSpan.FromHours(1), by: r.Review.Editor);
        var byEditor2 = await r.ResearchingAsync(TimeSpan.FromHours(1), by: r.Review.Editor2);

        r.At(start.AddHours(2));
        await r.SweepAsync();

        Assert.Equal(["escalation"], await r.ToldAsync(r.Review.Editor, byEditor));
        Assert.Empty(await r.ToldAsync(r.Review.Editor2, byEditor));
        Assert.Equal(["escalation"], await r.ToldAsync(r.Review.Editor2, byEditor2));
        Assert.Empty(await r.ToldAsync(r.Review.Editor, byEditor2));
        Assert.Empty(await r.ToldAsync(r.Review.Checker2, byEditor));
    }

    [Fact]
    public async Task Waiting_for_review_goes_to_every_editor_but_the_verdicts_author_after_the_review_sla()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var (_, _, thirdEditor) = await app.NewUserAsync("editor");
        // Editor2 checks this claim herself, so she is the verdict's author and may not review it.
        var id = await r.ResearchingAsync(TimeSpan.FromHours(10), to: r.Review.Editor2, by: r.Review.Editor);
        r.At(r.Now.AddHours(1));
        await r.SubmitAsync(id, by: r.Review.Editor2);
        var submitted = r.Now;

        var ladder = await r.OpenLadderAsync(id);
        Assert.Equal<(string, long?, long?)>(("review", null, null), (ladder.Stage, ladder.ActorId, ladder.EscalateTo));
        Assert.Equal(submitted.AddHours(2), ladder.DueAt);

        r.At(submitted.AddHours(2) - Second);
        await r.SweepAsync();
        Assert.Empty(await r.ToldAsync(r.Review.Editor, id));

        r.At(submitted.AddHours(2));
        await r.SweepAsync();
        await r.SweepAsync();
        r.At(submitted.AddDays(3));
        await r.SweepAsync();

        Assert.Equal(["waiting-for-review"], await r.ToldAsync(r.Review.Editor, id));
        Assert.Equal(["waiting-for-review"], await r.ToldAsync(thirdEditor, id));
        Assert.Empty(await r.ToldAsync(r.Review.Editor2, id));
        Assert.Empty(await r.ToldAsync(r.Review.Checker, id));
        Assert.Empty(await r.ToldAsync(r.Review.Admin, id));
    }

    [Fact]
    public async Task A_late_sweep_sends_overdue_and_records_due_soon_as_skipped()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var start = r.Now;
        var id = await r.ResearchingAsync(TimeSpan.FromHours(10));
        var ladder = await r.OpenLadderAsync(id);
        var checker = r.Review.Checker.UserId!.Value;

        // Down from before "due soon" until after the deadline, back before the escalation.
        r.At(start.AddHours(10).AddMinutes(30));
        await r.SweepAsync();
        await r.SweepAsync();

        Assert.Equal(["overdue"], await r.ToldAsync(r.Review.Checker, id));
        Assert.Equal([new ReminderRow(ladder.Id, "due-soon", checker, "skipped"), new ReminderRow(ladder.Id, "overdue", checker, "sent")], await r.RemindersAsync(id));
        Assert.Equal(1, await r.SentAuditsAsync(id));

        r.At(start.AddHours(11));
        await r.SweepAsync();
        Assert.Equal(["overdue"], await r.ToldAsync(r.Review.Checker, id));
        Assert.Equal(["escalation"], await r.ToldAsync(r.Review.Editor, id));
    }

    [Fact]
    public async Task After_days_down_one_sweep_sends_overdue_and_escalation_but_not_due_soon()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var id = await r.ResearchingAsync(TimeSpan.FromHours(10));

        r.At(r.Now.AddDays(4));
        await r.SweepAsync();
        await r.SweepAsync();

        Assert.Equal(["overdue"], await r.ToldAsync(r.Review.Checker, id));
        Assert.Equal(["escalation"], await r.ToldAsync(r.Review.Editor, id));
        Assert.Equal(
            [("due-soon", "skipped"), ("overdue", "sent"), ("escalation", "sent")],
            (await r.RemindersAsync(id)).Select(x => (x.Step, x.Outcome)));
    }
}
