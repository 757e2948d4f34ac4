using System.Globalization;
using Bunit;
using FactCheck.Tests.Components;
using FactCheck.Tests.Queue;
using FactCheck.Web.Features.Dashboard;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using DashboardPage = FactCheck.Web.Features.Dashboard.Dashboard;

namespace FactCheck.Tests.Dashboard;

/// /dashboard rendered by bUnit for an editor, on an app of this class's own: the numbers come through the real pipeline.
public sealed class DashboardPageTests : PageTest, IClassFixture<SharedApp>
{
    public DashboardPageTests(SharedApp shared)
        : base(shared, "editor", Roles.Editor)
    {
        Services.AddSingleton(App.Services.GetRequiredService<DashboardSnapshots>());
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<DashboardPage> Open(string url, string loaded = "desk-tiles")
    {
        Navigation.NavigateTo(url);
        var page = Render<DashboardPage>(p => p.Add(c => c.RefreshMilliseconds, 20));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid={loaded}]")));
        return page;
    }

    private static double Bar(IRenderedComponent<DashboardPage> page, string chart, string category, string? series = null) =>
        double.Parse(
            page.FindAll($"[data-testid={chart}] rect[data-category]")
                .Single(r => r.GetAttribute("data-category") == category && (series is null || r.GetAttribute("data-series") == series))
                .GetAttribute("data-value")!,
            CultureInfo.InvariantCulture);

    [Fact]
    public void The_demo_desk_shows_claims_by_state_linked_to_the_queue_and_the_Azerbaijan_Armenia_balance()
    {
        var page = Open("/dashboard?topic=nagorno-karabakh");

        Assert.Equal(3, Bar(page, "chart-states", "published"));
        Assert.Equal(2, Bar(page, "chart-states", "triaged"));
        Assert.Contains(page.FindAll("[data-testid=chart-states] a"), a => a.GetAttribute("href") == "/queue?tab=all&status=triaged&topic=nagorno-karabakh");
        Assert.Equal(3, Bar(page, "chart-sides", "Azerbaijan", "Recorded"));
        Assert.Equal(1, Bar(page, "chart-sides", "Azerbaijan", "Checked"));
        Assert.Equal(2, Bar(page, "chart-sides", "Armenia", "Recorded"));
        Assert.Equal(
            "Of the two sides with most claims, Azerbaijan had 1 of 3 claims checked (33%) and Armenia 1 of 2 (50%).",
            page.Find("[data-testid=balance-note]").TextContent.Trim());
        Assert.Equal("/dashboard/export/balance-sides.csv?topic=nagorno-karabakh", page.Find("[data-testid=export-balance-sides]").GetAttribute("href"));
    }

    [Fact]
    public async Task Another_users_change_reaches_the_open_dashboard_without_a_reload()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var page = Open($"/dashboard?topic={desk.Topic}");
        Assert.Equal(0, Bar(page, "chart-states", "new"));

        await desk.NewClaimAsync();
        await desk.NewClaimAsync();

        page.WaitForAssertion(() => Assert.Equal(2, Bar(page, "chart-states", "new")));
        Assert.Equal("2", page.Find("[data-testid=tile-unassigned-value]").TextContent.Trim());
    }

    [Fact]
    public void Every_csv_link_names_a_section_the_export_serves()
    {
        var page = Open("/dashboard");

        var sections = page.FindAll("a[data-testid^=export-]").Select(a => a.GetAttribute("data-testid")!["export-".Length..]).ToList();
        Assert.Equal(DashboardExport.Sections.Order(StringComparer.Ordinal), sections.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_filter_in_the_address_is_what_the_dashboard_shows()
    {
        var page = Open("/dashboard?period=7d&by=week&lang=en");

        Assert.Contains("in the last 7 days", page.Find("[data-testid=tile-published]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, Bar(page, "chart-states", "published"));
        Assert.Equal("/dashboard/export/states.csv?period=7d&by=week&lang=en", page.Find("[data-testid=export-states]").GetAttribute("href"));
    }

    [Fact]
    public void An_editor_can_switch_to_their_own_work()
    {
        var page = Open("/dashboard?view=mine", loaded: "my-tiles");

        Assert.Equal("mine", page.Find("[data-testid=dashboard]").GetAttribute("data-view"));
        Assert.Empty(page.FindAll("[data-testid=filters]"));
    }
}

/// What a fact-checker sees at /dashboard: their own desk, and no way to the editor's.
public sealed class FactCheckerDashboardPageTests : PageTest, IClassFixture<SharedApp>
{
    public FactCheckerDashboardPageTests(SharedApp shared)
        : base(shared, "checker", Roles.FactChecker)
    {
        Services.AddSingleton(App.Services.GetRequiredService<DashboardSnapshots>());
    }

    [Fact]
    public async Task A_fact_checker_gets_their_claims_by_due_time_and_what_waits_on_them()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var later = await desk.ClaimInStateAsync("assigned", desk.Review.Checker, due: desk.InDays(5), title: "Due later");
        var sooner = await desk.ClaimInStateAsync("researching", desk.Review.Checker, due: desk.InDays(2), title: "Due sooner");

        Services.GetRequiredService<NavigationManager>().NavigateTo("/dashboard?view=desk");
        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=my-open] tr[data-claim-id]")));
        var order = page.FindAll("[data-testid=my-open] tr[data-claim-id]").Select(r => long.Parse(r.GetAttribute("data-claim-id")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([sooner, later], order.Where(id => id == sooner || id == later));
        Assert.Contains(page.FindAll("[data-testid=waiting] li"), li => li.GetAttribute("data-reason") == "not-started" && li.TextContent.Contains("Due later", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=view-desk]"));
        Assert.Empty(page.FindAll("[data-testid=desk-tiles]"));
    }
}
