using Bunit;
using FactCheck.Tests.Components;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

/// The claimant page's side as a fact-checker sees it: read only.
[Collection(SharedAppCollection.Name)]
public sealed class ClaimantSideReadOnlyPageTests(SharedApp shared) : PageTest(shared, "checker", Roles.FactChecker)
{
    [Fact]
    public async Task A_fact_checker_sees_the_side_without_an_edit_control()
    {
        var claimant = await NewClaimant.CreateAsync(App, side: "Azerbaijan");

        var page = Render<ClaimantPage>(p => p.Add(c => c.Id, claimant.Id));

        page.WaitForAssertion(() => Assert.Equal("Azerbaijan", page.Find("[data-testid=claimant-side]").TextContent.Trim()));
        Assert.Empty(page.FindAll("input#claimant-side"));
        Assert.Empty(page.FindAll("[data-testid=save-side]"));
        Assert.Empty(page.FindAll("datalist"));
    }

    [Fact]
    public async Task A_claimant_without_a_side_reads_not_set()
    {
        var claimant = await NewClaimant.CreateAsync(App);

        var page = Render<ClaimantPage>(p => p.Add(c => c.Id, claimant.Id));

        page.WaitForAssertion(() => Assert.Equal("not set", page.Find("[data-testid=claimant-side]").TextContent.Trim()));
    }
}
