using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Features.Review;

/// An editor gives a triaged claim to a fact-checker. Without a due date the claim keeps the one set at triage, or
/// without that gets the desk's SLA for its priority (FactCheck:Sla).
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

public sealed class AssignClaimHandler(IOptions<FactCheckOptions> options, Deadlines deadlines)
    : ICommandHandler<AssignClaim, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(AssignClaim command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var assignee = await Assignment.AssigneeAsync(context, command.AssigneeId, cancellationToken);
        var due = await Assignment.DueAsync(context, options.Value.TimeZone, deadlines, command.ClaimId, command.DueAt, command.DueDate, cancellationToken);
        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        await Assignment.SetAsync(context, command.ClaimId, command.AssigneeId, due, cancellationToken);
        return await Workflow.MoveAsync(
            context, deadlines, state, "assigned", new { command.AssigneeId, Assignee = assignee, DueAt = due, command.Comment }, cancellationToken);
    }
}

/// What assign and reassign share: who may be given a claim, its due date, and the columns an assignment sets.
internal static class Assignment
{
    public static async Task SetAsync(CommandContext context, long claimId, long assigneeId, DateTimeOffset due, CancellationToken ct) =>
        await context.ExecuteAsync(
            """
            UPDATE claims SET assignee_id = @AssigneeId, assigned_by = @AssignedBy, due_at = @Due, priority = coalesce(priority, 'normal')
            WHERE id = @ClaimId
            """,
            new { AssigneeId = assigneeId, AssignedBy = context.Actor.UserId, Due = due, ClaimId = claimId },
            ct);

    /// The one rule for the due field of assign and reassign (bulk assign sends these too): a date given replaces the
    /// claim's due date; left empty, the claim keeps the due date it has (set at triage or by an earlier assignment), and
    /// only a claim without one gets the desk's deadline for its priority from now. An empty field never moves a deadline.
    public static async Task<DateTimeOffset> DueAsync(
        CommandContext context, string timeZone, Deadlines deadlines, long claimId, DateTimeOffset? dueAt, DateOnly? dueDate, CancellationToken ct)
    {
        if (NewsroomTime.Of(timeZone).ResolveDue(dueAt, dueDate) is { } given)
        {
            return given;
        }

        var claim = await context.QuerySingleOrDefaultAsync<DueRow>(
            "SELECT due_at AS DueAt, priority AS Priority FROM claims WHERE id = @claimId", new { claimId }, ct);
        return claim?.DueAt ?? deadlines.Time.Add(context.Now, deadlines.ResearchTime(claim?.Priority));
    }

    /// Claims go to active staff who check claims: fact-checkers, and editors who also check.
    public static async Task<string> AssigneeAsync(CommandContext context, long userId, CancellationToken ct) =>
        await context.QuerySingleOrDefaultAsync<string>(
            """
            SELECT u.display_name FROM users u
            WHERE u.id = @userId AND u.is_active = 1
              AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('factchecker', 'editor'))
            """,
            new { userId },
            ct)
        ?? throw ValidationFailedException.For("AssigneeId", "Choose an active fact-checker or editor.");

    private sealed class DueRow
    {
        public DateTimeOffset? DueAt { get; init; }

        public string? Priority { get; init; }
    }
}
