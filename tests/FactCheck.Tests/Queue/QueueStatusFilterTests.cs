using System.Globalization;
using Bunit;
using FactCheck.Tests.Components;
using FactCheck.Web.Features.Queue;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Extensions;
using QueuePage = FactCheck.Web.Features.Queue.Queue;

namespace FactCheck.Tests.Queue;

/// The queue's status filter (the dashboard's claims-by-state counts link to it): the query, its address and the page.
[Collection(SharedAppCollection.Name)]
public sealed class QueueStatusFilterTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task A_status_filter_lists_only_claims_in_that_state_and_every_tab_count_agrees()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var review = desk.Review;
        await desk.ClaimInStateAsync("new");
        var triaged = await desk.ClaimInStateAsync("triaged");
        await desk.ClaimInStateAsync("assigned", review.Checker);
        var mine = await desk.ClaimInStateAsync("researching", review.Checker);
        var others = await desk.ClaimInStateAsync("researching", review.Checker2);
        await desk.ClaimInStateAsync("in_review", review.Checker);

        var researching = await App.QueryAsync(desk.Query() with { Status = "researching" }, review.Checker);
        var mineOnly = await App.QueryAsync(desk.Query(QueueTabs.Mine) with { Status = "researching" }, review.Checker);
        var unassigned = await App.QueryAsync(desk.Query(QueueTabs.Unassigned) with { Status = "triaged" }, review.Editor);

        Assert.Equal([mine, others], researching.Items.Select(r => r.Id).Order());
        Assert.All(researching.Items, r => Assert.Equal("researching", r.Status));
        Assert.Equal(
            new Dictionary<string, long> { ["mine"] = 1, ["unassigned"] = 0, ["in-review"] = 0, ["overdue"] = 0, ["all"] = 2 },
            researching.Counts);
        Assert.Equal(2, researching.Total);
        Assert.Equal([mine], mineOnly.Items.Select(r => r.Id));
        Assert.Equal([triaged], unassigned.Items.Select(r => r.Id));
        Assert.Equal((1L, 1L), (unassigned.Counts[QueueTabs.Unassigned], unassigned.Counts[QueueTabs.All]));
        // The pickers still offer every open claim's languages, not only those of the filtered state.
        Assert.Contains("id", researching.Languages);
    }

    [Theory]
    [InlineData("published")]
    [InlineData("merged")]
    [InlineData("in-review")]
    [InlineData("Researching")]
    public async Task A_status_that_is_not_an_open_state_is_refused_naming_Status(string status)
    {
        var editor = await App.ActorAsync("editor");

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.QueryAsync(new ListQueue { Status = status }, editor));

        Assert.Equal([nameof(ListQueue.Status)], refused.Errors.Keys);
        Assert.Contains("new, triaged, assigned, researching, in_review", Assert.Single(refused.Errors[nameof(ListQueue.Status)]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_status_round_trips_through_the_queue_address()
    {
        var navigation = new FixedNavigation();
        var view = QueueView.Parse(QueueTabs.Mine, "all", null, null, null, null, null, "researching");

        var url = view.ToUrl(navigation);

        Assert.Equal(new QueueView(QueueTabs.All, Status: "researching"), view);
        Assert.True(view.HasFilters);
        Assert.Equal("researching", view.ToQuery(50).Status);
        Assert.Equal("/queue?tab=all&status=researching", url);
        var query = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), url).Query);
        Assert.Equal(view, QueueView.Parse(QueueTabs.Mine, query["tab"], null, null, null, null, null, query["status"]));
    }

    [Theory]
    [InlineData("published")]
    [InlineData("bogus")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_status_in_the_address_is_ignored(string? status)
    {
        var view = QueueView.Parse(QueueTabs.All, "all", null, null, null, null, null, status);

        Assert.Null(view.Status);
        Assert.False(view.HasFilters);
        Assert.DoesNotContain("status=", view.ToUrl(new FixedNavigation()), StringComparison.Ordinal);
    }

    private sealed class FixedNavigation : NavigationManager
    {
        public FixedNavigation() => Initialize("http://localhost/", "http://localhost/queue");

        protected override void NavigateToCore(string uri, NavigationOptions options) => Uri = ToAbsoluteUri(uri).ToString();
    }
}

/// The /queue page opened from a claims-by-state link (status in the address), for an editor.
[Collection(SharedAppCollection.Name)]
public sealed class QueueStatusFilterPageTests : PageTest
{
    public QueueStatusFilterPageTests(SharedApp shared)
        : base(shared, "editor", Roles.Editor)
    {
        Services.AddSingleton(shared.App.Services.GetRequiredService<IOptions<FactCheckOptions>>());
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<QueuePage> Open(string url)
    {
        Navigation.NavigateTo(url);
        var page = Render<QueuePage>(p => p.Add(c => c.RefreshMilliseconds, 20).Add(c => c.DebounceMilliseconds, 0));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=queue-count-all]")));
        return page;
    }

    private static List<long> RowIds(IRenderedComponent<QueuePage> page) =>
        page.FindAll("[data-testid=queue-row]").Select(r => long.Parse(r.GetAttribute("data-claim-id")!, CultureInfo.InvariantCulture)).ToList();

    private static MudSelect<string> StatusFilter(IRenderedComponent<QueuePage> page) =>
        page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Status").Instance;

    [Fact]
    public async Task A_link_with_a_status_opens_the_queue_filtered_to_it_and_clear_filters_drops_it()
    {
        var desk = await QueueDesk.CreateAsync(App);
        await desk.ClaimInStateAsync("new");
        var researching = await desk.ClaimInStateAsync("researching", desk.Review.Checker);

        var page = Open($"/queue?tab=all&status=researching&topic={desk.Topic}");

        page.WaitForAssertion(() => Assert.Equal([researching], RowIds(page)));
        Assert.Equal("1", page.Find("[data-testid=queue-count-all]").TextContent.Trim());
        Assert.Equal("researching", StatusFilter(page).GetState(s => s.Value));

        page.Find("[data-testid=clear-filters]").Click();

        // Clearing drops the topic too, so the whole open queue is back (other tests' claims included).
        var open = await App.ScalarAsync<long>("SELECT count(*) FROM claims WHERE status IN ('new', 'triaged', 'assigned', 'researching', 'in_review')");
        page.WaitForAssertion(() => Assert.Equal(open.ToString("N0", CultureInfo.InvariantCulture), page.Find("[data-testid=queue-count-all]").TextContent.Trim()));
        Assert.DoesNotContain("status=", Navigation.Uri, StringComparison.Ordinal);
        Assert.Null(StatusFilter(page).GetState(s => s.Value));
        Assert.Empty(page.FindAll("[data-testid=clear-filters]"));
    }

    [Fact]
    public async Task Choosing_a_status_filters_the_rows_and_keeps_it_in_the_address()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var triaged = await desk.ClaimInStateAsync("triaged");
        await desk.ClaimInStateAsync("new");
        var page = Open($"/queue?tab=all&topic={desk.Topic}");
        page.WaitForAssertion(() => Assert.Equal(2, RowIds(page).Count));

        await page.InvokeAsync(() => StatusFilter(page).SelectOption("triaged"));

        page.WaitForAssertion(() => Assert.Equal([triaged], RowIds(page)));
        Assert.Contains("status=triaged", Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains($"topic={desk.Topic}", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("1", page.Find("[data-testid=queue-count-unassigned]").TextContent.Trim());
    }
}
