using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Corrects a recorded claim (a typo in the title, the wrong claimant or date): every field as it should read, with
/// the version last seen. Who may is ClaimChangePolicy's Edit rule; the history shows each change as before → after.
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record EditClaim : ClaimInput, ICommand<EditedClaim>, IValidatableObject, IChangesClaims
{
    public long ClaimId { get; init; }

    public long Version { get; init; }

    /// Fields of a PATCH body that are no fields of a claim, or hold the wrong type of value (see ClaimPatch).
    [JsonIgnore]
    public IReadOnlyDictionary<string, string[]> PatchErrors { get; init; } = new Dictionary<string, string[]>();

    public IEnumerable<ClaimTouch> ClaimsTouched() => [new(ClaimId, ClaimChange.Edit)];

    /// The claim as it reads now: the edit form's starting point, and what a PATCH's absent fields keep.
    public static EditClaim From(ClaimDetail detail) => new()
    {
        ClaimId = detail.Claim.Id,
        Version = detail.Version,
        Title = detail.Claim.Title,
        Text = detail.Claim.Text,
        Language = detail.Claim.Language,
        TranslationEn = detail.Claim.TranslationEn,
        ClaimantId = detail.Claimant.Id,
        SaidOn = detail.Claim.SaidOn,
        Place = detail.Claim.Place,
        Kind = detail.Claim.Kind,
        FigureLow = detail.Claim.FigureLow,
        FigureHigh = detail.Claim.FigureHigh,
        FigureUnit = detail.Claim.FigureUnit,
        FigureAsOf = detail.Claim.FigureAsOf,
        Topics = detail.Topics.ToList(),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Version < 1)
        {
            yield return new ValidationResult("Give the version of the claim you last saw.", [nameof(Version)]);
        }

        foreach (var (field, messages) in PatchErrors)
        {
            yield return new ValidationResult(messages[0], [field]);
        }

        // The name, kind and affiliation describe a claimant to find or record; beside an id they would be dropped unsaid.
        if (ClaimantId is not null)
        {
            foreach (var (field, value) in new[] { (nameof(ClaimantName), ClaimantName), (nameof(ClaimantKind), ClaimantKind), (nameof(ClaimantAffiliation), ClaimantAffiliation) })
            {
                if (value is not null)
                {
                    yield return new ValidationResult("Name another claimant by claimantName and claimantKind without claimantId, or keep claimantId alone.", [field]);
                }
            }
        }

        foreach (var result in ClaimFieldRules.Validate(this))
        {
            yield return result;
        }
    }
}

/// One field's change, as the history shows it.
public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record EditedClaim(long Id, long Version, IReadOnlyList<FieldChange> Changes);

public sealed class EditClaimHandler : ICommandHandler<EditClaim, EditedClaim>
{
    public async ValueTask<EditedClaim> Handle(EditClaim command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var before = await ClaimFieldRules.LoadAsync(context, command.ClaimId, cancellationToken)
            ?? throw new NotFoundException($"Claim {command.ClaimId} does not exist.");
        if (before.Version != command.Version)
        {
            throw new ConflictException(
                $"Claim #{command.ClaimId} changed since you opened it (now version {before.Version}). Reload it, redo your edit and save again.",
                new { version = before.Version });
        }

        var claimantId = command.ClaimantId
            ?? await ClaimCreation.FindOrCreateClaimantAsync(context, command.ClaimantName!.Trim(), command.ClaimantKind!, command.ClaimantAffiliation, side: null, cancellationToken);
        var claimantName = await context.QuerySingleOrDefaultAsync<string>("SELECT name FROM claimants WHERE id = @claimantId", new { claimantId }, cancellationToken)
            ?? throw ValidationFailedException.For(nameof(EditClaim.ClaimantId), $"Claimant {claimantId} does not exist.");
        var after = ClaimFieldRules.Clean(command) with { ClaimantId = claimantId, ClaimantName = claimantName, Version = before.Version + 1 };
        after = after with { Topics = (await Topics.TopicList.ResolveAsync(context, after.Topics, cancellationToken)).Order(StringComparer.OrdinalIgnoreCase).ToList() };
        var changes = ClaimFieldRules.Diff(before, after);
        if (changes.Count == 0)
        {
            return new EditedClaim(command.ClaimId, before.Version, []);
        }

        var updated = await context.ExecuteAsync(
            """
            UPDATE claims
            SET title = @Title, text = @Text, language = @Language, translation_en = @TranslationEn, claimant_id = @ClaimantId,
                said_on = @SaidOn, place = @Place, kind = @Kind, figure_low = @FigureLow, figure_high = @FigureHigh,
                figure_unit = @FigureUnit, figure_as_of = @FigureAsOf, version = version + 1, updated_at = @Now
            WHERE id = @Id AND version = @PreviousVersion
            """,
            new
            {
                after.Title, after.Text, after.Language, after.TranslationEn, after.ClaimantId, after.SaidOn, after.Place, after.Kind,
                after.FigureLow, after.FigureHigh, after.FigureUnit, after.FigureAsOf, context.Now, Id = command.ClaimId, PreviousVersion = before.Version,
            },
            cancellationToken);
        if (updated == 0)
        {
            throw new ConflictException($"Claim #{command.ClaimId} changed while your edit was being saved. Reload it and save again.");
        }

        if (!before.Topics.SequenceEqual(after.Topics, StringComparer.Ordinal))
        {
            await context.ExecuteAsync("DELETE FROM claim_topics WHERE claim_id = @ClaimId", command, cancellationToken);
            foreach (var topic in after.Topics)
            {
                await context.ExecuteAsync("INSERT INTO claim_topics (claim_id, topic) VALUES (@ClaimId, @topic)", new { command.ClaimId, topic }, cancellationToken);
            }
        }

        await ClaimSearchIndex.WriteAsync(context, command.ClaimId, after.Title, after.Text, after.Language, after.TranslationEn, cancellationToken);
        context.Audit(
            "claim", command.ClaimId,
            changes.ToDictionary(c => c.Field, c => c.Before),
            new { Version = after.Version, Changes = changes },
            nameof(EditClaim));
        context.ClaimChanged(command.ClaimId);
        return new EditedClaim(command.ClaimId, after.Version, changes);
    }
}
