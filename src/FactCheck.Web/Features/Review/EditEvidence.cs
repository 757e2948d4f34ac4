using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// Corrects a source's title, stance or note while the claim is researched. A source a published verdict or the
/// verdict in review cites is what readers (or the approving editors) saw: it stays as it is, like RemoveEvidence.
[AllowRoles(Roles.FactChecker, Roles.Editor)]
public sealed record EditEvidence : ICommand, IChangesClaims
{
    public long ClaimId { get; init; }

    public long EvidenceId { get; init; }

    [Required(ErrorMessage = "Give the source a title.")]
    [StringLength(300, ErrorMessage = "Keep the title to 300 characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Say whether the source supports or refutes the claim, or gives context.")]
    [RegularExpression("^(supports|refutes|context)$", ErrorMessage = "Stance is supports, refutes or context.")]
    public string Stance { get; set; } = "";

    [StringLength(4000, ErrorMessage = "The note is limited to 4000 characters.")]
    public string? Note { get; set; }

    public IEnumerable<ClaimTouch> ClaimsTouched() => [new(ClaimId, ClaimChange.Evidence)];
}

public sealed class EditEvidenceHandler : ICommandHandler<EditEvidence>
{
    public async ValueTask<Unit> Handle(EditEvidence command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var before = await context.QuerySingleOrDefaultAsync<EvidenceText>(
            """
            SELECT e.title AS Title, e.stance AS Stance, e.note AS Note,
                   EXISTS (SELECT 1 FROM verdict_evidence ve JOIN verdicts v ON v.id = ve.verdict_id
                           WHERE ve.evidence_id = e.id AND v.state IN ('published', 'superseded', 'in_review')) AS Cited
            FROM evidence e WHERE e.id = @EvidenceId AND e.claim_id = @ClaimId AND e.removed_at IS NULL
            """,
            command,
            cancellationToken) ?? throw new NotFoundException($"Claim {command.ClaimId} has no evidence {command.EvidenceId}.");
        if (before.Cited)
        {
            throw new ConflictException("A published verdict or the verdict in review cites this source as it reads now: add a corrected source instead.");
        }

        var after = before with
        {
            Title = command.Title.Trim(),
            Stance = command.Stance,
            Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
        };
        if (after == before)
        {
            return Unit.Value;
        }

        await context.ExecuteAsync(
            "UPDATE evidence SET title = @Title, stance = @Stance, note = @Note WHERE id = @EvidenceId",
            new { after.Title, after.Stance, after.Note, command.EvidenceId },
            cancellationToken);
        context.Audit(
            "claim", command.ClaimId,
            new { command.EvidenceId, before.Title, before.Stance, before.Note },
            new { command.EvidenceId, after.Title, after.Stance, after.Note });
        return Unit.Value;
    }

    private sealed record EvidenceText
    {
        public string Title { get; init; } = "";
        public string Stance { get; init; } = "";
        public string? Note { get; init; }
        public bool Cited { get; init; }
    }
}
