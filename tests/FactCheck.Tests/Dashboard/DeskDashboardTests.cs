using FactCheck.Tests.Queue;
using FactCheck.Web.Features.Dashboard;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Dashboard;

/// The editor dashboard's numbers on claims whose every step happens at a known time (the test moves the clock).
public sealed class DeskDashboardTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private async Task<DeskDashboard> DeskAsync(QueueDesk desk, string period = "30d", string? by = null) =>
        await app.QueryAsync(new GetDeskDashboard(new DashboardFilter { Period = period, By = by, Topic = desk.Topic }), desk.Review.Editor);

    [Fact]
    public async Task Time_to_verdict_counts_the_hours_spent_in_each_state()
    {
        var desk = await QueueDesk.CreateAsync(app);
        var durations = new List<double>();
        foreach (var hoursResearching in new[] { 10, 20, 30 })
        {
            var id = await desk.NewClaimAsync();
            app.Clock.Advance(TimeSpan.FromHours(2));
            await desk.TriageAsync(id);
            app.Clock.Advance(TimeSpan.FromHours(1));
            await desk.AssignAsync(id, desk.Review.Checker);
            await desk.Review.StartAsync(id);
            app.Clock.Advance(TimeSpan.FromHours(hoursResearching));
            await desk.Review.AddEvidenceAsync(id);
            await desk.Review.SubmitAsync(id, rating: "false");
            app.Clock.Advance(TimeSpan.FromHours(4));
            await desk.Review.ApproveAsync(id, desk.Review.Editor2);
            durations.Add(2 + 1 + hoursResearching + 4);
        }

        var dashboard = await DeskAsync(desk);

        var ttv = dashboard.TimeToVerdict;
        Assert.Equal((3, 27.0, 35.0), (ttv.Overall.Count, ttv.Overall.MedianHours!.Value, Math.Round(ttv.Overall.P90Hours!.Value, 1)));
        var stages = ttv.Stages.ToDictionary(s => s.Stage, s => s.Spread);
        Assert.Equal(2.0, stages["new"].MedianHours);
        Assert.Equal(1.0, stages["triaged"].MedianHours);
        Assert.Equal(0.0, stages["assigned"].MedianHours);
        Assert.Equal(20.0, stages["researching"].MedianHours);
        Assert.Equal(4.0, stages["in_review"].MedianHours);
        Assert.Equal(3, dashboard.Verdicts.Single(v => v.Rating == "false").Count);
        Assert.Equal(durations.Order().ElementAt(1), ttv.Overall.MedianHours);
    }

    [Fact]
    public async Task Deadlines_workload_and_unassigned_ages_follow_the_clock()
    {
        // 01:00 UTC, so the due dates (the end of a day in Jakarta) fall at known distances from now.
        var now = app.Clock.GetUtcNow();
        app.Clock.Advance(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(1) - now);
        var desk = await QueueDesk.CreateAsync(app);
        var late = await desk.ClaimInStateAsync("researching", desk.Review.Checker, due: desk.InDays(1));
        var soon = await desk.ClaimInStateAsync("researching", desk.Review.Checker, due: desk.InDays(3));
        var waiting = await desk.ClaimInStateAsync("triaged");
        // Research started at 01:00: the first is due 40 h later, the second 88 h later (due soon from 66 h);
        // the triaged claim is then just over 3 days old.
        app.Clock.Advance(TimeSpan.FromHours(73));
        var fresh = await desk.NewClaimAsync();

        var dashboard = await DeskAsync(desk);

        Assert.Equal([late], dashboard.Overdue.Items.Select(r => r.ClaimId));
        Assert.Equal(1, dashboard.Overdue.Total);
        Assert.Equal([soon], dashboard.DueSoon.Items.Select(r => r.ClaimId));
        var checker = dashboard.Workload.Single(w => w.UserId == desk.Review.Checker.UserId);
        Assert.Equal((2L, 1L), (checker.Open, checker.Overdue));
        Assert.Equal([1L, 0L, 1L, 0L], dashboard.Unassigned.Buckets.Select(b => b.Count));
        Assert.Equal([waiting, fresh], dashboard.Unassigned.Oldest.Select(c => c.ClaimId));
        Assert.Equal(4, dashboard.States.Where(s => Web.Features.Review.ReviewActions.IsOpen(s.Status)).Sum(s => s.Count));
    }

    [Fact]
    public async Task Throughput_buckets_days_in_the_newsroom_time_zone_and_weeks_from_monday()
    {
        var desk = await QueueDesk.CreateAsync(app);
        var id = await desk.ClaimInStateAsync("in_review", desk.Review.Checker);
        await desk.Review.ApproveAsync(id, desk.Review.Editor2);
        var localDay = Web.Features.Dashboard.DashboardPeriod.LocalDate(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));

        var daily = await DeskAsync(desk, "7d");
        var weekly = await DeskAsync(desk, "90d", by: "week");

        Assert.Equal(localDay, daily.Throughput.Single(p => p.Published == 1).Start);
        Assert.Equal(localDay, daily.Throughput[^1].Start);
        var week = weekly.Throughput.Single(p => p.Published == 1);
        Assert.Equal(DayOfWeek.Monday, week.Start.DayOfWeek);
        Assert.InRange(localDay.DayNumber - week.Start.DayNumber, 0, 6);
        Assert.All(weekly.Throughput, p => Assert.Equal(DayOfWeek.Monday, p.Start.DayOfWeek));
    }

    [Theory]
    [InlineData("Asia/Kolkata", 18, 29, 45)] // UTC+5:30: local midnight is 18:30 UTC, inside the hour
    [InlineData("Asia/Kathmandu", 18, 14, 20)] // UTC+5:45: local midnight is 18:15 UTC
    [InlineData("Asia/Jakarta", 16, 1, 59)] // UTC+7: local midnight is 17:00 UTC, so the whole hour is one day
    public async Task Throughput_puts_verdicts_of_one_utc_hour_on_their_own_local_days_in_zones_off_the_whole_hour(string zone, int hour, int before, int after)
    {
        using var zoned = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:TimeZone"] = zone }).Start();
        var desk = await QueueDesk.CreateAsync(zoned);
        var first = await desk.ClaimInStateAsync("in_review", desk.Review.Checker);
        var second = await desk.ClaimInStateAsync("in_review", desk.Review.Checker);
        var now = zoned.Clock.GetUtcNow();
        var hourStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(hour);
        zoned.Clock.Advance(hourStart.AddMinutes(before) - now);
        await desk.Review.ApproveAsync(first, desk.Review.Editor2);
        zoned.Clock.Advance(TimeSpan.FromMinutes(after - before));
        await desk.Review.ApproveAsync(second, desk.Review.Editor2);
        var local = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var days = new[] { hourStart.AddMinutes(before), hourStart.AddMinutes(after) }.Select(at => DashboardPeriod.LocalDate(at, local)).ToList();

        var dashboard = await zoned.QueryAsync(new GetDeskDashboard(new DashboardFilter { Period = "7d", Topic = desk.Topic }), desk.Review.Editor);

        Assert.Equal(
            days.CountBy(day => day).OrderBy(d => d.Key).Select(d => (d.Key, (long)d.Value)),
            dashboard.Throughput.Where(p => p.Published > 0).Select(p => (p.Start, p.Published)));
        Assert.Equal(zone == "Asia/Jakarta" ? 1 : 2, days.Distinct().Count());

        // Without a filter the counts come from verdict_hours where every hour lies within one local day.
        var whole = await zoned.QueryAsync(new GetDeskDashboard(new DashboardFilter { Period = "7d" }), desk.Review.Editor);
        var everything = (await zoned.RowsAsync<string>("SELECT published_at FROM verdicts WHERE version = 1 AND published_at IS NOT NULL"))
            .Select(at => DashboardPeriod.LocalDate(Web.Infrastructure.Database.DapperTypeHandlers.ParseInstant(at), local))
            .Where(day => day >= whole.Throughput[0].Start)
            .CountBy(day => day).OrderBy(d => d.Key).Select(d => (d.Key, (long)d.Value));
        Assert.Equal(everything, whole.Throughput.Where(p => p.Published > 0).Select(p => (p.Start, p.Published)));
    }

    [Fact]
    public async Task Topic_and_language_filters_narrow_every_count()
    {
        var desk = await QueueDesk.CreateAsync(app);
        await desk.NewClaimAsync(language: "id");
        await desk.NewClaimAsync(language: "en");

        var all = await DeskAsync(desk);
        var english = await app.QueryAsync(new GetDeskDashboard(new DashboardFilter { Topic = desk.Topic, Language = "en" }), desk.Review.Editor);

        Assert.Equal(2, all.States.Single(s => s.Status == "new").Count);
        Assert.Equal(1, english.States.Single(s => s.Status == "new").Count);
        Assert.Equal(1, english.Sides.Sum(s => s.Recorded));
    }

    [Fact]
    public async Task A_change_to_any_claim_makes_the_next_read_fresh_while_reads_without_one_share_a_snapshot()
    {
        var desk = await QueueDesk.CreateAsync(app);
        var first = await DeskAsync(desk);
        var again = await DeskAsync(desk);
        Assert.Same(first, again);

        await desk.NewClaimAsync();
        var after = await DeskAsync(desk);

        Assert.NotSame(first, after);
        Assert.Equal(first.States.Single(s => s.Status == "new").Count + 1, after.States.Single(s => s.Status == "new").Count);
    }

    [Fact]
    public async Task A_move_between_open_states_rereads_only_the_open_claims_while_a_publication_rereads_the_period_too_and_untouched_cards_stay_the_same()
    {
        var desk = await QueueDesk.CreateAsync(app);
        var inReview = await desk.ClaimInStateAsync("in_review", desk.Review.Checker);
        var fresh = await desk.NewClaimAsync();
        var before = await DeskAsync(desk);

        await desk.TriageAsync(fresh);
        var triaged = await DeskAsync(desk);
        await desk.Review.ApproveAsync(inReview, desk.Review.Editor2);
        var published = await DeskAsync(desk);

        Assert.NotSame(before.Current, triaged.Current);
        Assert.Same(before.History, triaged.History);
        Assert.Equal(before.States.Single(s => s.Status == "triaged").Count + 1, triaged.States.Single(s => s.Status == "triaged").Count);
        Assert.NotSame(triaged.History, published.History);
        Assert.Equal(triaged.Throughput.Sum(p => p.Published) + 1, published.Throughput.Sum(p => p.Published));
        Assert.Equal(triaged.Sides.Sum(s => s.Checked) + 1, published.Sides.Sum(s => s.Checked));

        // Each card whose numbers a change leaves alone keeps the very same object, so open pages skip redrawing it:
        // triage moves one claim between open states, and a publication leaves the overdue list as it was (it takes the
        // verdict, due for review within 12 hours, off the due-within-a-day list).
        Assert.NotSame(before.Current.OpenStates, triaged.Current.OpenStates);
        Assert.Same(before.Current.Workload, triaged.Current.Workload);
        Assert.Same(before.Current.Overdue, triaged.Current.Overdue);
        Assert.Same(before.Current.DueSoon, triaged.Current.DueSoon);
        Assert.NotSame(triaged.History.Verdicts, published.History.Verdicts);
        Assert.Same(triaged.Current.Overdue, published.Current.Overdue);
        Assert.Equal(triaged.Current.DueSoon.Total - 1, published.Current.DueSoon.Total);
    }

    [Fact]
    public async Task Setting_a_claimants_side_moves_their_claims_in_the_balance_at_once()
    {
        var desk = await QueueDesk.CreateAsync(app);
        var id = await desk.NewClaimAsync();
        var before = await DeskAsync(desk);
        Assert.Equal(DeskHistory.NoSide, Assert.Single(before.Sides).Name);
        var claimant = await app.ScalarAsync<long>("SELECT claimant_id FROM claims WHERE id = @id", new { id });
        var version = await app.ScalarAsync<long>("SELECT version FROM claimants WHERE id = @claimant", new { claimant });

        await app.SendAsync(new Web.Features.Claims.SetClaimantSide(claimant, "Azerbaijan", version), desk.Review.Editor);
        var after = await DeskAsync(desk);

        Assert.Equal("Azerbaijan", Assert.Single(after.Sides).Name);
    }

    [Fact]
    public async Task Snapshots_expire_as_the_clock_moves_deadlines()
    {
        var desk = await QueueDesk.CreateAsync(app);
        await desk.ClaimInStateAsync("researching", desk.Review.Checker, due: desk.InDays(1));
        var before = await DeskAsync(desk);
        Assert.Equal(0, before.Overdue.Total);

        app.Clock.Advance(TimeSpan.FromDays(2));
        var later = await DeskAsync(desk);

        Assert.Equal(1, later.Overdue.Total);
    }

    [Fact]
    public async Task Fact_checkers_cannot_read_the_editor_dashboard()
    {
        var checker = await app.ActorAsync("checker");

        await Assert.ThrowsAsync<ForbiddenException>(async () => await app.QueryAsync(new GetDeskDashboard(new DashboardFilter()), checker));
    }

    [Theory]
    [InlineData("2d", null, "Period")]
    [InlineData("30d", "month", "By")]
    public async Task An_unknown_period_or_bucket_is_refused_naming_the_field(string period, string? by, string field)
    {
        var editor = await app.ActorAsync("editor");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await app.QueryAsync(new GetDeskDashboard(new DashboardFilter { Period = period, By = by }), editor));

        Assert.Contains(field, error.Errors.Keys);
    }
}
