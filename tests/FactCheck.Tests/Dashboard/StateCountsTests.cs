using FactCheck.Tests.Queue;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Dashboard;

namespace FactCheck.Tests.Dashboard;

/// The per-state counts migration 0014's triggers keep must always equal counting the claims themselves: the
/// dashboard's closed-state numbers are read from them.
public sealed class StateCountsTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Counts_kept_by_triggers_equal_a_recount_through_recording_review_publication_merge_and_unmerge()
    {
        await AssertCountsMatchAsync();
        var desk = await QueueDesk.CreateAsync(app);
        var published = await desk.ClaimInStateAsync("in_review", desk.Review.Checker);
        await desk.Review.ApproveAsync(published, desk.Review.Editor2);
        var english = await desk.NewClaimAsync(language: "en");
        var duplicate = await desk.NewClaimAsync(title: "The same claim again");
        await desk.TriageAsync(english);
        var link = await app.SendAsync(new LinkClaims { FromClaimId = duplicate, ToClaimId = english, Relation = "same-as" }, desk.Review.Editor);
        await AssertCountsMatchAsync();

        await app.SendAsync(new UnlinkClaims(duplicate, link), desk.Review.Editor);
        await AssertCountsMatchAsync();
        Assert.Equal(1, await app.ScalarAsync<long>(
            "SELECT claims FROM topic_state_counts WHERE topic = @Topic AND status = 'published'", new { desk.Topic }));
    }

    [Fact]
    public async Task Closed_states_for_a_topic_a_language_or_both_count_the_claims_they_filter()
    {
        var desk = await QueueDesk.CreateAsync(app);
        var published = await desk.ClaimInStateAsync("in_review", desk.Review.Checker);
        await desk.Review.ApproveAsync(published, desk.Review.Editor2);
        var english = await desk.NewClaimAsync(language: "en");
        await app.SendAsync(new LinkClaims { FromClaimId = english, ToClaimId = published, Relation = "same-as" }, desk.Review.Editor);

        foreach (var (topic, language) in new (string?, string?)[] { (desk.Topic, null), (desk.Topic, "en"), (null, "en"), (null, null) })
        {
            var dashboard = await app.QueryAsync(new GetDeskDashboard(new DashboardFilter { Topic = topic, Language = language }), desk.Review.Editor);
            foreach (var status in DeskHistory.Closed)
            {
                var expected = await app.ScalarAsync<long>(
                    """
                    SELECT count(*) FROM claims c
                    WHERE c.status = @status AND (@language IS NULL OR c.language = @language)
                      AND (@topic IS NULL OR EXISTS (SELECT 1 FROM claim_topics t WHERE t.claim_id = c.id AND t.topic = @topic))
                    """,
                    new { status, language, topic });
                Assert.Equal(expected, dashboard.States.Single(s => s.Status == status).Count);
            }
        }
    }

    private async Task AssertCountsMatchAsync()
    {
        var kept = await app.RowsAsync<(string Status, string Language, long Claims)>(
            "SELECT status, language, claims FROM claim_state_counts WHERE claims <> 0 ORDER BY status, language");
        var counted = await app.RowsAsync<(string Status, string Language, long Claims)>(
            "SELECT status, language, count(*) FROM claims GROUP BY status, language ORDER BY status, language");
        Assert.Equal(counted, kept);

        var keptTopics = await app.RowsAsync<(string Topic, string Status, long Claims)>(
            "SELECT lower(topic), status, claims FROM topic_state_counts WHERE claims <> 0 ORDER BY 1, 2");
        var countedTopics = await app.RowsAsync<(string Topic, string Status, long Claims)>(
            "SELECT lower(t.topic), c.status, count(*) FROM claim_topics t JOIN claims c ON c.id = t.claim_id GROUP BY lower(t.topic), c.status ORDER BY 1, 2");
        Assert.Equal(countedTopics, keptTopics);
    }
}
