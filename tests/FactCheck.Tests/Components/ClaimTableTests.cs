using Microsoft.Extensions.DependencyInjection;
using Bunit;
using FactCheck.Web.Features.Claims;
using MudBlazor.Services;

namespace FactCheck.Tests.Components;

public sealed class ClaimTableTests : BunitContext, IAsyncLifetime
{
    public ClaimTableTests()
    {
        Services.AddMudServices().AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Each_claim_title_links_to_its_claim_page()
    {
        var rows = new List<ClaimRow>
        {
            new(12, "Baku denies attacking buildings in Stepanakert", "id", "statement", "in_review", "Pemerintah Azerbaijan", new DateOnly(2020, 10, 24), 1, DateTimeOffset.UtcNow),
        };

        var table = Render<ClaimTable>(p => p.Add(c => c.Claims, new ClaimPage(rows, 1, 1, 50)));

        var row = table.Find("[data-testid=claim-table] tbody tr");
        var link = row.QuerySelector("a")!;
        Assert.Equal("/claims/12", link.GetAttribute("href"));
        Assert.Equal("Baku denies attacking buildings in Stepanakert", link.TextContent);
        Assert.Contains("Pemerintah Azerbaijan", row.TextContent);
        Assert.Contains("in review", row.TextContent);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
