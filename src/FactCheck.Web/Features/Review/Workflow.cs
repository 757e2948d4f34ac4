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
    public static async Task<ClaimActionResult> MoveAsync(
        CommandContext context, ReviewState state, string status, string? setColumns, object? values, object? audit, CancellationToken ct)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("Status", status);
        parameters.Add("Now", context.Now);
        parameters.Add("Id", state.ClaimId);
        parameters.Add("Version", state.Version);
        var set = string.IsNullOrEmpty(setColumns) ? "" : setColumns + ",";
        var updated = await context.ExecuteAsync(
            $"""
            UPDATE claims SET {set}
                stage_started_at = CASE WHEN status <> @Status THEN @Now ELSE stage_started_at END,
                status = @Status, version = version + 1, updated_at = @Now
            WHERE id = @Id AND version = @Version
            """,
            parameters,
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
        await context.Get<Deadlines>().SyncAsync(context, state.ClaimId, ct);
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
