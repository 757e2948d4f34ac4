using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Dapper;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// The assignee sends a verdict draft for editorial review: rating, attribution finding (quotes and statements),
/// the verdict's text in one or both languages (texts.id / texts.en: title, summary, explanation in Markdown) and the
/// evidence it rests on (all the claim's evidence unless chosen). Title, Summary and Explanation at the top level are
/// the one-language shorthand: the version in the claim's language, titled with the claim's title unless given.
/// Every language FactCheck:Review:RequiredLanguages names (default: the claim's) must be there.
[AllowRoles(Roles.FactChecker, Roles.Editor)]
public sealed record SubmitVerdict : ClaimActionCommand, IValidatableObject
{
    [Required(ErrorMessage = "Choose a rating.")]
    public string Rating { get; init; } = "";

    public string? Attribution { get; init; }

    public VerdictTextsInput? Texts { get; init; }

    [StringLength(VerdictText.TitleLimit, ErrorMessage = "Keep the title to 200 characters.")]
    public string? Title { get; init; }

    [StringLength(VerdictText.SummaryLimit, ErrorMessage = "Keep the summary to 280 characters.")]
    public string? Summary { get; init; }

    [StringLength(VerdictText.ExplanationLimit, ErrorMessage = "The explanation is limited to 20,000 characters.")]
    public string? Explanation { get; init; }

    private bool HasShorthand => !string.IsNullOrWhiteSpace(Title) || !string.IsNullOrWhiteSpace(Summary) || !string.IsNullOrWhiteSpace(Explanation);

    public IReadOnlyList<long>? EvidenceIds { get; init; }

    /// For a correction: what changed, shown in the public correction notice.
    [StringLength(2000)]
    public string? ChangeNote { get; init; }

    [JsonIgnore]
    public override string Action => ReviewActions.Submit;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var scale = (RatingScale?)validationContext.GetService(typeof(RatingScale));
        if (scale is not null && !string.IsNullOrWhiteSpace(Rating) && scale.Find(Rating) is null)
        {
            yield return new ValidationResult($"Rating is one of: {string.Join(", ", scale.Ratings.Select(r => r.Key))}.", [nameof(Rating)]);
        }

        if (Attribution is not null && !RatingScale.IsAttribution(Attribution))
        {
            yield return new ValidationResult($"Attribution is one of: {string.Join(", ", RatingScale.Attributions.Select(a => a.Key))}.", [nameof(Attribution)]);
        }

        var errors = new Dictionary<string, string[]>();
        var versions = VerdictText.From(Texts, errors);
        foreach (var (field, messages) in errors)
        {
            yield return new ValidationResult(messages[0], [field]);
        }

        if (versions.Count > 0 && HasShorthand)
        {
            yield return new ValidationResult("Send the verdict's text either per language (texts) or as title, summary and explanation, not both.", [nameof(Summary)]);
        }
        else if (versions.Count == 0 && errors.Count == 0)
        {
            if (string.IsNullOrWhiteSpace(Summary))
            {
                yield return new ValidationResult("Write a summary of the verdict.", [nameof(Summary)]);
            }

            if (string.IsNullOrWhiteSpace(Explanation))
            {
                yield return new ValidationResult("Explain the verdict.", [nameof(Explanation)]);
            }
        }
    }

    /// The language versions sent; the shorthand becomes the version in the claim's language.
    public List<VerdictText> Versions(string claimLanguage, string claimTitle)
    {
        var versions = VerdictText.From(Texts, []);
        return versions.Count > 0 || !HasShorthand
            ? versions
            : [new VerdictText(
                VerdictLanguages.OfClaim(claimLanguage),
                string.IsNullOrWhiteSpace(Title) ? claimTitle : Title.Trim(),
                Summary?.Trim() ?? "",
                Explanation?.Trim() ?? "")];
    }
}

public sealed class SubmitVerdictHandler(RatingScale scale, Deadlines deadlines, VerdictLanguages languages)
    : ICommandHandler<SubmitVerdict, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(SubmitVerdict command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var claim = await VerdictTextStore.ClaimAsync(context, state.ClaimId, cancellationToken);
        var texts = command.Versions(claim.Language, claim.Title);
        foreach (var missing in languages.RequiredFor(claim.Language).Where(l => texts.All(t => t.Language != l)))
        {
            errors[VerdictLanguages.Field(missing)] = [VerdictLanguages.MissingMessage(missing)];
        }

        if (RatingScale.NeedsAttribution(state.Kind) && command.Attribution is null)
        {
            errors[nameof(command.Attribution)] = [$"Say whether the claimant really said it: {string.Join(", ", RatingScale.Attributions.Select(a => a.Key))}."];
        }

        var available = (await context.QueryAsync<long>(
            "SELECT id FROM evidence WHERE claim_id = @ClaimId AND removed_at IS NULL", new { state.ClaimId }, cancellationToken)).ToHashSet();
        var chosen = command.EvidenceIds?.Distinct().ToList() ?? available.Order().ToList();
        if (chosen.FirstOrDefault(id => !available.Contains(id)) is var unknown and not 0)
        {
            errors[nameof(command.EvidenceIds)] = [$"Evidence {unknown} is not on this claim."];
        }
        else if (chosen.Count == 0 && scale.Find(command.Rating)?.Value is not null)
        {
            errors[nameof(command.EvidenceIds)] = ["A rated verdict rests on evidence: add at least one source to the claim first (only 'unverified' may have none)."];
        }

        var correction = await context.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM corrections WHERE claim_id = @ClaimId AND published_at IS NULL", new { state.ClaimId }, cancellationToken);
        if (correction is not null && string.IsNullOrWhiteSpace(command.ChangeNote))
        {
            errors[nameof(command.ChangeNote)] = ["This verdict corrects a published one: say what changed, for the public correction notice."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var verdict = new
        {
            state.ClaimId,
            command.Rating,
            command.Attribution,
            ChangeNote = string.IsNullOrWhiteSpace(command.ChangeNote) ? null : command.ChangeNote.Trim(),
            AuthorId = context.Actor.UserId,
            context.Now,
        };
        var verdictId = await context.ExecuteScalarAsync<long>(
            """
            INSERT INTO verdicts (claim_id, state, rating, attribution, change_note, author_id, submitted_at, updated_at)
            VALUES (@ClaimId, 'in_review', @Rating, @Attribution, @ChangeNote, @AuthorId, @Now, @Now)
            RETURNING id
            """,
            verdict,
            cancellationToken);
        await VerdictTextStore.SaveAsync(context, verdictId, texts, cancellationToken);
        await context.ExecuteAsync(
            "INSERT INTO verdict_evidence (verdict_id, evidence_id) VALUES (@VerdictId, @EvidenceId)",
            chosen.Select(id => new { VerdictId = verdictId, EvidenceId = id }),
            cancellationToken);
        return await Workflow.MoveAsync(
            context, deadlines, state, "in_review",
            new
            {
                VerdictId = verdictId, command.Rating, command.Attribution, Languages = texts.Select(t => t.Language).ToList(),
                Texts = texts.Select(t => new { t.Language, t.Title, t.Summary }).ToList(), verdict.ChangeNote, EvidenceIds = chosen,
            },
            cancellationToken);
    }
}
