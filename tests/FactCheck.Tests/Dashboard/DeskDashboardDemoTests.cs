using FactCheck.Web.Features.Dashboard;

namespace FactCheck.Tests.Dashboard;

/// The editor dashboard over the demo case, as a new editor first sees it.
public sealed class DeskDashboardDemoTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    [Fact]
    public async Task Demo_claims_are_counted_by_state()
    {
        var dashboard = await App.QueryAsync(new GetDeskDashboard(new DashboardFilter()), await App.ActorAsync("editor"));

        var states = dashboard.States.ToDictionary(s => s.Status, s => s.Count);
        var inDatabase = (await App.RowsAsync<(string, long)>("SELECT status, count(*) FROM claims GROUP BY status")).ToDictionary(r => r.Item1, r => r.Item2);
        Assert.Equal(3, states["published"]);
        Assert.Equal(2, states["triaged"]);
        Assert.All(states, s => Assert.Equal(inDatabase.GetValueOrDefault(s.Key), s.Value));
    }

    [Fact]
    public async Task Balance_compares_Azerbaijan_and_Armenia()
    {
        var dashboard = await App.QueryAsync(new GetDeskDashboard(new DashboardFilter { Topic = "nagorno-karabakh" }), await App.ActorAsync("editor"));

        var azerbaijan = Assert.Single(dashboard.Sides, s => s.Name == "Azerbaijan");
        var armenia = Assert.Single(dashboard.Sides, s => s.Name == "Armenia");
        Assert.Equal(3, azerbaijan.Recorded);
        Assert.Equal(1, azerbaijan.Checked);
        Assert.Equal("mostly-false", Assert.Single(azerbaijan.Ratings).Rating);
        Assert.Equal(2, armenia.Recorded);
        Assert.Equal(1, armenia.Checked);
        Assert.Equal("mostly-true", Assert.Single(armenia.Ratings).Rating);
    }

    [Fact]
    public async Task Throughput_counts_first_verdicts_and_corrections_today()
    {
        var dashboard = await App.QueryAsync(new GetDeskDashboard(new DashboardFilter { Period = "7d" }), await App.ActorAsync("editor"));

        Assert.Equal(7, dashboard.Throughput.Count);
        Assert.Equal(3, dashboard.Throughput.Sum(p => p.Published));
        Assert.Equal(1, dashboard.Throughput.Sum(p => p.Corrected));
        Assert.Equal(3, dashboard.TimeToVerdict.Overall.Count);
        Assert.Equal(3, dashboard.Verdicts.Sum(v => v.Count));
    }
}
