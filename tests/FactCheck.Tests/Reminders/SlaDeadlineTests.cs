namespace FactCheck.Tests.Reminders;

/// Without an editor's due date, the deadline of research comes from the SLA for the claim's priority.
public sealed class SlaDeadlineTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    [Theory]
    [InlineData("high", 24)]
    [InlineData("normal", 72)]
    [InlineData("low", 7 * 24)]
    public async Task Without_a_due_date_the_deadline_is_the_default_sla_for_the_priority(string priority, int hours)
    {
        var r = await ReminderDriver.CreateAsync(app);
        var start = r.Now;
        var id = await r.AssignedWithoutDueDateAsync(priority);

        var ladder = await r.OpenLadderAsync(id);
        Assert.Equal((start.AddHours(hours), start.AddHours(hours * 0.75)), (ladder.DueAt, ladder.DueSoonAt));

        r.At(start.AddHours(hours).AddSeconds(-1));
        await r.SweepAsync();
        Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, id));
        r.At(start.AddHours(hours));
        await r.SweepAsync();
        Assert.Equal(["due-soon", "overdue"], await r.ToldAsync(r.Review.Checker, id));
    }
}

/// The SLA is configuration: a desk (or a tester) can shorten it to minutes.
public sealed class ConfiguredSlaTests : IDisposable
{
    private readonly TestApp app = new TestApp(settings: new Dictionary<string, string?>
    {
        ["FactCheck:Sla:High"] = "00:10:00",
        ["FactCheck:Sla:Normal"] = "00:30:00",
        ["FactCheck:Sla:Low"] = "02:00:00",
        ["FactCheck:Sla:Review"] = "00:05:00",
    }).Start();

    public void Dispose() => app.Dispose();

    [Theory]
    [InlineData("high", 10)]
    [InlineData("normal", 30)]
    [InlineData("low", 120)]
    public async Task The_configured_sla_for_the_priority_sets_the_deadline(string priority, int minutes)
    {
        var r = await ReminderDriver.CreateAsync(app);
        var start = r.Now;
        var id = await r.AssignedWithoutDueDateAsync(priority);

        Assert.Equal(start.AddMinutes(minutes), (await r.OpenLadderAsync(id)).DueAt);
        r.At(start.AddMinutes(minutes).AddSeconds(-1));
        await r.SweepAsync();
        Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, id));
        r.At(start.AddMinutes(minutes));
        await r.SweepAsync();
        Assert.Equal(["due-soon", "overdue"], await r.ToldAsync(r.Review.Checker, id));
    }

    [Fact]
    public async Task The_configured_review_sla_sets_when_editors_are_told_a_verdict_waits()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var id = await r.Review.ClaimInStateAsync("in_review");
        var submitted = r.Now;

        r.At(submitted.AddMinutes(5).AddSeconds(-1));
        await r.SweepAsync();
        Assert.Empty(await r.ToldAsync(r.Review.Editor, id));
        r.At(submitted.AddMinutes(5));
        await r.SweepAsync();
        Assert.Equal(["waiting-for-review"], await r.ToldAsync(r.Review.Editor, id));
        Assert.Equal(["waiting-for-review"], await r.ToldAsync(r.Review.Editor2, id));
    }
}

/// With FactCheck:Sla:WorkingHours on, deadlines count the newsroom's working hours (09:00–17:00, Monday to
/// Friday, Asia/Jakarta = UTC+7), and so do the due-soon share and the escalation grace.
public sealed class WorkingHoursSlaTests : IDisposable
{
    private readonly TestApp app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:Sla:WorkingHours"] = "true" }).Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Working_hour_deadlines_skip_nights_and_the_weekend_in_Jakarta()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var friday = r.Now.UtcDateTime.Date.AddDays(1);
        while (friday.DayOfWeek != DayOfWeek.Friday)
        {
            friday = friday.AddDays(1);
        }

        DateTimeOffset Utc(int days, int hour) => new(friday.AddDays(days).AddHours(hour), TimeSpan.Zero);

        // Friday 15:00 in Jakarta; 24 working hours = 2 h Friday, 8 h Monday, 8 h Tuesday, 6 h Wednesday.
        r.At(Utc(0, 8));
        var id = await r.AssignedWithoutDueDateAsync("high");
        var ladder = await r.OpenLadderAsync(id);
        Assert.Equal(Utc(5, 8), ladder.DueAt); // Wednesday 15:00 local
        Assert.Equal(Utc(4, 10), ladder.DueSoonAt); // 18 working hours: Tuesday 17:00 local
        Assert.Equal(Utc(6, 4), ladder.EscalateAt); // 4 working hours later: Thursday 11:00 local

        r.At(Utc(1, 8));
        await r.SweepAsync();
        r.At(Utc(4, 10).AddSeconds(-1));
        await r.SweepAsync();
        Assert.Empty(await r.ToldAsync(r.Review.Checker, id));
        r.At(Utc(4, 10));
        await r.SweepAsync();
        Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, id));
        r.At(Utc(5, 8));
        await r.SweepAsync();
        r.At(Utc(6, 4).AddSeconds(-1));
        await r.SweepAsync();
        Assert.Equal(["due-soon", "overdue"], await r.ToldAsync(r.Review.Checker, id));
        Assert.Empty(await r.ToldAsync(r.Review.Editor, id));
        r.At(Utc(6, 4));
        await r.SweepAsync();
        Assert.Equal(["escalation"], await r.ToldAsync(r.Review.Editor, id));

        // Submitted Thursday 12:00 local: 12 working hours for the review end Friday 16:00 local.
        r.At(Utc(6, 5));
        await r.Review.StartAsync(id);
        await r.SubmitAsync(id);
        Assert.Equal(Utc(7, 9), (await r.OpenLadderAsync(id)).DueAt);
    }
}
