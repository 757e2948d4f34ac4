using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Features.Review;

/// An editor accepts a new claim for checking, with a priority and optionally a due date.
[AllowRoles(Roles.Editor)]
public sealed record TriageClaim : ClaimActionCommand, IValidatableObject
{
    [Required(ErrorMessage = "Choose a priority: high, normal or low.")]
    [RegularExpression("^(high|normal|low)$", ErrorMessage = "Priority is high, normal or low.")]
    public string Priority { get; init; } = "";

    public DateTimeOffset? DueAt { get; init; }

    public DateOnly? DueDate { get; init; }

    [StringLength(2000)]
    public string? Comment { get; init; }

    [JsonIgnore]
    public override string Action => ReviewActions.Triage;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Workflow.ValidateDue(validationContext, DueAt, DueDate, required: false);
}

/// An editor decides a new or triaged claim will not be checked (opinion, not checkable, out of scope…).
[AllowRoles(Roles.Editor)]
public sealed record RejectClaim : ClaimActionCommand
{
    [Required(ErrorMessage = "Say why the claim will not be checked.")]
    [StringLength(2000, MinimumLength = 3, ErrorMessage = "Give a reason of 3 to 2000 characters.")]
    public string Reason { get; init; } = "";

    [JsonIgnore]
    public override string Action => ReviewActions.Reject;
}

/// An editor takes back a rejection: the claim is new again.
[AllowRoles(Roles.Editor)]
public sealed record ReopenClaim : ClaimActionCommand
{
    [StringLength(2000)]
    public string? Comment { get; init; }

    [JsonIgnore]
    public override string Action => ReviewActions.Reopen;
}

public sealed class TriageClaimHandler(IOptions<FactCheckOptions> options, Deadlines deadlines)
    : ICommandHandler<TriageClaim, ClaimActionResult>, ICommandHandler<RejectClaim, ClaimActionResult>, ICommandHandler<ReopenClaim, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(TriageClaim command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var due = NewsroomTime.Of(options.Value.TimeZone).ResolveDue(command.DueAt, command.DueDate);
        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        await context.ExecuteAsync(
            "UPDATE claims SET priority = @Priority, due_at = @Due, rejection_reason = NULL WHERE id = @ClaimId",
            new { command.Priority, Due = due, command.ClaimId },
            cancellationToken);
        return await Workflow.MoveAsync(context, deadlines, state, "triaged", new { command.Priority, DueAt = due, command.Comment }, cancellationToken);
    }

    public async ValueTask<ClaimActionResult> Handle(RejectClaim command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var reason = command.Reason.Trim();
        if (await Claims.PublicAddress.PublicMergesIntoAsync(context, command.ClaimId, cancellationToken) is { Count: > 0 } merged)
        {
            throw new ConflictException(
                $"Readers' links to claim{(merged.Count == 1 ? "" : "s")} {string.Join(", ", merged.Select(m => $"#{m}"))} lead to this claim, which was merged into it: "
                + "rejecting it would break them. Remove the same-as link first if the merge was a mistake.");
        }

        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        await context.ExecuteAsync(
            "UPDATE claims SET rejection_reason = @Reason, due_at = NULL WHERE id = @ClaimId", new { Reason = reason, command.ClaimId }, cancellationToken);
        return await Workflow.MoveAsync(context, deadlines, state, "rejected", new { Reason = reason }, cancellationToken);
    }

    public async ValueTask<ClaimActionResult> Handle(ReopenClaim command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        await context.ExecuteAsync("UPDATE claims SET rejection_reason = NULL WHERE id = @ClaimId", new { command.ClaimId }, cancellationToken);
        return await Workflow.MoveAsync(context, deadlines, state, "new", new { command.Comment }, cancellationToken);
    }
}
