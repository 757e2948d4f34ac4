using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Review;

/// An editor gives a triaged claim to a fact-checker with a due date; without one, the desk's SLA for the claim's
/// priority (FactCheck:Sla) sets it.
[AllowRoles(Roles.Editor)]
public sealed record AssignClaim : ClaimActionCommand, IValidatableObject
{
    [Range(1, long.MaxValue, ErrorMessage = "Choose the fact-checker to assign.")]
    public long AssigneeId { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateOnly? DueDate { get; init; }

    [StringLength(2000)]
    public string? Comment { get; init; }

    [JsonIgnore]
    public override string Action => ReviewActions.Assign;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Workflow.ValidateDue(validationContext, DueAt, DueDate, required: false);
}

/// An editor hands an open claim to someone else (or, for a claim nobody has yet, assigns it); the state is
/// kept, so research and a verdict in review carry on with the new assignee. The due date is kept unless given.
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

public sealed class AssignClaimHandler(IOptions<FactCheckOptions> options, Reminders.Deadlines deadlines)
    : ICommandHandler<AssignClaim, ClaimActionResult>, ICommandHandler<ReassignClaim, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(AssignClaim command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var assignee = await AssigneeAsync(context, command.AssigneeId, cancellationToken);
        var priority = await context.ExecuteScalarAsync<string?>("SELECT priority FROM claims WHERE id = @ClaimId", new { command.ClaimId }, cancellationToken);
        var due = Workflow.ResolveDue(command.DueAt, command.DueDate, options.Value.TimeZone)
            ?? deadlines.Time.Add(context.Now, deadlines.ResearchTime(priority));
        return await Workflow.MoveAsync(
            context, context.Get<ReviewState>(), "assigned",
            "assignee_id = @AssigneeId, assigned_by = @AssignedBy, due_at = @Due, priority = coalesce(priority, 'normal')",
            new { command.AssigneeId, AssignedBy = context.Actor.UserId, Due = due },
            new { command.AssigneeId, Assignee = assignee, DueAt = due, command.Comment },
            cancellationToken);
    }

    public async ValueTask<ClaimActionResult> Handle(ReassignClaim command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = context.Get<ReviewState>();
        if (state.AssigneeId == command.AssigneeId)
        {
            throw ValidationFailedException.For(nameof(command.AssigneeId), $"{state.AssigneeName} is already assigned to this claim.");
        }

        var assignee = await AssigneeAsync(context, command.AssigneeId, cancellationToken);
        var due = Workflow.ResolveDue(command.DueAt, command.DueDate, options.Value.TimeZone);
        var status = state.Status is "new" or "triaged" ? "assigned" : state.Status;
        return await Workflow.MoveAsync(
            context, state, status,
            "assignee_id = @AssigneeId, assigned_by = @AssignedBy, due_at = coalesce(@Due, due_at), priority = coalesce(priority, 'normal')",
            new { command.AssigneeId, AssignedBy = context.Actor.UserId, Due = due },
            new { command.AssigneeId, Assignee = assignee, PreviousAssigneeId = state.AssigneeId, PreviousAssignee = state.AssigneeName, DueAt = due, command.Comment },
            cancellationToken);
    }

    /// Claims go to active staff who check claims: fact-checkers, and editors who also check.
    private static async Task<string> AssigneeAsync(CommandContext context, long userId, CancellationToken ct) =>
        await context.QuerySingleOrDefaultAsync<string>(
            """
            SELECT u.display_name FROM users u
            WHERE u.id = @userId AND u.is_active = 1
              AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('factchecker', 'editor'))
            """,
            new { userId },
            ct)
        ?? throw ValidationFailedException.For("AssigneeId", "Choose an active fact-checker or editor.");
}
