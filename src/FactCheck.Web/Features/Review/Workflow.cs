using System.ComponentModel.DataAnnotations;
using Dapper;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Clock;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Review;

/// What every workflow handler does to the claim row: set its new state and columns, bump its version (guarded
/// by the version the policy checked), restart the stage clock when the state changes, and audit before/after.
internal static class Workflow
{
    /// A handler that also sets columns of its own (priority, assignee, due date…) updates them with its own SQL
    /// first, in the same transaction; a version conflict here rolls that back too.
    public static async Task<ClaimActionResult> MoveAsync(
        CommandContext context, Deadlines deadlines, ReviewState state, string status, object? audit, CancellationToken ct)
    {
        var updated = await context.ExecuteAsync(
            """
            UPDATE claims SET
                stage_started_at = CASE WHEN status <> @Status THEN @Now ELSE stage_started_at END,
                status = @Status, version = version + 1, updated_at = @Now
            WHERE id = @Id AND version = @Version
            """,
            new { Status = status, context.Now, Id = state.ClaimId, state.Version },
            ct);
        if (updated != 1)
        {
            throw new ConflictException($"Claim {state.ClaimId} changed while this action was being saved. Reload it and try again.");
        }

        context.Audit(
            "claim",
            state.ClaimId,
            new { state.Status, state.Version },
            new { Status = status, Version = state.Version + 1, Details = audit });
        await deadlines.SyncAsync(context, state.ClaimId, ct);
        return new ClaimActionResult(state.ClaimId, status, state.Version + 1);
    }

    public static IEnumerable<ValidationResult> ValidateDue(ValidationContext context, DateTimeOffset? dueAt, DateOnly? dueDate, bool required)
    {
        if (dueAt is not null && dueDate is not null)
        {
            yield return new ValidationResult("Give either a due time (dueAt) or a due date (dueDate), not both.", ["DueAt"]);
            yield break;
        }

        if (dueAt is null && dueDate is null)
        {
            if (required)
            {
                yield return new ValidationResult("Give a due date.", ["DueDate"]);
            }

            yield break;
        }

        var options = (Microsoft.Extensions.Options.IOptions<FactCheckOptions>?)context.GetService(typeof(Microsoft.Extensions.Options.IOptions<FactCheckOptions>));
        var clock = (TimeProvider?)context.GetService(typeof(TimeProvider)) ?? TimeProvider.System;
        var due = NewsroomTime.Of(options?.Value.TimeZone ?? "UTC").ResolveDue(dueAt, dueDate);
        if (due <= clock.GetUtcNow())
        {
            yield return new ValidationResult("The due date must be in the future.", [dueAt is null ? "DueDate" : "DueAt"]);
        }
    }
}
