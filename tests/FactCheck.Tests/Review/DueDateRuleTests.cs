using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Web.Features.Dashboard;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactCheck.Tests.Review;

/// One rule for an empty due field on assign and reassign; the dashboards' "due within a day" is the next 24 hours.
[Collection(SharedAppCollection.Name)]
public sealed class DueDateRuleTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private FactCheckOptions Options => App.Services.GetRequiredService<IOptions<FactCheckOptions>>().Value;

    private static DateTimeOffset EndOfDayInJakarta(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));

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

        Assert.Equal(EndOfDayInJakarta(day), triaged);
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
        Assert.Equal(EndOfDayInJakarta(later), await DueAsync(id));
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
}
