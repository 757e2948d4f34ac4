using FactCheck.Tests.Review;
using FactCheck.Web.Features.Queue;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Queue;

/// The queue query through the real pipeline on the shared database; each test reads only its own desk's claims.
[Collection(SharedAppCollection.Name)]
public sealed class ListQueueTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task Each_tab_lists_the_open_claims_it_is_about()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var review = desk.Review;
        var fresh = await desk.ClaimInStateAsync("new");
        var triaged = await desk.ClaimInStateAsync("triaged");
        var mineAssigned = await desk.ClaimInStateAsync("assigned", review.Checker);
        var othersResearch = await desk.ClaimInStateAsync("researching", review.Checker2);
        var mineInReview = await desk.ClaimInStateAsync("in_review", review.Checker);
        var rejected = await desk.NewClaimAsync();
        await review.ActAsync(new RejectClaim { ClaimId = rejected, Version = await review.VersionAsync(rejected), Reason = "Opinion, not checkable" }, review.Editor);
        var published = await desk.ClaimInStateAsync("in_review", review.Checker2);
        await review.ApproveAsync(published);

        Assert.Equal([mineAssigned, mineInReview], Sorted(await desk.IdsAsync(review.Checker, QueueTabs.Mine)));
        Assert.Equal([othersResearch], await desk.IdsAsync(review.Checker2, QueueTabs.Mine));
        Assert.Equal([fresh, triaged], Sorted(await desk.IdsAsync(review.Checker, QueueTabs.Unassigned)));
        Assert.Equal([mineInReview], await desk.IdsAsync(review.Checker, QueueTabs.InReview));
        Assert.Empty(await desk.IdsAsync(review.Checker, QueueTabs.Overdue));
        var all = await desk.ListAsync(review.Checker);
        Assert.Equal([fresh, triaged, mineAssigned, othersResearch, mineInReview], Sorted(all.Items.Select(r => r.Id)));
        Assert.Equal(
            new Dictionary<string, long> { ["mine"] = 2, ["unassigned"] = 2, ["in-review"] = 1, ["overdue"] = 0, ["all"] = 5 },
            all.Counts);
        Assert.Equal(5, all.Total);
    }

    [Fact]
    public async Task A_row_carries_what_the_desk_needs_to_act_on_the_claim()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var id = await desk.ClaimInStateAsync("assigned", desk.Review.Checker2, priority: "high", due: desk.InDays(3), title: "Shelling reported near the border");

        var row = Assert.Single((await desk.ListAsync(desk.Review.Editor)).Items);

        Assert.Equal((id, "Shelling reported near the border", "assigned", "high"), (row.Id, row.Title, row.Status, row.Priority));
        Assert.Equal((desk.Review.Checker2.UserId, "Sari Checker"), (row.AssigneeId, row.Assignee));
        Assert.Equal((desk.ClaimantName, "id"), (row.Claimant, row.Language));
        Assert.Equal([desk.Topic], row.Topics);
        Assert.Equal(await desk.Review.VersionAsync(id), row.Version);
        Assert.NotNull(row.DueAt);
        Assert.True(row.DueAt > App.Clock.GetUtcNow());
        Assert.False(row.Overdue);
        Assert.NotNull(row.StageStartedAt);
        Assert.Equal(await App.ScalarAsync<string>("SELECT slug FROM claims WHERE id = @id", new { id }), row.Slug);
    }

    [Fact]
    public async Task Priority_sort_puts_high_normal_low_then_untriaged_and_breaks_ties_by_due_date()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var (lowSoon, highLate, highSoon, normalNoDue, untriaged) = await SortingSetAsync(desk);

        Assert.Equal([highSoon, highLate, normalNoDue, lowSoon, untriaged], await desk.IdsAsync(desk.Review.Editor, sort: QueueTabs.PrioritySort));
    }

    [Fact]
    public async Task Due_sort_puts_the_soonest_due_first_and_claims_without_a_due_date_last()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var (lowSoon, highLate, highSoon, normalNoDue, untriaged) = await SortingSetAsync(desk);

        Assert.Equal([highSoon, lowSoon, highLate, normalNoDue, untriaged], await desk.IdsAsync(desk.Review.Editor, sort: QueueTabs.DueSort));
    }

    [Fact]
    public async Task Age_sort_lists_the_longest_waiting_claim_first_by_when_it_was_recorded()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var first = await desk.NewClaimAsync();
        var second = await desk.ClaimInStateAsync("triaged", priority: "high");
        var third = await desk.NewClaimAsync();
        // The third claim was recorded (e.g. imported) with an older date than the others: age goes by that date, not by id.
        var recorded = (await desk.ListAsync(desk.Review.Editor)).Items.Min(r => r.CreatedAt);
        await App.RowsAsync<long>("UPDATE claims SET created_at = @older WHERE id = @third RETURNING id", new { older = recorded.AddDays(-2), third });

        Assert.Equal([third, first, second], await desk.IdsAsync(desk.Review.Editor, sort: QueueTabs.AgeSort));
        Assert.Equal(second, (await desk.IdsAsync(desk.Review.Editor, sort: QueueTabs.PrioritySort))[0]);
    }

    [Fact]
    public async Task Filters_narrow_the_queue_and_its_tab_counts_by_topic_claimant_and_language()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var other = await QueueDesk.CreateAsync(App);
        var english = await desk.NewClaimAsync(language: "en", claimant: "Ministry of Examples " + desk.Topic);
        var indonesian = await desk.NewClaimAsync(language: "id");
        var otherDesk = await other.NewClaimAsync(language: "en");
        var editor = desk.Review.Editor;
        var claimantId = await App.ScalarAsync<long>("SELECT claimant_id FROM claims WHERE id = @indonesian", new { indonesian });

        Assert.Equal([english, indonesian], Sorted(await desk.IdsAsync(editor)));
        var inEnglish = await App.QueryAsync(desk.Query() with { Language = "en" }, editor);
        Assert.Equal([english], inEnglish.Items.Select(r => r.Id));
        Assert.Equal((1, 1), (inEnglish.Counts[QueueTabs.All], inEnglish.Counts[QueueTabs.Unassigned]));
        var byClaimant = await App.QueryAsync(desk.Query() with { ClaimantId = claimantId }, editor);
        Assert.Equal([indonesian], byClaimant.Items.Select(r => r.Id));
        Assert.Equal(desk.ClaimantName, byClaimant.ClaimantName);
        Assert.Equal([english], (await App.QueryAsync(desk.Query() with { Claimant = "MINISTRY of examples" }, editor)).Items.Select(r => r.Id));
        Assert.DoesNotContain(otherDesk, await desk.IdsAsync(editor));
        var page = await desk.ListAsync(editor);
        Assert.Contains(desk.Topic, page.Topics);
        Assert.Contains(other.Topic, page.Topics);
        Assert.Contains("en", page.Languages);
    }

    [Fact]
    public async Task The_queue_pages_through_long_lists_and_caps_the_page_size()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await desk.NewClaimAsync());
        }

        var second = await App.QueryAsync(desk.Query(sort: QueueTabs.AgeSort) with { PageSize = 2, Page = 2 }, desk.Review.Editor);
        var huge = await App.QueryAsync(new ListQueue { PageSize = 10_000 }, desk.Review.Editor);

        Assert.Equal([ids[2]], second.Items.Select(r => r.Id));
        Assert.Equal(3, second.Total);
        Assert.Equal(ListQueue.MaxPageSize, huge.PageSize);
        Assert.True(huge.Items.Count <= ListQueue.MaxPageSize);
    }

    [Fact]
    public async Task An_unknown_tab_or_sort_is_refused_by_name()
    {
        var review = await ReviewDriver.CreateAsync(App);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.QueryAsync(new ListQueue { Tab = "closed", Sort = "title" }, review.Editor));

        Assert.Equal(["Sort", "Tab"], refused.Errors.Keys.Order());
    }

    [Fact]
    public async Task The_queue_is_for_fact_checkers_and_editors_only()
    {
        var (_, _, admin) = await App.NewUserAsync(Roles.Admin);

        await Assert.ThrowsAsync<ForbiddenException>(() => App.QueryAsync(new ListQueue(), admin));
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.QueryAsync(new ListQueue(), Actor.Anonymous));
    }

    [Fact]
    public async Task A_fact_checker_cannot_assign_claims_alone_or_in_bulk()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var review = desk.Review;
        var id = await desk.ClaimInStateAsync("triaged");
        var version = await review.VersionAsync(id);

        await Assert.ThrowsAsync<ForbiddenException>(() => review.ActAsync(
            new AssignClaim { ClaimId = id, Version = version, AssigneeId = review.Checker.UserId!.Value, DueDate = desk.InDays(2) }, review.Checker));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.QueryAsync(new ListAssignees(), review.Checker));
        var row = Assert.Single((await desk.ListAsync(review.Checker)).Items);
        var outcome = await BulkAssignAsync(review.Checker, [row], review.Checker.UserId!.Value, desk.InDays(2));

        Assert.Empty(outcome.Assigned);
        Assert.Equal((id, BulkAssignFailure.Refused), (Assert.Single(outcome.Failed).ClaimId, outcome.Failed[0].Kind));
        Assert.Equal(("triaged", version), (await review.StatusAsync(id), await review.VersionAsync(id)));
    }

    [Fact]
    public async Task Bulk_assign_assigns_each_claim_by_its_own_command_and_reports_the_one_that_changed()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var review = desk.Review;
        var triaged = await desk.ClaimInStateAsync("triaged");
        var fresh = await desk.ClaimInStateAsync("new");
        var researching = await desk.ClaimInStateAsync("researching", review.Checker);
        var stale = await desk.ClaimInStateAsync("triaged");
        var rows = (await desk.ListAsync(review.Editor)).Items;
        await desk.AssignAsync(stale, review.Checker);

        var outcome = await BulkAssignAsync(review.Editor, rows, review.Checker2.UserId!.Value, desk.InDays(4));

        Assert.Equal([triaged, fresh, researching], Sorted(outcome.Assigned.Select(a => a.ClaimId)));
        var failure = Assert.Single(outcome.Failed);
        Assert.Equal((stale, BulkAssignFailure.Changed), (failure.ClaimId, failure.Kind));
        Assert.Contains("changed since you loaded it", failure.Reason, StringComparison.Ordinal);
        var after = (await desk.ListAsync(review.Editor)).Items.ToDictionary(r => r.Id);
        Assert.Equal("Sari Checker", after[triaged].Assignee);
        Assert.Equal(("assigned", "Sari Checker"), (after[fresh].Status, after[fresh].Assignee));
        Assert.Equal(("researching", "Sari Checker"), (after[researching].Status, after[researching].Assignee));
        Assert.Equal("Budi Checker", after[stale].Assignee);
        Assert.Equal(after[triaged].DueAt, after[researching].DueAt);
    }

    [Fact]
    public async Task The_assignee_list_has_active_checkers_and_editors_with_their_open_claims()
    {
        var desk = await QueueDesk.CreateAsync(App);
        var (_, _, newcomer) = await App.NewUserAsync(Roles.FactChecker);
        var (_, _, admin) = await App.NewUserAsync(Roles.Admin);
        await desk.ClaimInStateAsync("assigned", newcomer);

        var people = await App.QueryAsync(new ListAssignees(), desk.Review.Editor);

        var listed = Assert.Single(people, p => p.Id == newcomer.UserId);
        Assert.Equal((1, true), (listed.OpenClaims, listed.IsFactChecker));
        Assert.Contains(people, p => p.Id == desk.Review.Editor2.UserId && !p.IsFactChecker);
        Assert.DoesNotContain(people, p => p.Id == admin.UserId);
    }

    private async Task<BulkAssignOutcome> BulkAssignAsync(Actor actor, IReadOnlyCollection<QueueRow> rows, long assigneeId, DateOnly due)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        return await BulkAssign.RunAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), rows, assigneeId, due);
    }

    /// Five claims whose priority order and due-date order differ.
    private static async Task<(long LowSoon, long HighLate, long HighSoon, long NormalNoDue, long Untriaged)> SortingSetAsync(QueueDesk desk)
    {
        var untriaged = await desk.NewClaimAsync();
        var lowSoon = await desk.ClaimInStateAsync("assigned", priority: "low", due: desk.InDays(3));
        var highLate = await desk.ClaimInStateAsync("assigned", priority: "high", due: desk.InDays(5));
        var normalNoDue = await desk.ClaimInStateAsync("triaged", priority: "normal");
        var highSoon = await desk.ClaimInStateAsync("assigned", priority: "high", due: desk.InDays(2));
        return (lowSoon, highLate, highSoon, normalNoDue, untriaged);
    }

    private static List<long> Sorted(IEnumerable<long> ids) => ids.Order().ToList();
}
