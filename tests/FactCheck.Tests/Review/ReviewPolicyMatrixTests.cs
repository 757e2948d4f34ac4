using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FactCheck.Tests.Review;

/// The review policy on its own, against the hand-written table in ReviewExpectations.
public sealed class ReviewPolicyMatrixTests
{
    private const long EditorId = 1, AssigneeId = 2, OtherCheckerId = 3, AdminId = 4, AuthorEditorId = 5, VoterId = 6;

    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, Actor> People = new()
    {
        ["Ed"] = Person(EditorId, Roles.Editor),
        ["As"] = Person(AssigneeId, Roles.FactChecker),
        ["Oc"] = Person(OtherCheckerId, Roles.FactChecker),
        ["Ad"] = Person(AdminId, Roles.Admin),
        ["Au"] = Person(AuthorEditorId, Roles.Editor),
        ["Vo"] = Person(VoterId, Roles.Editor),
    };

    public static TheoryData<string, string, string> Cases => ReviewExpectations.Cases([.. ReviewExpectations.People]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Policy_decides_as_the_table_says(string state, string action, string person)
    {
        var policy = Policy(new FakeTimeProvider(Now));

        var decision = policy.Decide(StateOf(state), People[person], action);

        Assert.Equal(ReviewExpectations.Expected(state, action, person), decision.Refusal);
        Assert.Equal(action, decision.Action);
        Assert.Equal(decision.Allowed, decision.Reason is null);
    }

    [Theory]
    [MemberData(nameof(StatesAndPeople))]
    public void Allowed_actions_are_exactly_the_allowed_rows_of_the_table(string state, string person)
    {
        var policy = Policy(new FakeTimeProvider(Now));

        var allowed = policy.AllowedActions(StateOf(state), People[person]);

        Assert.Equal(ReviewActions.All.Where(a => ReviewExpectations.Expected(state, a, person) == Refusal.None), allowed);
    }

    public static TheoryData<string, string> StatesAndPeople()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in ReviewExpectations.States)
        {
            foreach (var person in ReviewExpectations.People)
            {
                data.Add(state, person);
            }
        }

        return data;
    }

    [Fact]
    public void Amend_is_allowed_until_the_instant_the_lock_days_run_out_and_correct_stays_allowed_after()
    {
        var clock = new FakeTimeProvider(Now);
        var policy = Policy(clock);
        var published = StateOf("published") with { PublishedAt = Now };
        var editor = People["Ed"];
        Assert.Equal(14, policy.LockDays);

        clock.SetUtcNow(Now.AddDays(14).AddTicks(-1));
        Assert.True(policy.Decide(published, editor, ReviewActions.Amend).Allowed);

        clock.SetUtcNow(Now.AddDays(14));
        var locked = policy.Decide(published, editor, ReviewActions.Amend);
        Assert.Equal(Refusal.Conflict, locked.Refusal);
        Assert.Contains("locked", locked.Reason, StringComparison.Ordinal);
        Assert.True(policy.Decide(published, editor, ReviewActions.Correct).Allowed);
    }

    [Fact]
    public void Lock_days_come_from_the_settings()
    {
        var clock = new FakeTimeProvider(Now.AddDays(2).AddTicks(-1));
        var options = new FactCheckOptions();
        options.Review.LockDays = 2;
        var policy = new ReviewPolicy(Options.Create(options), clock);
        var published = StateOf("published") with { PublishedAt = Now };

        Assert.Equal(2, policy.LockDays);
        Assert.Equal(Refusal.None, policy.Decide(published, People["Ed"], ReviewActions.Amend).Refusal);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(Refusal.Conflict, policy.Decide(published, People["Ed"], ReviewActions.Amend).Refusal);
    }

    [Fact]
    public void A_reader_who_is_not_signed_in_may_take_no_action_anywhere()
    {
        var policy = Policy(new FakeTimeProvider(Now));

        foreach (var state in ReviewExpectations.States)
        {
            Assert.All(policy.DecideAll(StateOf(state), Actor.Anonymous), d => Assert.Equal(Refusal.Forbidden, d.Refusal));
        }
    }

    [Fact]
    public void An_unknown_action_is_refused_as_a_conflict_that_names_the_known_ones()
    {
        var decision = Policy(new FakeTimeProvider(Now)).Decide(StateOf("new"), People["Ed"], "publish");

        Assert.Equal(Refusal.Conflict, decision.Refusal);
        Assert.Contains("triage", decision.Reason, StringComparison.Ordinal);
    }

    private static ReviewPolicy Policy(TimeProvider clock) => new(Options.Create(new FactCheckOptions()), clock);

    private static Actor Person(long id, string role) => new(id, $"user{id}", new HashSet<string> { role });

    /// A claim in each state as the database would describe it: assigned to As from "assigned" on; in review with
    /// a verdict by Au that Vo has approved; published (with Au's verdict) an hour before Now.
    private static ReviewState StateOf(string status) => status switch
    {
        "new" or "triaged" or "rejected" => new ReviewState(10, status, 3, "event", null, null, null, null, null, null, null),
        "assigned" or "researching" => new ReviewState(10, status, 3, "event", AssigneeId, "Assignee", EditorId, null, null, null, null),
        "in_review" => new ReviewState(10, status, 3, "event", AssigneeId, "Assignee", EditorId, null, null, 77, AuthorEditorId)
        {
            Voters = new HashSet<long> { VoterId },
        },
        "published" => new ReviewState(10, status, 3, "event", AssigneeId, "Assignee", EditorId, 77, Now.AddHours(-1), null, null),
        "merged" => new ReviewState(10, status, 3, "event", AssigneeId, "Assignee", EditorId, null, null, null, null),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
