using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Queue;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Queue;

/// Claims of one test, all under a topic of their own: filtering the queue by it shows exactly this test's claims,
/// whatever other tests left in the shared database.
public sealed class QueueDesk
{
    private QueueDesk(TestApp app, ReviewDriver review)
    {
        App = app;
        Review = review;
    }

    public TestApp App { get; }

    public ReviewDriver Review { get; }

    public string Topic { get; } = "desk-" + Guid.NewGuid().ToString("N")[..10];

    public string ClaimantName => $"Queue Test Office {Topic}";

    public static async Task<QueueDesk> CreateAsync(TestApp app) => new(app, await ReviewDriver.CreateAsync(app));

    public DateOnly InDays(int days) => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(days);

    public async Task<long> NewClaimAsync(string title = "A claim in the queue", string language = "id", string? claimant = null) =>
        (await App.SendAsync(
            new SubmitClaim
            {
                Title = title,
                Text = $"Pasukan menembaki desa di perbatasan {Guid.NewGuid():N}",
                Language = language,
                ClaimantName = claimant ?? ClaimantName,
                ClaimantKind = "government",
                Kind = "event",
                Topics = [Topic],
            },
            Review.Checker)).Id;

    public async Task TriageAsync(long id, string priority = "normal", DateOnly? due = null) =>
        await Review.ActAsync(new TriageClaim { ClaimId = id, Version = await Review.VersionAsync(id), Priority = priority, DueDate = due }, Review.Editor);

    public async Task AssignAsync(long id, Actor to, DateOnly? due = null) =>
        await Review.ActAsync(
            new AssignClaim { ClaimId = id, Version = await Review.VersionAsync(id), AssigneeId = to.UserId!.Value, DueDate = due ?? InDays(2) }, Review.Editor);

    /// A fresh claim of this desk in the given open state; assigned ones go to (and are worked on by) the given person.
    public async Task<long> ClaimInStateAsync(string state, Actor? assignee = null, string priority = "normal", DateOnly? due = null, string title = "A claim in the queue")
    {
        var id = await NewClaimAsync(title);
        if (state == "new")
        {
            return id;
        }

        await TriageAsync(id, priority);
        if (state == "triaged")
        {
            return id;
        }

        var worker = assignee ?? Review.Checker;
        await AssignAsync(id, worker, due);
        if (state == "assigned")
        {
            return id;
        }

        await Review.StartAsync(id, worker);
        if (state == "researching")
        {
            return id;
        }

        await Review.AddEvidenceAsync(id, worker);
        await Review.SubmitAsync(id, by: worker);
        return state == "in_review" ? id : throw new ArgumentOutOfRangeException(nameof(state), state, "Not an open state.");
    }

    public ListQueue Query(string tab = QueueTabs.All, string sort = QueueTabs.PrioritySort) => new() { Tab = tab, Sort = sort, Topic = Topic };

    public async Task<QueuePage> ListAsync(Actor actor, string tab = QueueTabs.All, string sort = QueueTabs.PrioritySort) =>
        await App.QueryAsync(Query(tab, sort), actor);

    public async Task<List<long>> IdsAsync(Actor actor, string tab = QueueTabs.All, string sort = QueueTabs.PrioritySort) =>
        (await ListAsync(actor, tab, sort)).Items.Select(r => r.Id).ToList();
}
