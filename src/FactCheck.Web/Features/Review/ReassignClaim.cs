using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Features.Review;

/// An editor hands an open claim to someone else (or, for a claim nobody has yet, assigns it); the state is
/// kept, so research and a verdict in review carry on with the new assignee. The due date follows assign's rule.
[AllowRoles(Roles.Editor)]
public sealed record ReassignClaim : ClaimActionCommand, IValidatableObject
{
    [Range(1, long.MaxValue, ErrorMessage = "Choose the fact-checker to assign.")]
    public long AssigneeId { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateOnly? DueDate { get; init; }

    [StringLength(2000)]
    public string? Comment { get; init; }

    [JsonIgnore]
    public override string Action => ReviewActions.Reassign;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Workflow.ValidateDue(validationContext, DueAt, DueDate, required: false);
}

public sealed class ReassignClaimHandler(IOptions<FactCheckOptions> options, Deadlines deadlines) : ICommandHandler<ReassignClaim, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(ReassignClaim command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        if (state.AssigneeId == command.AssigneeId)
        {
            throw ValidationFailedException.For(nameof(command.AssigneeId), $"{state.AssigneeName} is already assigned to this claim.");
        }

        var assignee = await Assignment.AssigneeAsync(context, command.AssigneeId, cancellationToken);
        var due = await Assignment.DueAsync(context, options.Value.TimeZone, deadlines, command.ClaimId, command.DueAt, command.DueDate, cancellationToken);
        var status = state.Status is "new" or "triaged" ? "assigned" : state.Status;
        await Assignment.SetAsync(context, command.ClaimId, command.AssigneeId, due, cancellationToken);
        return await Workflow.MoveAsync(
            context, deadlines, state, status,
            new { command.AssigneeId, Assignee = assignee, PreviousAssigneeId = state.AssigneeId, PreviousAssignee = state.AssigneeName, DueAt = due, command.Comment },
            cancellationToken);
    }
}
