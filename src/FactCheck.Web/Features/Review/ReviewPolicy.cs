using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Review;

/// The workflow's action names, as the API spells them.
public static class ReviewActions
{
    public const string Triage = "triage";
    public const string Reject = "reject";
    public const string Reopen = "reopen";
    public const string Assign = "assign";
    public const string Reassign = "reassign";
    public const string Start = "start";
    public const string Submit = "submit";
    public const string RequestChanges = "request-changes";
    public const string Approve = "approve";
    public const string Correct = "correct";
    public const string Amend = "amend";

    public static readonly IReadOnlyList<string> All = [Triage, Reject, Reopen, Assign, Reassign, Start, Submit, RequestChanges, Approve, Correct, Amend];

    /// States in which a claim is still being worked on.
    public static readonly IReadOnlyList<string> OpenStates = ["new", "triaged", "assigned", "researching", "in_review"];

    public static bool IsOpen(string status) => OpenStates.Contains(status);
}

public enum Refusal
{
    None,

    /// The caller's role or person may not take this action (403).
    Forbidden,

    /// The claim's state does not allow it now (409).
    Conflict,
}

public sealed record ReviewDecision(string Action, Refusal Refusal, string? Reason)
{
    public bool Allowed => Refusal == Refusal.None;
}

/// The one place that decides which workflow actions a person may take on a claim in its current state.
/// The claim page's buttons, the API's allowedActions and the mediator pipeline all ask it.
public sealed class ReviewPolicy(IOptions<FactCheckOptions> options, TimeProvider clock)
{
    public int ApprovalsNeeded => Math.Max(1, options.Value.Review.Approvals);

    public int LockDays => Math.Max(0, options.Value.Review.LockDays);

    /// The clock the policy judges by; the claim's deadline state is read against the same one.
    public TimeProvider Clock => clock;

    public IReadOnlyList<string> AllowedActions(ReviewState state, Actor actor) =>
        ReviewActions.All.Where(a => Decide(state, actor, a).Allowed).ToList();

    public IReadOnlyList<ReviewDecision> DecideAll(ReviewState state, Actor actor) =>
        ReviewActions.All.Select(a => Decide(state, actor, a)).ToList();

    public ReviewDecision Decide(ReviewState state, Actor actor, string action)
    {
        var editor = actor.IsInRole(Roles.Editor);
        var isAssignee = actor.UserId is { } me && state.AssigneeId == me;
        ReviewDecision Ok() => new(action, Refusal.None, null);
        ReviewDecision Forbid(string reason) => new(action, Refusal.Forbidden, reason);
        ReviewDecision Conflict(string reason) => new(action, Refusal.Conflict, reason);
        ReviewDecision NeedsEditor() => Forbid($"Only an editor can {Verb(action)}.");
        ReviewDecision WrongState(string expected) =>
            Conflict($"A claim that is {Describe(state.Status)} cannot be sent '{action}'; that needs a claim that is {expected}.");

        if (!actor.IsAuthenticated && !actor.IsSystem)
        {
            return Forbid("Sign in to work on claims.");
        }

        switch (action)
        {
            case ReviewActions.Triage:
                return !editor ? NeedsEditor() : state.Status == "new" ? Ok() : WrongState("new");
            case ReviewActions.Reject:
                return !editor ? NeedsEditor() : state.Status is "new" or "triaged" ? Ok() : WrongState("new or triaged");
            case ReviewActions.Reopen:
                return !editor ? NeedsEditor() : state.Status == "rejected" ? Ok() : WrongState("rejected");
            case ReviewActions.Assign:
                return !editor ? NeedsEditor() : state.Status == "triaged" ? Ok() : WrongState("triaged");
            case ReviewActions.Reassign:
                return !editor ? NeedsEditor() : ReviewActions.IsOpen(state.Status) ? Ok() : WrongState("open (new, triaged, assigned, researching or in review)");
            case ReviewActions.Start:
                if (!actor.IsInRole(Roles.FactChecker) && !editor)
                {
                    return Forbid("Only fact-checkers and editors work on claims.");
                }

                if (state.Status != "assigned")
                {
                    return WrongState("assigned");
                }

                return isAssignee ? Ok() : Forbid(NotAssignee(state));
            case ReviewActions.Submit:
                if (!actor.IsInRole(Roles.FactChecker) && !editor)
                {
                    return Forbid("Only fact-checkers and editors work on claims.");
                }

                if (state.Status != "researching")
                {
                    return WrongState("being researched");
                }

                return isAssignee ? Ok() : Forbid(NotAssignee(state));
            case ReviewActions.RequestChanges:
                if (!editor)
                {
                    return NeedsEditor();
                }

                if (state.Status != "in_review" || state.PendingVerdictId is null)
                {
                    return WrongState("in review");
                }

                return state.PendingAuthorId == actor.UserId
                    ? Forbid("Two-person rule: the author of a verdict cannot review it; another editor must.")
                    : Ok();
            case ReviewActions.Approve:
                if (!editor)
                {
                    return NeedsEditor();
                }

                if (state.Status != "in_review" || state.PendingVerdictId is null)
                {
                    return WrongState("in review");
                }

                if (state.PendingAuthorId == actor.UserId)
                {
                    return Forbid("Two-person rule: the author of a verdict can never approve it; another editor must.");
                }

                return actor.UserId is { } voter && state.Voters.Contains(voter)
                    ? Conflict($"You have already approved this verdict; it needs {ApprovalsNeeded - state.Voters.Count} more approval(s) from other editors.")
                    : Ok();
            case ReviewActions.Correct:
                return !editor ? NeedsEditor() : state.Status == "published" ? Ok() : WrongState("published");
            case ReviewActions.Amend:
                if (!editor)
                {
                    return NeedsEditor();
                }

                if (state.Status != "published" || state.PublishedAt is null)
                {
                    return WrongState("published");
                }

                var lockedAt = state.PublishedAt.Value.AddDays(LockDays);
                return clock.GetUtcNow() < lockedAt
                    ? Ok()
                    : Conflict($"This verdict was published more than {LockDays} days ago and is locked: change it with a public correction ('correct').");
            default:
                return Conflict($"'{action}' is not a workflow action. Known actions: {string.Join(", ", ReviewActions.All)}.");
        }
    }

    private static string NotAssignee(ReviewState state) =>
        state.AssigneeId is null ? "Nobody is assigned to this claim yet." : $"Only the claim's assignee ({state.AssigneeName}) can do this.";

    private static string Describe(string status) => status switch
    {
        "in_review" => "in review",
        "researching" => "being researched",
        _ => status,
    };

    private static string Verb(string action) => action switch
    {
        ReviewActions.RequestChanges => "request changes",
        ReviewActions.Approve => "approve a verdict",
        ReviewActions.Correct => "open a correction",
        ReviewActions.Amend => "amend a published verdict",
        _ => $"{action} a claim",
    };
}
