using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Queue;

/// Gives several queue claims to one person. Not a command of its own: each claim gets its own AssignClaim (triaged)
/// or ReassignClaim (any other open state) with the version the editor saw, so a claim that changed meanwhile, or that
/// the policy refuses, fails alone with its reason while the others are assigned.
public static class BulkAssign
{
    public static async Task<BulkAssignOutcome> RunAsync(
        IMediator mediator, IReadOnlyCollection<QueueRow> claims, long assigneeId, DateOnly? dueDate, CancellationToken cancellationToken = default)
    {
        var assigned = new List<ClaimActionResult>();
        var failed = new List<BulkAssignFailure>();
        foreach (var claim in claims)
        {
            try
            {
                assigned.Add(claim.Status == "triaged"
                    ? await mediator.Send(new AssignClaim { ClaimId = claim.Id, Version = claim.Version, AssigneeId = assigneeId, DueDate = dueDate }, cancellationToken)
                    : await mediator.Send(new ReassignClaim { ClaimId = claim.Id, Version = claim.Version, AssigneeId = assigneeId, DueDate = dueDate }, cancellationToken));
            }
            catch (ConflictException ex)
            {
                failed.Add(new BulkAssignFailure(claim.Id, claim.Title, BulkAssignFailure.Changed, ex.Message));
            }
            catch (ValidationFailedException ex)
            {
                failed.Add(new BulkAssignFailure(claim.Id, claim.Title, BulkAssignFailure.Invalid, string.Join(" ", ex.Errors.SelectMany(e => e.Value))));
            }
            catch (Exception ex) when (ex is ForbiddenException or NotAuthenticatedException or NotFoundException)
            {
                failed.Add(new BulkAssignFailure(claim.Id, claim.Title, BulkAssignFailure.Refused, ex.Message));
            }
        }

        return new BulkAssignOutcome(assigned, failed);
    }
}

public sealed record BulkAssignOutcome(IReadOnlyList<ClaimActionResult> Assigned, IReadOnlyList<BulkAssignFailure> Failed);

/// Kind says why in one word: changed (someone acted on the claim since the page loaded it), invalid, or refused.
public sealed record BulkAssignFailure(long ClaimId, string Title, string Kind, string Reason)
{
    public const string Changed = "changed";
    public const string Invalid = "invalid";
    public const string Refused = "refused";
}
