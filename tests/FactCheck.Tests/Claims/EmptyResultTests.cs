using Dapper;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Dashboard;

namespace FactCheck.Tests.Claims;

/// SQLite gives a computed column no type, so an empty result of one used to defeat Dapper's mapping.
public sealed class EmptyResultTests
{
    [Fact]
    public async Task The_dashboard_counts_nothing_on_a_database_without_claims()
    {
        using var app = new TestApp(demoData: false, settings: new Dictionary<string, string?> { ["FactCheck:Admin:Password"] = "Configured-Admin-Password-9" }).Start();
        var admin = await app.ActorAsync("admin");

        var dashboard = await app.QueryAsync(new GetDeskDashboard(new DashboardFilter()), admin);

        Assert.All(dashboard.States, s => Assert.Equal(0, s.Count));
        Assert.Empty(dashboard.Overdue.Items);
        Assert.DoesNotContain(dashboard.Throughput, p => p.Published > 0);
        Assert.Null(dashboard.TimeToVerdict.Overall.MedianHours);
        Assert.Empty(dashboard.Sides);
    }

    [Fact]
    public async Task A_claim_without_history_links_or_figures_opens_with_empty_lists()
    {
        using var app = new TestApp().Start();
        long id;
        await using (var connection = await app.Db.OpenAsync())
        {
            // As an import or a restore might leave it: no audit rows of its own.
            id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO claims (slug, title, text, language, claimant_id, kind, figure_low, figure_unit, status, created_at, updated_at)
                VALUES ('imported', 'Imported figure', 'Angka impor', 'id', (SELECT min(id) FROM claimants), 'figure', 10, 'deaths', 'merged', '2020-10-24T00:00:00.0000000Z', '2020-10-24T00:00:00.0000000Z')
                RETURNING id
                """);
        }

        var detail = await app.QueryAsync(new GetClaim(id), await app.ActorAsync("editor"));

        Assert.Empty(detail.History);
        Assert.Empty(detail.Links);
        Assert.Empty(detail.Figures);
    }
}
