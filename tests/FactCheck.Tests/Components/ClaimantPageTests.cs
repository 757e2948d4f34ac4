using Bunit;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Components;

/// The claimant page (track record) rendered by bUnit over the shared test database.
[Collection(SharedAppCollection.Name)]
public sealed class ClaimantPageTests(SharedApp shared) : PageTest(shared, "checker", Roles.FactChecker)
{
    [Fact]
    public async Task Pemerintah_Azerbaijan_lists_both_its_demo_claims_with_links_to_them()
    {
        var id = await Shared.App.ScalarAsync<long>("SELECT id FROM claimants WHERE name = 'Pemerintah Azerbaijan'");

        var page = Render<ClaimantPage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.Equal("Pemerintah Azerbaijan", page.Find("[data-testid=claimant-name]").TextContent));
        Assert.Contains("government", page.Find("[data-testid=claimant-facts]").TextContent);
        var rows = page.FindAll("[data-testid=claimant-claims] tbody tr");
        foreach (var title in new[] { "Baku denies attacking buildings in Stepanakert", "Azerbaijan blames Armenia for the fighting" })
        {
            var claimId = await Shared.App.ScalarAsync<long>("SELECT id FROM claims WHERE title = @title ORDER BY id LIMIT 1", new { title });
            var row = Assert.Single(rows, r => r.TextContent.Contains(title));
            Assert.Equal($"/claims/{claimId}", row.QuerySelector("a")!.GetAttribute("href"));
            Assert.Contains("statement", row.TextContent);
            Assert.Contains("24 October 2020", row.TextContent);
        }

        var counts = page.Find("[data-testid=claimant-status-counts]").TextContent;
        Assert.Contains($"total{rows.Count}", System.Text.RegularExpressions.Regex.Replace(counts, @"\s", ""));
    }

    [Fact]
    public void A_missing_claimant_shows_the_not_found_state()
    {
        var page = Render<ClaimantPage>(p => p.Add(c => c.Id, long.MaxValue));

        page.WaitForAssertion(() => Assert.Contains("This claimant does not exist", page.Find("[data-testid=claimant-not-found]").TextContent));
    }
}
