using System.Data.Common;
using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// What a command does to a recorded claim, beyond the workflow actions (those are ReviewPolicy's).
public enum ClaimChange
{
    Link,
    Unlink,
    Merge,
    Appearance,
    Evidence,
    Deadline,
    TipConversion,
    Edit,

    /// Comments and follows: any staff member may talk about any claim, whatever its state.
    Discussion,
}

/// One recorded claim a command changes. ViaLinkId: the claim is named by a link of ClaimId, and both of the link's
/// claims are changed (unlinking shows on both pages).
public readonly record struct ClaimTouch(long ClaimId, ClaimChange Change, long? ViaLinkId = null);

/// A command that changes recorded claims names them and how. ClaimChangeBehavior checks every one against
/// ClaimChangePolicy inside the command's transaction, before the handler runs; a reflection test fails for a command
/// that carries a claim id without implementing this (or IClaimAction).
public interface IChangesClaims
{
    IEnumerable<ClaimTouch> ClaimsTouched();
}

/// The one object-level rule for changes to a claim's record (links, merges, appearances, evidence): editors may change
/// any claim; a fact-checker only an open claim assigned to them, or a new claim they recorded that nobody has triaged
/// yet. What readers see (a claim in review or with a published verdict) changes only through an editor.
public sealed class ClaimChangePolicy
{
    public static readonly IReadOnlyList<ClaimChange> RecordChanges = [ClaimChange.Link, ClaimChange.Unlink, ClaimChange.Merge, ClaimChange.Appearance, ClaimChange.Evidence, ClaimChange.Edit];

    public ReviewDecision Decide(ReviewState state, Actor actor, ClaimChange change)
    {
        var action = Name(change);
        ReviewDecision Forbid(string reason) => new(action, Refusal.Forbidden, reason);
        if (change is ClaimChange.TipConversion or ClaimChange.Discussion)
        {
            return new(action, Refusal.None, null);
        }

        if (!actor.IsSystem && !actor.IsInRole(Roles.Editor) && !MayChange(state, actor, change))
        {
            return Forbid(Reason(state, change));
        }

        if (change == ClaimChange.Edit && EditConflict(state) is { } conflict)
        {
            return new(action, Refusal.Conflict, conflict);
        }

        // Evidence rests on an open claim's research; a published verdict's sources change only through a correction.
        if (change == ClaimChange.Evidence && !ReviewActions.IsOpen(state.Status))
        {
            return new(action, Refusal.Conflict, $"Claim #{state.ClaimId} is {state.Status.Replace('_', ' ')} and takes no new evidence.");
        }

        return new(action, Refusal.None, null);
    }

    /// The record changes (API names) the actor may make to the claim now: the claim page shows only these controls.
    public IReadOnlyList<string> Allowed(ReviewState state, Actor actor) =>
        RecordChanges.Where(c => Decide(state, actor, c).Allowed).Select(Name).ToList();

    /// The rule for someone who is not an editor.
    public static bool MayChange(ReviewState state, Actor actor, ClaimChange change)
    {
        if (actor.UserId is not { } me || !actor.IsInRole(Roles.FactChecker) || IsPublished(state, change) || !ReviewActions.IsOpen(state.Status) || state.Status == "in_review")
        {
            return false;
        }

        return state.AssigneeId == me || (state.Status == "new" && state.AssigneeId is null && state.CreatedBy == me);
    }

    public static string Name(ClaimChange change) => change.ToString().ToLowerInvariant();

    /// Even an editor does not rewrite a public page in place: a claim with a published verdict is edited while a
    /// correction is open, so readers get a correction notice. A merged claim lives on as the claim it was merged into.
    private static string? EditConflict(ReviewState state) => state.Status switch
    {
        "merged" => $"Claim #{state.ClaimId} was merged into another claim: correct that one.",
        "published" => $"Claim #{state.ClaimId} has a published verdict: open a correction first, so readers are told what changed.",
        _ => null,
    };

    /// Links and appearances show on the verdict page at once, even while a correction is researched; evidence shows
    /// only once a verdict cites it, so for evidence only the claim's state counts.
    private static bool IsPublished(ReviewState state, ClaimChange change) =>
        state.Status == "published" || (change != ClaimChange.Evidence && state.PublishedVerdictId is not null);

    private static string Reason(ReviewState state, ClaimChange change)
    {
        var what = change switch
        {
            ClaimChange.Link or ClaimChange.Unlink => "link or unlink",
            ClaimChange.Merge => "merge",
            ClaimChange.Appearance => "add appearances to",
            ClaimChange.Evidence => "change the evidence of",
            ClaimChange.Edit => "edit",
            _ => "change",
        };
        if (IsPublished(state, change) || state.Status == "in_review")
        {
            return $"Only an editor can {what} claim #{state.ClaimId}: it is {(state.Status == "in_review" ? "in review" : "published")}, and readers' pages change only through an editor.";
        }

        if (!ReviewActions.IsOpen(state.Status))
        {
            return $"Only an editor can {what} claim #{state.ClaimId}: it is {state.Status}.";
        }

        return state.AssigneeName is { } assignee
            ? $"Only the claim's assignee ({assignee}) or an editor can {what} claim #{state.ClaimId}."
            : $"Nobody is assigned to claim #{state.ClaimId}: only an editor (or, before triage, the person who recorded it) can {what} it.";
    }
}

/// Applies ClaimChangePolicy to every claim a command names, inside its transaction, so the state checked is the state
/// the handler changes. A claim that does not exist is left to the handler, which names the field at fault.
public sealed class ClaimChangeBehavior<TMessage, TResponse>(ClaimChangePolicy policy) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IChangesClaims, IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var touches = message.ClaimsTouched().Distinct().ToList();
        if (touches.Count > 0)
        {
            var context = CommandContext.Current;
            var claims = new List<(long ClaimId, ClaimChange Change)>();
            foreach (var touch in touches)
            {
                claims.AddRange((await ClaimsOfAsync(context, touch, cancellationToken)).Select(id => (id, touch.Change)));
            }

            var states = await ClaimChangeState.LoadAsync(context.Connection, context.Transaction, claims.Select(c => c.ClaimId), cancellationToken);
            foreach (var (claimId, change) in claims)
            {
                var decision = states.TryGetValue(claimId, out var state) ? policy.Decide(state, context.Actor, change) : null;
                if (decision is { Allowed: false })
                {
                    throw decision.Refusal == Refusal.Forbidden ? new ForbiddenException(decision.Reason!) : new ConflictException(decision.Reason!);
                }
            }
        }

        return await next(message, cancellationToken);
    }

    private static async Task<IEnumerable<long>> ClaimsOfAsync(CommandContext context, ClaimTouch touch, CancellationToken ct)
    {
        if (touch.ViaLinkId is not { } linkId)
        {
            return [touch.ClaimId];
        }

        var ends = (await context.QueryAsync<(long From, long To)>(
            "SELECT from_claim_id, to_claim_id FROM claim_links WHERE id = @linkId AND (from_claim_id = @ClaimId OR to_claim_id = @ClaimId)",
            new { linkId, touch.ClaimId },
            ct)).ToList();
        return ends.Count == 1 ? [ends[0].From, ends[0].To] : [touch.ClaimId];
    }
}

/// What ClaimChangePolicy reads of claims, in one query: their state, assignee, published verdict and who recorded them.
public static class ClaimChangeState
{
    public static async Task<Dictionary<long, ReviewState>> LoadAsync(
        DbConnection connection, DbTransaction? transaction, IEnumerable<long> claimIds, CancellationToken ct)
    {
        var ids = claimIds.Distinct().ToList();
        var states = await connection.QueryAsync<ReviewState>(new CommandDefinition(
            """
            SELECT c.id AS ClaimId, c.status AS Status, c.version AS Version, c.kind AS Kind, c.assignee_id AS AssigneeId,
                   u.display_name AS AssigneeName, c.assigned_by AS AssignedBy, c.published_verdict_id AS PublishedVerdictId, c.created_by AS CreatedBy
            FROM claims c LEFT JOIN users u ON u.id = c.assignee_id
            WHERE c.id IN @ids
            """,
            new { ids },
            transaction,
            cancellationToken: ct));
        return states.ToDictionary(s => s.ClaimId);
    }
}
