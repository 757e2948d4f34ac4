using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Dapper;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// An editor reopens a published verdict for a public correction. The published verdict stays public until
/// the corrected version is approved; the correction notice then shows the date, the reason, what changed and
/// the old rating.
[AllowRoles(Roles.Editor)]
public sealed record CorrectVerdict : ClaimActionCommand
{
    [Required(ErrorMessage = "Say what is wrong with the published verdict.")]
    [StringLength(2000, MinimumLength = 3, ErrorMessage = "Give a reason of 3 to 2000 characters.")]
    public string Reason { get; init; } = "";

    [JsonIgnore]
    public override string Action => ReviewActions.Correct;
}

public sealed class CorrectVerdictHandler(Deadlines deadlines)
    : ICommandHandler<CorrectVerdict, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(CorrectVerdict command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        var reason = command.Reason.Trim();
        var correctionId = await context.ExecuteScalarAsync<long>(
            """
            INSERT INTO corrections (claim_id, reason, opened_by, opened_at, previous_verdict_id)
            VALUES (@ClaimId, @reason, @OpenedBy, @Now, @PublishedVerdictId)
            RETURNING id
            """,
            new { state.ClaimId, reason, OpenedBy = context.Actor.UserId, context.Now, state.PublishedVerdictId },
            cancellationToken);
        return await Workflow.MoveAsync(
            context, deadlines, state, "researching", new { CorrectionId = correctionId, Reason = reason, state.PublishedVerdictId }, cancellationToken);
    }
}
