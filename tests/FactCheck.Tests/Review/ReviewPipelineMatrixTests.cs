using System.Text.Json;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

/// Every state × action × role through the real mediator pipeline (roles, validation, transaction, version and
/// policy checks), against the same hand-written table as the policy tests. Its own app, so it runs alongside
/// the shared-app tests.
public sealed class ReviewPipelineMatrixTests(ReviewPipelineMatrixTests.Fixture fixture) : IClassFixture<ReviewPipelineMatrixTests.Fixture>
{
    public static TheoryData<string, string, string> Cases => ReviewExpectations.Cases("Ed", "As", "Oc", "Ad");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Action_by_role_in_state_succeeds_or_is_refused_as_the_table_says(string state, string action, string person)
    {
        var review = fixture.Review;
        var actor = person switch
        {
            "Ed" => review.Editor,
            "As" => review.Checker,
            "Oc" => review.Checker2,
            "Ad" => review.Admin,
            _ => throw new ArgumentOutOfRangeException(nameof(person)),
        };
        var expected = ReviewExpectations.Expected(state, action, person);

        if (expected == Refusal.None)
        {
            await SucceedsAsync(review, state, action, actor);
        }
        else
        {
            await IsRefusedAsync(review, fixture.RefusedClaims[state], action, actor, expected);
        }
    }

    private static async Task SucceedsAsync(ReviewDriver review, string state, string action, Actor actor)
    {
        var id = await review.ClaimInStateAsync(state);
        var before = await review.SnapshotAsync(id);
        var lastAudit = await review.LastAuditIdAsync();

        var result = await review.ActAsync(review.Command(action, id, before.Version), actor);

        var after = await review.SnapshotAsync(id);
        var next = ReviewExpectations.After(state, action);
        Assert.Equal((id, next, before.Version + 1), (result.ClaimId, result.Status, result.Version));
        Assert.Equal((next, before.Version + 1), (after.Status, after.Version));

        // Exactly one audit row for the claim, written with the change, saying where it came from and went.
        var audit = Assert.Single(await review.AuditAfterAsync(id, lastAudit));
        Assert.Equal(review.Command(action, id, 0).GetType().Name, audit.Action);
        Assert.Equal(after.UpdatedAt, audit.At);
        Assert.Equal(actor.Name, audit.ActorName);
        Assert.Equal((state, before.Version), StatusAndVersion(audit.BeforeJson));
        Assert.Equal((next, before.Version + 1), StatusAndVersion(audit.AfterJson));
    }

    private static async Task IsRefusedAsync(ReviewDriver review, long id, string action, Actor actor, Refusal expected)
    {
        var before = await review.SnapshotAsync(id);

        var refused = await Record.ExceptionAsync(() => review.ActAsync(review.Command(action, id, before.Version), actor));

        Assert.IsType(expected == Refusal.Forbidden ? typeof(ForbiddenException) : typeof(ConflictException), refused);
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        if (refused is ConflictException conflict)
        {
            var current = Assert.IsType<CurrentClaimState>(conflict.Current);
            Assert.Equal((id, before.Status, before.Version), (current.Id, current.Status, current.Version));
            Assert.DoesNotContain(action, current.AllowedActions);
        }

        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    private static (string, long) StatusAndVersion(string? json)
    {
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        return (document.RootElement.GetProperty("status").GetString()!, document.RootElement.GetProperty("version").GetInt64());
    }

    /// One claim per state for the refused cases (a refusal changes nothing, so they can share it).
    public sealed class Fixture : IAsyncLifetime
    {
        public TestApp App { get; } = new TestApp().Start();

        public ReviewDriver Review { get; private set; } = null!;

        public Dictionary<string, long> RefusedClaims { get; } = [];

        public async Task InitializeAsync()
        {
            Review = await ReviewDriver.CreateAsync(App);
            foreach (var state in ReviewExpectations.States)
            {
                RefusedClaims[state] = await Review.ClaimInStateAsync(state);
            }
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }
}
