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

/// Within FactCheck:Review:LockDays of publication an editor may fix the wording of a published verdict
/// (typos, a clearer sentence) without a correction notice; the rating and evidence never change this way,
/// and the change is in the claim's history.
[AllowRoles(Roles.Editor)]
public sealed record AmendVerdict : ClaimActionCommand, IValidatableObject
{
    [StringLength(280, MinimumLength = 1, ErrorMessage = "Keep the summary to 280 characters.")]
    public string? Summary { get; init; }

    [StringLength(20000, MinimumLength = 1, ErrorMessage = "The explanation is limited to 20,000 characters.")]
    public string? Explanation { get; init; }

    [Required(ErrorMessage = "Say what you amended.")]
    [StringLength(2000, MinimumLength = 3, ErrorMessage = "Write a note of 3 to 2000 characters.")]
    public string Note { get; init; } = "";

    [JsonIgnore]
    public override string Action => ReviewActions.Amend;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Summary) && string.IsNullOrWhiteSpace(Explanation))
        {
            yield return new ValidationResult("Give the amended summary or explanation.", [nameof(Summary)]);
        }
    }
}

public sealed class CorrectVerdictHandler(Deadlines deadlines)
    : ICommandHandler<CorrectVerdict, ClaimActionResult>, ICommandHandler<AmendVerdict, ClaimActionResult>
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

    public async ValueTask<ClaimActionResult> Handle(AmendVerdict command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        var before = await context.Connection.QuerySingleAsync<(string Summary, string Explanation)>(new CommandDefinition(
            "SELECT summary, explanation FROM verdicts WHERE id = @PublishedVerdictId", new { state.PublishedVerdictId }, context.Transaction, cancellationToken: cancellationToken));
        var summary = string.IsNullOrWhiteSpace(command.Summary) ? before.Summary : command.Summary.Trim();
        var explanation = string.IsNullOrWhiteSpace(command.Explanation) ? before.Explanation : command.Explanation.Trim();
        if (summary == before.Summary && explanation == before.Explanation)
        {
            throw ValidationFailedException.For(nameof(command.Summary), "Nothing changed: the summary and explanation are as published.");
        }

        await context.ExecuteAsync(
            "UPDATE verdicts SET summary = @summary, explanation = @explanation, updated_at = @Now WHERE id = @PublishedVerdictId",
            new { summary, explanation, context.Now, state.PublishedVerdictId },
            cancellationToken);
        return await Workflow.MoveAsync(
            context, deadlines, state, "published",
            new { VerdictId = state.PublishedVerdictId, Note = command.Note.Trim(), Before = new { before.Summary, before.Explanation }, After = new { Summary = summary, Explanation = explanation } },
            cancellationToken);
    }
}
