using System.Globalization;
using Bunit;
using FactCheck.Tests.Components;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QueuePage = FactCheck.Web.Features.Queue.Queue;

namespace FactCheck.Tests.Queue;

/// The /queue page as a fact-checker sees it.
[Collection(SharedAppCollection.Name)]
public sealed class QueueCheckerPageTests : PageTest
{
    public QueueCheckerPageTests(SharedApp shared)
        : base(shared, "checker", Roles.FactChecker)
    {
        Services.AddSingleton(shared.App.Services.GetRequiredService<IOptions<FactCheckOptions>>());
    }

    [Fact]
    public async Task A_fact_checker_starts_on_their_own_work_and_cannot_bulk_assign()
    {
        var desk = await QueueDesk.CreateAsync(Shared.App);
        var mine = await desk.ClaimInStateAsync("assigned", desk.Review.Checker);
        await desk.ClaimInStateAsync("triaged");
        await desk.ClaimInStateAsync("assigned", desk.Review.Checker2);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/queue?topic={desk.Topic}");

        var page = Render<QueuePage>();

        page.WaitForAssertion(() => Assert.Equal(
            [mine.ToString(CultureInfo.InvariantCulture)],
            page.FindAll("[data-testid=queue-row]").Select(r => r.GetAttribute("data-claim-id"))));
        Assert.Equal("3", page.Find("[data-testid=queue-count-all]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=select-claim]"));
        Assert.Empty(page.FindAll("[data-testid=select-all]"));
        Assert.Empty(page.FindAll("[data-testid=bulk-bar]"));
        Assert.Empty(page.FindAll("[data-testid=bulk-assign]"));
    }

    [Fact]
    public async Task A_tab_with_nothing_matching_the_filters_offers_to_clear_them()
    {
        var desk = await QueueDesk.CreateAsync(Shared.App);
        await desk.ClaimInStateAsync("new");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/queue?tab=in-review&topic={desk.Topic}");
        var page = Render<QueuePage>();
        page.WaitForAssertion(() => Assert.Contains("No claims in “In review” match these filters.", page.Find("[data-testid=queue-empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=queue-row]"));

        page.Find("[data-testid=queue-empty] a").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("topic=", navigation.Uri, StringComparison.Ordinal));
        Assert.Contains("tab=in-review", navigation.Uri, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=clear-filters]"));
    }
}
