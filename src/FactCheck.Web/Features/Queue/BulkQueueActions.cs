using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Queue;

/// Bulk triage, reject and tag beside bulk assign: like BulkAssign, no command of its own. Each ticked claim gets its
/// own command with the version the editor saw, so a claim that changed meanwhile, or that the rules refuse, fails
/// alone with its reason while the others go through.
public static class BulkQueueActions
{
    public static Task<BulkOutcome> TriageAsync(IMediator mediator, IReadOnlyCollection<QueueRow> claims, string priority, DateOnly? dueDate, CancellationToken ct = default) =>
        RunAsync(claims, claim => mediator.Send(new TriageClaim { ClaimId = claim.Id, Version = claim.Version, Priority = priority, DueDate = dueDate }, ct).AsTask());

    public static Task<BulkOutcome> RejectAsync(IMediator mediator, IReadOnlyCollection<QueueRow> claims, string reason, CancellationToken ct = default) =>
        RunAsync(claims, claim => mediator.Send(new RejectClaim { ClaimId = claim.Id, Version = claim.Version, Reason = reason }, ct).AsTask());

    /// Adds a topic to each claim (an edit of the claim, with the version the queue showed).
    public static Task<BulkOutcome> TagAsync(IMediator mediator, IReadOnlyCollection<QueueRow> claims, string topic, CancellationToken ct = default) =>
        RunAsync(claims, async claim =>
        {
            var edit = EditClaim.From(await mediator.Send(new GetClaim(claim.Id), ct));
            if (edit.Version != claim.Version)
            {
                throw new ConflictException($"Claim #{claim.Id} changed since the queue was loaded (now version {edit.Version}).");
            }

            await mediator.Send(edit with { Topics = [.. edit.Topics, topic] }, ct);
        });

    private static async Task<BulkOutcome> RunAsync(IReadOnlyCollection<QueueRow> claims, Func<QueueRow, Task> act)
    {
        var done = new List<long>();
        var failed = new List<BulkAssignFailure>();
        foreach (var claim in claims)
        {
            try
            {
                await act(claim);
                done.Add(claim.Id);
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

        return new BulkOutcome(done, failed);
    }
}

/// Done: the claims the action changed; Failed: the others, each with why.
public sealed record BulkOutcome(IReadOnlyList<long> Done, IReadOnlyList<BulkAssignFailure> Failed);
