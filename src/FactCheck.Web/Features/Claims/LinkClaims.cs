using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Links two claims: FromClaimId &lt;relation&gt; ToClaimId, e.g. Baku's statement "denies" the accusation;
/// "same-as" merges FromClaimId (the duplicate) into ToClaimId (the original). From the other side, "denied-by" etc.
/// (ClaimRules.InverseRelations) is stored as the canonical link, so the accusation's page can record its denial.
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record LinkClaims : ICommand<long>, IValidatableObject, IChangesClaims
{
    public long FromClaimId { get; set; }

    public long ToClaimId { get; set; }

    [Required]
    public string Relation { get; set; } = "";

    [StringLength(1000)]
    public string? Note { get; set; }

    public IEnumerable<ClaimTouch> ClaimsTouched()
    {
        var change = ClaimRules.Merges(Relation) ? ClaimChange.Merge : ClaimChange.Link;
        return [new(FromClaimId, change), new(ToClaimId, change)];
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ClaimRules.Relations.Contains(Relation) && !ClaimRules.InverseRelations.ContainsKey(Relation ?? ""))
        {
            yield return new ValidationResult(
                $"Relation must be one of: {string.Join(", ", ClaimRules.Relations.Concat(ClaimRules.InverseRelations.Keys))}.", [nameof(Relation)]);
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
        var (from, to, relation) = ClaimRules.Canonical(command.FromClaimId, command.ToClaimId, command.Relation);
        return await ClaimLinks.AddAsync(CommandContext.Current, from, to, relation, command.Note, nameof(LinkClaims.ToClaimId), cancellationToken);
    }
}
