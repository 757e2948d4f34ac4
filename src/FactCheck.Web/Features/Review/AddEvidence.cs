using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// A source a verdict can rest on: its address (http/https only), title, whether it supports or refutes the
/// claim or gives context, a note and when it was published. Added by the claim's assignee or an editor while the claim is open.
[AllowRoles(Roles.FactChecker, Roles.Editor)]
public sealed record AddEvidence : ICommand<long>, IValidatableObject, IChangesClaims
{
    public long ClaimId { get; init; }

    [Required(ErrorMessage = "Give the source's address.")]
    [StringLength(2000, ErrorMessage = "The address is limited to 2000 characters.")]
    public string Url { get; init; } = "";

    [Required(ErrorMessage = "Give the source a title.")]
    [StringLength(300, ErrorMessage = "Keep the title to 300 characters.")]
    public string Title { get; init; } = "";

    [Required(ErrorMessage = "Say whether the source supports or refutes the claim, or gives context.")]
    [RegularExpression("^(supports|refutes|context)$", ErrorMessage = "Stance is supports, refutes or context.")]
    public string Stance { get; init; } = "";

    [StringLength(4000, ErrorMessage = "The note is limited to 4000 characters.")]
    public string? Note { get; init; }

    /// When the source was published: readers see it as a date in their language, so it stays out of the title.
    public DateOnly? PublishedOn { get; init; }

    public IEnumerable<ClaimTouch> ClaimsTouched() => [new(ClaimId, ClaimChange.Evidence)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Url) && !ClaimRules.IsHttpUrl(Url.Trim()))
        {
            yield return new ValidationResult("Give a full web address starting with http:// or https://.", [nameof(Url)]);
        }
    }
}

/// Who may change a claim's evidence, and when, is ClaimChangePolicy's to decide (ClaimChangeBehavior).
public sealed class AddEvidenceHandler : ICommandHandler<AddEvidence, long>
{
    public async ValueTask<long> Handle(AddEvidence command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        if (await context.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE id = @ClaimId", command, cancellationToken) == 0)
        {
            throw new NotFoundException($"Claim {command.ClaimId} does not exist.");
        }

        var row = new
        {
            command.ClaimId,
            Url = command.Url.Trim(),
            Title = command.Title.Trim(),
            command.Stance,
            Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
            command.PublishedOn,
        };
        var id = await context.ExecuteScalarAsync<long>(
            """
            INSERT INTO evidence (claim_id, url, title, stance, note, published_on, added_by, added_at)
            VALUES (@ClaimId, @Url, @Title, @Stance, @Note, @PublishedOn, @AddedBy, @Now)
            RETURNING id
            """,
            new { row.ClaimId, row.Url, row.Title, row.Stance, row.Note, row.PublishedOn, AddedBy = context.Actor.UserId, context.Now },
            cancellationToken);
        context.Audit("claim", command.ClaimId, null, new { EvidenceId = id, row.Url, row.Title, row.Stance, row.Note, row.PublishedOn });
        return id;
    }
}
