using System.Collections.Concurrent;
using FactCheck.Tests.Review;
using FactCheck.Tests.Verdicts;
using FactCheck.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Postgres;

/// Two nodes on one PostgreSQL database (the server pg_virtualenv gives the test run): a change committed on node A
/// reaches node B's live pages and evicts B's cached public page, through LISTEN/NOTIFY.
public sealed class PostgresFanOutTests : IAsyncLifetime
{
    private string connectionString = "";
    private TestApp nodeA = null!;
    private TestApp nodeB = null!;

    public async Task InitializeAsync()
    {
        connectionString = await TestDatabase.CreatePostgresAsync();
        var settings = new Dictionary<string, string?> { ["FactCheck:Database:Provider"] = "postgres", ["ConnectionStrings:FactCheck"] = connectionString };
        nodeA = new TestApp(settings: settings).Start();
        nodeB = new TestApp(settings: settings).Start();
        await nodeA.Services.GetRequiredService<PostgresChangeListener>().Ready.WaitAsync(TimeSpan.FromSeconds(10));
        await nodeB.Services.GetRequiredService<PostgresChangeListener>().Ready.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        nodeA.Dispose();
        nodeB.Dispose();
        await TestDatabase.DropPostgresAsync(connectionString);
    }

    private static ConcurrentQueue<long> Hear(TestApp node, long claimId, int expected, TaskCompletionSource done)
    {
        var heard = new ConcurrentQueue<long>();
        node.Services.GetRequiredService<ClaimChangeNotifier>().Changed += ids =>
        {
            if (ids.Contains(claimId))
            {
                heard.Enqueue(claimId);
                if (heard.Count >= expected)
                {
                    done.TrySetResult();
                }
            }

            return Task.CompletedTask;
        };
        return heard;
    }

    [Fact]
    public async Task A_change_on_node_a_is_raised_on_node_b_once_and_node_a_ignores_its_own_echo()
    {
        var review = await ReviewDriver.CreateAsync(nodeA);
        var id = await review.NewClaimAsync();
        var heardOnA = Hear(nodeA, id, int.MaxValue, new TaskCompletionSource());
        var heardOnB = Hear(nodeB, id, int.MaxValue, new TaskCompletionSource());

        await review.TriageAsync(id);
        await review.AssignAsync(id);

        // B hears every change A announces, each once; had A also raised its own echo, A would count twice B's.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (heardOnB.Count != heardOnA.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(heardOnA.Count >= 2, $"A raised {heardOnA.Count} changes");
        Assert.Equal(heardOnA.Count, heardOnB.Count);
    }

    [Fact]
    public async Task A_verdict_approved_on_node_a_replaces_the_page_node_b_had_cached()
    {
        var flow = await VerdictWorkflow.CreateAsync(nodeA);
        var claim = await flow.SubmitAsync();
        await flow.MoveToAsync(claim.Id, "in_review");
        await PublicPage.GetAsync(nodeB, PublicPage.Url(claim.Slug));
        Assert.True((await PublicPage.GetAsync(nodeB, PublicPage.Url(claim.Slug))).FromCache);
        var evictedOnB = new TaskCompletionSource();
        Hear(nodeB, claim.Id, 1, evictedOnB);

        await flow.Review.ApproveAsync(claim.Id);
        await evictedOnB.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var page = await PublicPage.GetAsync(nodeB, PublicPage.Url(claim.Slug));

        Assert.False(page.FromCache);
        Assert.Equal("False", page.RatingLabel);
    }
}
