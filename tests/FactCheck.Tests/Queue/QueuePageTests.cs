using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using FactCheck.Tests.Components;
using FactCheck.Web.Features.Queue;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using QueuePage = FactCheck.Web.Features.Queue.Queue;

namespace FactCheck.Tests.Queue;

/// The /queue page rendered by bUnit for an editor, reading and writing the shared test database through the real pipeline.
[Collection(SharedAppCollection.Name)]
public sealed class QueuePageTests : PageTest
{
    public QueuePageTests(SharedApp shared)
        : base(shared, "editor", Roles.Editor)
    {
        Services.AddSingleton(shared.App.Services.GetRequiredService<IOptions<FactCheckOptions>>());
    }


    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<QueuePage> Open(string url, int refreshMilliseconds = 20)
    {
        Navigation.NavigateTo(url);
        var page = Render<QueuePage>(p => p.Add(c => c.RefreshMilliseconds, refreshMilliseconds).Add(c => c.DebounceMilliseconds, 0));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=queue-count-all]")));
        return page;
    }

    private static List<long> RowIds(IRenderedComponent<QueuePage> page) =>
        page.FindAll("[data-testid=queue-row]").Select(r => long.Parse(r.GetAttribute("data-claim-id")!, CultureInfo.InvariantCulture)).ToList();

    private static IElement Row(IRenderedComponent<QueuePage> page, long id) => page.Find($"[data-testid=queue-row][data-claim-id='{id}']");

    private static string Count(IRenderedComponent<QueuePage> page, string tab) => page.Find($"[data-testid=queue-count-{tab}]").TextContent.Trim();

    [Fact]
    public async Task The_unassigned_tab_lists_the_desks_new_and_triaged_claims_with_counts_on_every_tab()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var fresh = await desk.ClaimInStateAsync("new", title: "Bridge destroyed overnight");
        var triaged = await desk.ClaimInStateAsync("triaged", priority: "high");
        var assigned = await desk.ClaimInStateAsync("assigned", desk.Review.Checker);

        var page = Open($"/queue?tab=unassigned&topic={desk.Topic}");

        page.WaitForAssertion(() => Assert.Equal([triaged, fresh], RowIds(page)));
        Assert.Equal(("0", "2", "0", "0", "3"), (Count(page, "mine"), Count(page, "unassigned"), Count(page, "in-review"), Count(page, "overdue"), Count(page, "all")));
        var title = Row(page, fresh).QuerySelector("[data-testid=claim-title]")!;
        Assert.Equal(($"/claims/{fresh}", "Bridge destroyed overnight"), (title.GetAttribute("href"), title.TextContent.Trim()));
        Assert.Equal("triaged", Row(page, triaged).QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains("high", Row(page, triaged).QuerySelector("[data-testid=priority]")!.TextContent);
        Assert.Contains("unassigned", Row(page, fresh).QuerySelector("[data-testid=assignee]")!.TextContent);
        Assert.Contains(desk.ClaimantName, Row(page, fresh).TextContent);
        Assert.DoesNotContain(assigned, RowIds(page));
    }

    [Fact]
    public async Task Choosing_a_tab_and_a_sort_keeps_them_in_the_address()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var soonLow = await desk.ClaimInStateAsync("assigned", desk.Review.Checker2, priority: "low", due: desk.InDays(2));
        var lateHigh = await desk.ClaimInStateAsync("assigned", desk.Review.Checker2, priority: "high", due: desk.InDays(6));
        await desk.ClaimInStateAsync("new");
        var page = Open($"/queue?topic={desk.Topic}");
        page.WaitForAssertion(() => Assert.Equal(3, RowIds(page).Count));

        page.Find("[data-testid=queue-tab-unassigned]").Click();
        page.WaitForAssertion(() => Assert.Single(RowIds(page)));
        Assert.Contains("tab=unassigned", Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains($"topic={desk.Topic}", Navigation.Uri, StringComparison.Ordinal);

        page.Find("[data-testid=queue-tab-all]").Click();
        page.WaitForAssertion(() => Assert.Equal(lateHigh, RowIds(page)[0]));
        page.Find("[data-testid=sort-by-due]").Click();

        page.WaitForAssertion(() => Assert.Equal([soonLow, lateHigh], RowIds(page).Take(2)));
        Assert.Contains("sort=due", Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains("tab=all", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_claim_is_marked_overdue()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var late = await desk.ClaimInStateAsync("researching", desk.Review.Checker);
        var onTime = await desk.ClaimInStateAsync("assigned", desk.Review.Checker);
        // The shared app's clock cannot move for one test; this claim's deadline is simply put in the past.
        await App.RowsAsync<long>("UPDATE claims SET due_at = @past WHERE id = @late RETURNING id", new { past = App.Clock.GetUtcNow().AddHours(-3), late });

        var page = Open($"/queue?tab=all&topic={desk.Topic}");

        page.WaitForAssertion(() => Assert.NotNull(Row(page, late).QuerySelector("[data-testid=overdue]")));
        Assert.Null(Row(page, onTime).QuerySelector("[data-testid=overdue]"));
        Assert.Equal("1", Count(page, "overdue"));
    }

    [Fact]
    public async Task A_claim_past_its_due_soon_time_is_marked_due_soon_and_a_verdict_waiting_too_long_for_review_overdue()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var soon = await desk.ClaimInStateAsync("researching", desk.Review.Checker);
        var waiting = await desk.ClaimInStateAsync("in_review", desk.Review.Checker);
        var onTime = await desk.ClaimInStateAsync("researching", desk.Review.Checker);
        // The shared app's clock cannot move for one test; these ladders' times are simply put in the past.
        var now = App.Clock.GetUtcNow();
        await App.RowsAsync<long>("UPDATE ladders SET due_soon_at = @past WHERE claim_id = @soon AND ended_at IS NULL RETURNING id", new { past = now.AddHours(-1), soon });
        await App.RowsAsync<long>(
            "UPDATE ladders SET due_soon_at = @past, due_at = @past WHERE claim_id = @waiting AND ended_at IS NULL RETURNING id", new { past = now.AddHours(-2), waiting });

        var page = Open($"/queue?tab=all&topic={desk.Topic}");

        page.WaitForAssertion(() => Assert.NotNull(Row(page, soon).QuerySelector("[data-testid=due-soon]")));
        Assert.Null(Row(page, soon).QuerySelector("[data-testid=overdue]"));
        Assert.NotNull(Row(page, waiting).QuerySelector("[data-testid=overdue]"));
        Assert.Equal("review", Row(page, waiting).QuerySelector("[data-testid=due]")!.GetAttribute("data-stage"));
        Assert.Null(Row(page, onTime).QuerySelector("[data-testid=due-soon]"));
        Assert.Null(Row(page, onTime).QuerySelector("[data-testid=overdue]"));
        Assert.Equal("1", Count(page, "overdue"));
    }

    [Fact]
    public async Task Bulk_assign_assigns_the_ticked_claims_and_reports_the_one_changed_meanwhile()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var first = await desk.ClaimInStateAsync("triaged");
        var second = await desk.ClaimInStateAsync("new");
        var changed = await desk.ClaimInStateAsync("triaged");
        var untouched = await desk.ClaimInStateAsync("triaged");
        // A long refresh delay keeps the rows as loaded, as when an editor acts before the page has caught up.
        var page = Open($"/queue?tab=unassigned&topic={desk.Topic}", refreshMilliseconds: 60_000);
        page.WaitForAssertion(() => Assert.Equal(4, RowIds(page).Count));
        foreach (var id in new[] { first, second, changed })
        {
            Row(page, id).QuerySelector("input[data-testid=select-claim]")!.Change(true);
        }

        await desk.AssignAsync(changed, desk.Review.Checker);
        await page.InvokeAsync(() => page.FindComponent<MudSelect<long?>>().Instance.SelectOption(desk.Review.Checker2.UserId));
        page.Find("input#bulk-due").Change(desk.InDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        page.Find("[data-testid=bulk-assign]").Click();

        page.WaitForAssertion(() => Assert.Contains("2 claims assigned to Sari Checker; 1 not assigned", page.Find("[data-testid=bulk-summary]").TextContent));
        var failure = page.Find("[data-testid=bulk-failure]");
        Assert.Equal((changed.ToString(CultureInfo.InvariantCulture), "changed"), (failure.GetAttribute("data-claim-id"), failure.GetAttribute("data-kind")));
        Assert.Contains("changed meanwhile", failure.TextContent, StringComparison.Ordinal);
        var assignees = await App.RowsAsync<(long, string, string)>(
            "SELECT c.id, c.status, u.display_name FROM claims c JOIN users u ON u.id = c.assignee_id WHERE c.id IN (@first, @second, @changed) ORDER BY c.id",
            new { first, second, changed });
        Assert.Equal([(first, "assigned", "Sari Checker"), (second, "assigned", "Sari Checker"), (changed, "assigned", "Budi Checker")], assignees);
        Assert.Equal("triaged", await desk.Review.StatusAsync(untouched));
        // After the run the page shows what is left unassigned; the failed claim stays ticked only while it is on screen.
        page.WaitForAssertion(() => Assert.Equal([untouched], RowIds(page)));
        Assert.Equal("Tick claims to assign them together", page.Find("[data-testid=selected-count]").TextContent.Trim());
    }

    [Fact]
    public async Task Bulk_assign_without_a_due_date_keeps_each_claims_due_date_or_gives_it_the_desks_deadline()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var review = desk.Review;
        var dated = await desk.NewClaimAsync();
        await desk.TriageAsync(dated, "high", desk.InDays(3));
        var undated = await desk.ClaimInStateAsync("triaged");
        var triageDue = await App.ScalarAsync<DateTimeOffset>("SELECT due_at FROM claims WHERE id = @dated", new { dated });
        var page = Open($"/queue?tab=unassigned&topic={desk.Topic}");
        page.WaitForAssertion(() => Assert.Equal(2, RowIds(page).Count));

        page.Find("input[data-testid=select-all]").Change(true);
        page.WaitForAssertion(() => Assert.Contains("each claim keeps its own", page.Find("[data-testid=bulk-due-hint]").TextContent, StringComparison.Ordinal));
        await page.InvokeAsync(() => page.FindComponent<MudSelect<long?>>().Instance.SelectOption(review.Checker.UserId));
        page.Find("[data-testid=bulk-assign]").Click();

        page.WaitForAssertion(() => Assert.Contains("2 claims assigned", page.Find("[data-testid=bulk-summary]").TextContent, StringComparison.Ordinal));
        Assert.Equal("assigned", await review.StatusAsync(dated));
        Assert.Equal(triageDue, await App.ScalarAsync<DateTimeOffset>("SELECT due_at FROM claims WHERE id = @dated", new { dated }));
        Assert.Equal(
            App.Clock.GetUtcNow() + App.Services.GetRequiredService<IOptions<FactCheckOptions>>().Value.Sla.Normal,
            await App.ScalarAsync<DateTimeOffset>("SELECT due_at FROM claims WHERE id = @undated", new { undated }));
    }

    [Fact]
    public async Task A_change_by_another_editor_shows_on_the_open_queue_without_a_reload()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var id = await desk.ClaimInStateAsync("new");
        var page = Open($"/queue?tab=all&topic={desk.Topic}");
        page.WaitForAssertion(() => Assert.Equal("new", Row(page, id).QuerySelector("[data-status]")!.GetAttribute("data-status")));

        await App.SendAsync(new TriageClaim { ClaimId = id, Version = await desk.Review.VersionAsync(id), Priority = "high" }, desk.Review.Editor2);

        page.WaitForAssertion(
            () =>
            {
                var row = Row(page, id);
                Assert.Equal("triaged", row.QuerySelector("[data-status]")!.GetAttribute("data-status"));
                Assert.Contains("high", row.QuerySelector("[data-testid=priority]")!.TextContent, StringComparison.Ordinal);
                Assert.Equal("true", row.GetAttribute("data-changed"));
            },
            TimeSpan.FromSeconds(5));

        var other = await desk.ClaimInStateAsync("new");
        page.WaitForAssertion(() => Assert.Contains(other, RowIds(page)), TimeSpan.FromSeconds(5));
        Assert.Equal("2", Count(page, "all"));
    }

    [Fact]
    public async Task Leaving_the_page_stops_its_live_updates()
    {
        var desk = await QueueDesk.CreateAsync(App);
        await desk.ClaimInStateAsync("new");
        var notifier = new ClaimChangeNotifier(NullLogger<ClaimChangeNotifier>.Instance);
        Services.AddSingleton(notifier);
        Open($"/queue?tab=all&topic={desk.Topic}");
        Assert.Equal(1, Subscribers(notifier));

        await DisposeComponentsAsync();

        Assert.Equal(0, Subscribers(notifier));
    }

    private static int Subscribers(ClaimChangeNotifier notifier) => notifier.SubscriberCount;
}
