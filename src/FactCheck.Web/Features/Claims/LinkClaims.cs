using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Links two claims: FromClaimId &lt;relation&gt; ToClaimId, e.g. Baku's statement "denies" the accusation.
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record LinkClaims : ICommand<long>, IValidatableObject
{
    public long FromClaimId { get; set; }

    public long ToClaimId { get; set; }

    [Required]
    public string Relation { get; set; } = "";

    [StringLength(1000)]
    public string? Note { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ClaimRules.Relations.Contains(Relation))
        {
            yield return new ValidationResult($"Relation must be one of: {string.Join(", ", ClaimRules.Relations)}.", [nameof(Relation)]);
        }

        if (FromClaimId == ToClaimId)
        {
            yield return new ValidationResult("A claim cannot be linked to itself.", [nameof(ToClaimId)]);
        }
    }
}

public sealed class LinkClaimsHandler : ICommandHandler<LinkClaims, long>
{
    public async ValueTask<long> Handle(LinkClaims command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        foreach (var (id, field) in new[] { (command.FromClaimId, nameof(LinkClaims.FromClaimId)), (command.ToClaimId, nameof(LinkClaims.ToClaimId)) })
        {
            if (await db.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE id = @id", new { id }, cancellationToken) == 0)
            {
                throw ValidationFailedException.For(field, $"Claim {id} does not exist.");
            }
        }

        var duplicate = await db.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM claim_links
            WHERE relation = @Relation
              AND ((from_claim_id = @FromClaimId AND to_claim_id = @ToClaimId) OR (from_claim_id = @ToClaimId AND to_claim_id = @FromClaimId))
            """,
            command,
            cancellationToken);
        if (duplicate > 0)
        {
            throw ValidationFailedException.For(nameof(LinkClaims.ToClaimId), $"These claims are already linked as '{command.Relation}'.");
        }

        var linkId = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO claim_links (from_claim_id, to_claim_id, relation, note, created_by, created_at)
            VALUES (@FromClaimId, @ToClaimId, @Relation, @Note, @UserId, @Now)
            RETURNING id
            """,
            new { command.FromClaimId, command.ToClaimId, command.Relation, command.Note, db.Actor.UserId, db.Now },
            cancellationToken);
        db.Audit("claim_link", linkId, null, command);
        return linkId;
    }
}
