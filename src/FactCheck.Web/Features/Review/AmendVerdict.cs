using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// Within FactCheck:Review:LockDays of publication an editor may fix the wording of one language version of a
/// published verdict (typos, a clearer sentence) or add the version it lacks (a translation), without a correction
/// notice; the rating and evidence never change this way, and the change is in the claim's history.
[AllowRoles(Roles.Editor)]
public sealed record AmendVerdict : ClaimActionCommand, IValidatableObject
{
    /// The language version amended (id or en); may be left out when the verdict has one version.
    public string? Language { get; init; }

    [StringLength(VerdictText.TitleLimit, MinimumLength = 1, ErrorMessage = "Keep the title to 200 characters.")]
    public string? Title { get; init; }

    [StringLength(VerdictText.SummaryLimit, MinimumLength = 1, ErrorMessage = "Keep the summary to 280 characters.")]
    public string? Summary { get; init; }

    [StringLength(VerdictText.ExplanationLimit, MinimumLength = 1, ErrorMessage = "The explanation is limited to 20,000 characters.")]
    public string? Explanation { get; init; }

    [Required(ErrorMessage = "Say what you amended.")]
    [StringLength(2000, MinimumLength = 3, ErrorMessage = "Write a note of 3 to 2000 characters.")]
    public string Note { get; init; } = "";

    [JsonIgnore]
    public override string Action => ReviewActions.Amend;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Language is not null && !VerdictLanguages.IsKnown(Language))
        {
            yield return new ValidationResult("Language is id or en.", [nameof(Language)]);
        }

        if (string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Summary) && string.IsNullOrWhiteSpace(Explanation))
        {
            yield return new ValidationResult("Give the amended title, summary or explanation.", [nameof(Summary)]);
        }
    }
}

public sealed class AmendVerdictHandler(Deadlines deadlines) : ICommandHandler<AmendVerdict, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(AmendVerdict command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        var verdictId = state.PublishedVerdictId!.Value;
        var texts = await VerdictTextStore.LoadAsync(context, verdictId, cancellationToken);
        var language = command.Language ?? (texts.Count == 1 ? texts[0].Language
            : throw ValidationFailedException.For(nameof(command.Language), "This verdict has an Indonesian and an English version: say which one you amend (id or en)."));
        var before = texts.FirstOrDefault(t => t.Language == language);
        static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (before is null && (Given(command.Title) is null || Given(command.Summary) is null || Given(command.Explanation) is null))
        {
            throw ValidationFailedException.For(
                VerdictLanguages.Field(language),
                $"The verdict has no {VerdictLanguages.Name(language)} version yet: to add one, give its title, summary and explanation.");
        }

        var after = new VerdictText(
            language,
            Given(command.Title) ?? before!.Title,
            Given(command.Summary) ?? before!.Summary,
            Given(command.Explanation) ?? before!.Explanation);
        if (after.SameAs(before))
        {
            throw ValidationFailedException.For(nameof(command.Summary), "Nothing changed: the title, summary and explanation are as published.");
        }

        await VerdictTextStore.SaveAsync(context, verdictId, [after], cancellationToken);
        await context.ExecuteAsync("UPDATE verdicts SET updated_at = @Now WHERE id = @verdictId", new { context.Now, verdictId }, cancellationToken);
        return await Workflow.MoveAsync(
            context, deadlines, state, "published",
            new
            {
                VerdictId = verdictId, Language = language, Added = before is null, Note = command.Note.Trim(),
                Before = before is null ? null : new { before.Title, before.Summary, before.Explanation },
                After = new { after.Title, after.Summary, after.Explanation },
            },
            cancellationToken);
    }
}
