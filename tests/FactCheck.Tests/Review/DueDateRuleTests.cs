using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Web.Components;
using FactCheck.Web.Features.Dashboard;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactCheck.Tests.Review;

/// One rule for an empty due field on assign and reassign; due dates read in the newsroom's zone; the dashboards'
/// "due within a day" is the next 24 hours.
[Collection(SharedAppCollection.Name)]
public sealed class DueDateRuleTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private FactCheckOptions Options => App.Services.GetRequiredService<IOptions<FactCheckOptions>>().Value;

    private Task<DateTimeOffset?> DueAsync(long id) => App.ScalarAsync<DateTimeOffset?>("SELECT due_at FROM claims WHERE id = @id", new { id });

    [Fact]
    public async Task Assigning_with_an_empty_due_field_keeps_the_due_date_set_at_triage()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var day = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(3);
        await review.ActAsync(new TriageClaim { ClaimId = id, Version = await review.VersionAsync(id), Priority = "high", DueDate = day }, review.Editor);
        var triaged = await DueAsync(id);

        await review.ActAsync(new AssignClaim { ClaimId = id, Version = await review.VersionAsync(id), AssigneeId = review.Checker.UserId!.Value }, review.Editor);

        Assert.Equal(NewsroomTime.Of(Options).EndOf(day), triaged);
        Assert.Equal(triaged, await DueAsync(id));
        // The reminder ladder runs to that date too, not to the 24 hours a high priority would give.
        Assert.Equal(triaged, await App.ScalarAsync<DateTimeOffset>("SELECT due_at FROM ladders WHERE claim_id = @id AND ended_at IS NULL", new { id }));
    }

    [Fact]
    public async Task Assign_and_reassign_give_a_claim_without_a_due_date_the_desks_deadline_for_its_priority()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var assigned = await review.NewClaimAsync();
        await review.TriageAsync(assigned);
        var reassigned = await review.NewClaimAsync();
        await review.TriageAsync(reassigned);

        await review.ActAsync(new AssignClaim { ClaimId = assigned, Version = await review.VersionAsync(assigned), AssigneeId = review.Checker.UserId!.Value }, review.Editor);
        await review.ActAsync(new ReassignClaim { ClaimId = reassigned, Version = await review.VersionAsync(reassigned), AssigneeId = review.Checker.UserId!.Value }, review.Editor);

        var expected = App.Clock.GetUtcNow() + Options.Sla.High;
        Assert.Equal(expected, await DueAsync(assigned));
        Assert.Equal(expected, await DueAsync(reassigned));
    }

    [Fact]
    public async Task Reassigning_with_an_empty_due_field_keeps_the_due_date_and_a_date_given_replaces_it()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var before = await DueAsync(id);

        await review.ActAsync(new ReassignClaim { ClaimId = id, Version = await review.VersionAsync(id), AssigneeId = review.Checker2.UserId!.Value }, review.Editor);
        Assert.Equal(before, await DueAsync(id));

        var later = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(9);
        await review.ActAsync(new ReassignClaim { ClaimId = id, Version = await review.VersionAsync(id), AssigneeId = review.Checker.UserId!.Value, DueDate = later }, review.Editor);
        Assert.Equal(NewsroomTime.Of(Options).EndOf(later), await DueAsync(id));
    }

    [Fact]
    public async Task A_claim_due_in_23_hours_is_on_both_dashboards_and_in_the_apis_due_soon_list()
    {
        // Its own topic, so the lists (the 8 most urgent) are this claim's alone.
        var queue = await Queue.QueueDesk.CreateAsync(App);
        var review = queue.Review;
        var id = await queue.NewClaimAsync();
        await queue.TriageAsync(id);
        await review.ActAsync(
            new AssignClaim { ClaimId = id, Version = await review.VersionAsync(id), AssigneeId = review.Checker2.UserId!.Value, DueAt = App.Clock.GetUtcNow().AddHours(23) },
            review.Editor);

        var desk = await App.QueryAsync(new GetDeskDashboard(new DashboardFilter { Topic = queue.Topic }), review.Editor);
        var mine = await App.QueryAsync(new GetMyDashboard(), review.Checker2);
        using var api = await App.ApiClientAsync("editor");
        using var json = JsonDocument.Parse(await api.GetStringAsync("/api/dashboard?topic=" + queue.Topic));

        Assert.Equal([id], desk.DueSoon.Items.Select(r => r.ClaimId));
        Assert.Equal(1, desk.DueSoon.Total);
        Assert.True(mine.Open.Single(c => c.ClaimId == id).DueSoon);
        Assert.True(mine.DueSoon >= 1);
        Assert.Contains(id, json.RootElement.GetProperty("dueSoon").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("claimId").GetInt64()));
    }

    [Theory]
    [InlineData("Asia/Jakarta", "2026-12-10T17:00:00Z", "2026-12-10, end of day WIB", "2026-12-11 00:00 WIB")]
    [InlineData("Asia/Jakarta", "2026-12-08T08:43:00Z", "2026-12-08 15:43 WIB", "2026-12-08 15:43 WIB")]
    [InlineData("Europe/Paris", "2026-07-01T10:00:00Z", "2026-07-01 12:00 CEST", "2026-07-01 12:00 CEST")]
    [InlineData("Europe/Paris", "2026-12-01T23:00:00Z", "2026-12-01, end of day CET", "2026-12-02 00:00 CET")]
    [InlineData("Asia/Dubai", "2026-12-01T10:00:00Z", "2026-12-01 14:00 UTC+04", "2026-12-01 14:00 UTC+04")]
    public void Staff_times_are_written_in_the_newsrooms_zone_with_its_abbreviation(string zone, string instant, string due, string stamp)
    {
        var time = NewsroomTime.Of(zone);
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(due, time.Due(at));
        Assert.Equal(stamp, time.Stamp(at));
    }

    [Fact]
    public void A_day_picked_as_due_date_ends_at_midnight_in_the_newsroom_and_reads_as_that_day()
    {
        var time = NewsroomTime.Of("Asia/Jakarta");
        var due = time.EndOf(new DateOnly(2026, 12, 12));

        Assert.Equal(new DateTimeOffset(2026, 12, 12, 17, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(new DateOnly(2026, 12, 12), time.DueDay(due));
        Assert.Equal(new DateOnly(2026, 12, 12), time.DueDay(due.AddHours(-2)));
    }
}
