using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

/// The object-level rule for changes to a claim's record, on its own: editors change anything; a fact-checker only an
/// open claim assigned to them (or a new one they recorded themselves); nobody but an editor touches a claim in review or
/// with a published verdict; evidence only while the claim is open.
public sealed class ClaimChangePolicyTests
{
    private const long EditorId = 1, AssigneeId = 2, OtherCheckerId = 3, AdminId = 4;

    private static readonly Dictionary<string, Actor> People = new()
    {
        ["editor"] = new(EditorId, "ed", new HashSet<string> { Roles.Editor }),
        ["assignee"] = new(AssigneeId, "as", new HashSet<string> { Roles.FactChecker }),
        ["other checker"] = new(OtherCheckerId, "oc", new HashSet<string> { Roles.FactChecker }),
        ["admin"] = new(AdminId, "ad", new HashSet<string> { Roles.Admin }),
        ["system"] = Actor.System,
    };

    private static ReviewState State(string status, long? assignee = AssigneeId, long? publishedVerdict = null, long? createdBy = OtherCheckerId) =>
        new(10, status, 3, "event", assignee, assignee is null ? null : "Assignee", EditorId, publishedVerdict, null, null, null) { CreatedBy = createdBy };

    public static TheoryData<string, string, string, Refusal> Cases()
    {
        var data = new TheoryData<string, string, string, Refusal>();
        foreach (var change in new[] { "link", "unlink", "merge", "appearance" })
        {
            data.Add("researching", change, "assignee", Refusal.None);
            data.Add("researching", change, "other checker", Refusal.Forbidden);
            data.Add("researching", change, "editor", Refusal.None);
            data.Add("researching", change, "admin", Refusal.Forbidden);
            data.Add("in_review", change, "assignee", Refusal.Forbidden);
            data.Add("in_review", change, "editor", Refusal.None);
            data.Add("published", change, "assignee", Refusal.Forbidden);
            data.Add("published", change, "editor", Refusal.None);
            data.Add("published", change, "system", Refusal.None);
            // A correction being researched: the published verdict, with its links and appearances, is on the page.
            data.Add("correcting", change, "assignee", Refusal.Forbidden);
            data.Add("correcting", change, "editor", Refusal.None);
            data.Add("rejected", change, "assignee", Refusal.Forbidden);
            data.Add("merged", change, "editor", Refusal.None);
            data.Add("new, recorded by me", change, "other checker", Refusal.None);
            data.Add("new, recorded by someone else", change, "assignee", Refusal.Forbidden);
            data.Add("triaged, recorded by me", change, "other checker", Refusal.Forbidden);
        }

        data.Add("researching", "evidence", "assignee", Refusal.None);
        data.Add("researching", "evidence", "other checker", Refusal.Forbidden);
        data.Add("in_review", "evidence", "assignee", Refusal.Forbidden);
        data.Add("in_review", "evidence", "editor", Refusal.None);
        data.Add("correcting", "evidence", "assignee", Refusal.None);
        data.Add("published", "evidence", "assignee", Refusal.Forbidden);
        data.Add("published", "evidence", "editor", Refusal.Conflict);
        data.Add("rejected", "evidence", "editor", Refusal.Conflict);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_the_table_says(string state, string change, string person, Refusal expected)
    {
        var claim = state switch
        {
            "correcting" => State("researching", publishedVerdict: 77),
            "published" => State("published", publishedVerdict: 77),
            "new, recorded by me" => State("new", assignee: null, createdBy: OtherCheckerId),
            "new, recorded by someone else" => State("new", assignee: null, createdBy: EditorId),
            "triaged, recorded by me" => State("triaged", assignee: null, createdBy: OtherCheckerId),
            _ => State(state),
        };

        var decision = new ClaimChangePolicy().Decide(claim, People[person], Enum.Parse<ClaimChange>(change, ignoreCase: true));

        Assert.Equal(expected, decision.Refusal);
        Assert.Equal(decision.Allowed, decision.Reason is null);
    }

    [Fact]
    public void A_refusal_says_who_may_make_the_change()
    {
        var policy = new ClaimChangePolicy();

        Assert.Contains("Only an editor", policy.Decide(State("published", publishedVerdict: 77), People["assignee"], ClaimChange.Merge).Reason, StringComparison.Ordinal);
        Assert.Contains("assignee (Assignee)", policy.Decide(State("researching"), People["other checker"], ClaimChange.Link).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_claim_page_is_offered_exactly_the_changes_the_pipeline_allows()
    {
        var policy = new ClaimChangePolicy();

        Assert.Equal(["link", "unlink", "merge", "appearance", "evidence", "edit"], policy.Allowed(State("researching"), People["assignee"]));
        Assert.Empty(policy.Allowed(State("researching"), People["other checker"]));
        Assert.Empty(policy.Allowed(State("published", publishedVerdict: 77), People["assignee"]));
        Assert.Equal(["link", "unlink", "merge", "appearance"], policy.Allowed(State("published", publishedVerdict: 77), People["editor"]));
        Assert.Contains("edit", policy.Allowed(State("researching", publishedVerdict: 77), People["editor"]));
    }
}
