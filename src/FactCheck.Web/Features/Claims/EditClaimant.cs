using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Corrects who a claimant is: name, kind, affiliation, side, description and reference address, with the version last
/// seen. A claimant's byline is on every public page of their claims, so only editors change it.
[AllowRoles(Roles.Editor)]
public sealed record EditClaimant : ICommand<long>, IValidatableObject
{
    public long ClaimantId { get; init; }

    public long Version { get; init; }

    [Required(ErrorMessage = "Name the claimant.")]
    [StringLength(ClaimRules.MaxClaimantNameLength, ErrorMessage = "Keep the name to 200 characters.")]
    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    [StringLength(200, ErrorMessage = "Keep the affiliation to 200 characters.")]
    public string? Affiliation { get; set; }

    [StringLength(SetClaimantSide.MaxLength, ErrorMessage = "Keep the side to 100 characters.")]
    public string? Side { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the description to 2,000 characters.")]
    public string? Description { get; set; }

    [StringLength(2000)]
    public string? ReferenceUrl { get; set; }

    /// Fields of a PATCH body that are not a claimant's, or hold the wrong type of value.
    [JsonIgnore]
    public IReadOnlyDictionary<string, string[]> PatchErrors { get; init; } = new Dictionary<string, string[]>();

    public static EditClaimant From(ClaimantFields claimant) => new()
    {
        ClaimantId = claimant.Id, Version = claimant.Version, Name = claimant.Name, Kind = claimant.Kind, Affiliation = claimant.Affiliation,
        Side = claimant.Side, Description = claimant.Description, ReferenceUrl = claimant.ReferenceUrl,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (field, messages) in PatchErrors)
        {
            yield return new ValidationResult(messages[0], [field]);
        }

        if (Version < 1)
        {
            yield return new ValidationResult("Give the version of the claimant you last saw.", [nameof(Version)]);
        }

        if (!ClaimRules.ClaimantKinds.Contains(Kind))
        {
            yield return new ValidationResult($"Kind must be one of: {string.Join(", ", ClaimRules.ClaimantKinds)}.", [nameof(Kind)]);
        }

        if (!string.IsNullOrWhiteSpace(ReferenceUrl) && !ClaimRules.IsHttpUrl(ReferenceUrl.Trim()))
        {
            yield return new ValidationResult("Only http:// and https:// links can be stored.", [nameof(ReferenceUrl)]);
        }
    }
}

public sealed class EditClaimantHandler : ICommandHandler<EditClaimant, long>
{
    public async ValueTask<long> Handle(EditClaimant command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var before = await context.QuerySingleOrDefaultAsync<Stored>(
            """
            SELECT name AS Name, kind AS Kind, affiliation AS Affiliation, side AS Side, description AS Description,
                   reference_url AS ReferenceUrl, version AS Version, merged_into_id AS MergedIntoId
            FROM claimants WHERE id = @ClaimantId
            """,
            command,
            cancellationToken) ?? throw new NotFoundException($"Claimant {command.ClaimantId} does not exist.");
        if (before.MergedIntoId is { } kept)
        {
            throw new ConflictException($"Claimant {command.ClaimantId} was merged into claimant {kept}: edit that one.");
        }

        if (before.Version != command.Version)
        {
            throw new ConflictException(
                $"Claimant {command.ClaimantId} changed since you opened it (now version {before.Version}). Reload it and save again.",
                new { version = before.Version });
        }

        var after = before with
        {
            Name = command.Name.Trim(),
            Kind = command.Kind,
            Affiliation = Clean(command.Affiliation),
            Side = SetClaimantSide.Clean(command.Side),
            Description = Clean(command.Description),
            ReferenceUrl = Clean(command.ReferenceUrl),
        };
        if (after == before)
        {
            return before.Version;
        }

        var namesake = await context.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM claimants WHERE name = @Name COLLATE NOCASE AND kind = @Kind AND id <> @ClaimantId",
            new { after.Name, after.Kind, command.ClaimantId },
            cancellationToken);
        if (namesake is { } other)
        {
            throw ValidationFailedException.For(nameof(EditClaimant.Name), $"Claimant #{other} is already called '{after.Name}' ({after.Kind}): merge the two instead.");
        }

        await context.ExecuteAsync(
            """
            UPDATE claimants
            SET name = @Name, kind = @Kind, affiliation = @Affiliation, side = @Side, description = @Description,
                reference_url = @ReferenceUrl, version = version + 1
            WHERE id = @ClaimantId
            """,
            new { after.Name, after.Kind, after.Affiliation, after.Side, after.Description, after.ReferenceUrl, command.ClaimantId },
            cancellationToken);
        context.Audit("claimant", command.ClaimantId, before with { Version = 0 }, after with { Version = before.Version + 1 });

        // Bylines on staff and public pages, and the dashboard's sides, show the claimant: their claims' pages reload.
        foreach (var claimId in await context.QueryAsync<long>("SELECT id FROM claims WHERE claimant_id = @ClaimantId", command, cancellationToken))
        {
            context.ClaimChanged(claimId);
        }

        return before.Version + 1;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record Stored
    {
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? Affiliation { get; init; }
        public string? Side { get; init; }
        public string? Description { get; init; }
        public string? ReferenceUrl { get; init; }
        public long Version { get; init; }
        public long? MergedIntoId { get; init; }
    }
}
