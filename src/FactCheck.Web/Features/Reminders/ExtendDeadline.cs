using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Features.Reminders;

/// An editor moves the deadline of a claim's current stage. The reminder ladder starts again from the new
/// deadline, so the assignee is told "due soon" and "overdue" for it, once each.
[AllowRoles(Roles.Editor)]
public sealed record ExtendDeadline : ICommand<ClaimActionResult>, IValidatableObject, Claims.IChangesClaims
{
    public long ClaimId { get; init; }

    [Range(1, long.MaxValue, ErrorMessage = "Give the version of the claim you last saw.")]
    public long Version { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateOnly? DueDate { get; init; }

    [StringLength(2000)]
    public string? Reason { get; init; }

    public IEnumerable<Claims.ClaimTouch> ClaimsTouched() => [new(ClaimId, Claims.ClaimChange.Deadline)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Workflow.ValidateDue(validationContext, DueAt, DueDate, required: true);
}

public sealed class ExtendDeadlineHandler(IOptions<FactCheckOptions> options, Deadlines deadlines)
    : ICommandHandler<ExtendDeadline, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(ExtendDeadline command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = await ReviewState.LoadAsync(context, command.ClaimId, cancellationToken)
            ?? throw new NotFoundException($"Claim {command.ClaimId} does not exist.");
        if (state.Version != command.Version)
        {
            throw new ConflictException($"Claim {state.ClaimId} changed since you loaded it (now version {state.Version}). Reload it and try again.");
        }

        var before = await OpenLadderAsync(context, command.ClaimId, cancellationToken)
            ?? throw new ConflictException("This claim has no running deadline: only claims being researched or in review have one.");
        var due = NewsroomTime.Of(options.Value.TimeZone).ResolveDue(command.DueAt, command.DueDate)!.Value;

        // The research deadline is the claim's due date; a review deadline belongs to the review stage only.
        var set = before.Stage == "verdict" ? "due_at = @due," : "";
        await context.ExecuteAsync(
            $"UPDATE claims SET {set} version = version + 1, updated_at = @Now WHERE id = @ClaimId AND version = @Version",
            new { due, context.Now, command.ClaimId, command.Version },
            cancellationToken);
        await deadlines.SyncAsync(context, command.ClaimId, cancellationToken, dueOverride: due);
        context.Audit("claim", command.ClaimId, new { Stage = before.Stage, DueAt = before.DueAt }, new { Stage = before.Stage, DueAt = due, command.Reason });
        return new ClaimActionResult(state.ClaimId, state.Status, state.Version + 1);
    }

    internal static Task<OpenLadder?> OpenLadderAsync(CommandContext context, long claimId, CancellationToken ct) =>
        context.QuerySingleOrDefaultAsync<OpenLadder>(
            "SELECT id AS Id, stage AS Stage, due_at AS DueAt, snoozed_until AS SnoozedUntil FROM ladders WHERE claim_id = @claimId AND ended_at IS NULL",
            new { claimId },
            ct);

    internal sealed record OpenLadder(long Id, string Stage, DateTimeOffset DueAt, DateTimeOffset? SnoozedUntil);
}
