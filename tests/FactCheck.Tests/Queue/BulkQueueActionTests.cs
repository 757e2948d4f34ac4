using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Queue;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Queue;

/// Bulk triage, reject and tag from the queue: each claim by its own command, the ones that changed meanwhile reported.
[Collection(SharedAppCollection.Name)]
public sealed class BulkQueueActionTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private async Task<BulkOutcome> RunAsync(Actor actor, Func<IMediator, Task<BulkOutcome>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        return await action(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    private static async Task<List<QueueRow>> RowsAsync(QueueDesk desk, params long[] ids) =>
        (await desk.ListAsync(desk.Review.Editor)).Items.Where(r => ids.Contains(r.Id)).ToList();

    [Fact]
    public async Task Bulk_triage_triages_each_new_claim_and_reports_the_one_that_changed_meanwhile()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var first = await desk.NewClaimAsync();
        var second = await desk.NewClaimAsync();
        var stale = await desk.NewClaimAsync();
        var rows = await RowsAsync(desk, first, second, stale);
        await desk.Review.TriageAsync(stale);

        var outcome = await RunAsync(desk.Review.Editor, m => BulkQueueActions.TriageAsync(m, rows, "high", null));

        Assert.Equal([first, second], outcome.Done.Order());
        Assert.Equal((stale, BulkAssignFailure.Changed), (Assert.Single(outcome.Failed).ClaimId, outcome.Failed[0].Kind));
        Assert.Equal(["triaged", "triaged"], [await desk.Review.StatusAsync(first), await desk.Review.StatusAsync(second)]);
        Assert.Equal("high", await App.ScalarAsync<string>("SELECT priority FROM claims WHERE id = @first", new { first }));
    }

    [Fact]
    public async Task Bulk_reject_keeps_the_reason_and_a_claim_under_research_is_refused_alone()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var fresh = await desk.NewClaimAsync();
        var triaged = await desk.ClaimInStateAsync("triaged");
        var researching = await desk.ClaimInStateAsync("researching", desk.Review.Checker);
        var rows = await RowsAsync(desk, fresh, triaged, researching);

        var outcome = await RunAsync(desk.Review.Editor, m => BulkQueueActions.RejectAsync(m, rows, "Opinion, not checkable"));

        Assert.Equal([fresh, triaged], outcome.Done.Order());
        Assert.Equal(researching, Assert.Single(outcome.Failed).ClaimId);
        Assert.Equal("Opinion, not checkable", await App.ScalarAsync<string>("SELECT rejection_reason FROM claims WHERE id = @fresh", new { fresh }));
        Assert.Equal("researching", await desk.Review.StatusAsync(researching));
    }

    [Fact]
    public async Task Bulk_tag_adds_the_topic_to_each_claim_keeping_its_others_and_a_fact_checker_is_refused()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var first = await desk.NewClaimAsync();
        var second = await desk.ClaimInStateAsync("triaged");
        var topic = $"pilkada-{Guid.NewGuid():N}"[..16];
        await App.SendAsync(EditClaim.From(await App.QueryAsync(new GetClaim(second), desk.Review.Editor)) with { Topics = [desk.Topic, "makassar"] }, desk.Review.Editor);
        var rows = await RowsAsync(desk, first, second);

        var refused = await RunAsync(desk.Review.Checker2, m => BulkQueueActions.TagAsync(m, rows, topic));
        Assert.Empty(refused.Done);
        var outcome = await RunAsync(desk.Review.Editor, m => BulkQueueActions.TagAsync(m, rows, topic));

        Assert.Empty(outcome.Failed.Select(f => f.Reason));
        Assert.Equal([first, second], outcome.Done.Order());
        Assert.Equal(new[] { desk.Topic, topic }.Order(), (await App.QueryAsync(new GetClaim(first), desk.Review.Editor)).Topics.Order());
        Assert.Equal(new[] { desk.Topic, "makassar", topic }.Order(), (await App.QueryAsync(new GetClaim(second), desk.Review.Editor)).Topics.Order());
    }
}
