using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Dapper;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

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

public sealed class AmendVerdictHandler(Deadlines deadlines) : ICommandHandler<AmendVerdict, ClaimActionResult>
{
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
