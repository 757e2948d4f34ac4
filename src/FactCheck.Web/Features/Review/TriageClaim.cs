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

public sealed class TriageClaimHandler(IOptions<FactCheckOptions> options, Deadlines deadlines)
    : ICommandHandler<TriageClaim, ClaimActionResult>
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
}
