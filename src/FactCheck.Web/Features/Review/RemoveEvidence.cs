using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// Takes a source off a claim. Evidence a published verdict, or the verdict in review, rests on stays: the public page cites it.
[AllowRoles(Roles.FactChecker, Roles.Editor)]
public sealed record RemoveEvidence(long ClaimId, long EvidenceId) : ICommand, IChangesClaims
{
    public IEnumerable<ClaimTouch> ClaimsTouched() => [new(ClaimId, ClaimChange.Evidence)];
}

/// Who may change a claim's evidence, and when, is ClaimChangePolicy's to decide (ClaimChangeBehavior).
public sealed class RemoveEvidenceHandler : ICommandHandler<RemoveEvidence>
{
    public async ValueTask<Unit> Handle(RemoveEvidence command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        if (await context.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE id = @ClaimId", command, cancellationToken) == 0)
        {
            throw new NotFoundException($"Claim {command.ClaimId} does not exist.");
        }

        var evidence = await context.QuerySingleOrDefaultAsync<EvidenceRow>(
            """
            SELECT e.id AS Id, e.url AS Url, e.title AS Title, e.stance AS Stance,
                   EXISTS (SELECT 1 FROM verdict_evidence ve JOIN verdicts v ON v.id = ve.verdict_id
                           WHERE ve.evidence_id = e.id AND v.state IN ('published', 'superseded', 'in_review')) AS Cited
            FROM evidence e WHERE e.id = @EvidenceId AND e.claim_id = @ClaimId AND e.removed_at IS NULL
            """,
            command,
            cancellationToken) ?? throw new NotFoundException($"Claim {command.ClaimId} has no evidence {command.EvidenceId}.");
        if (evidence.Cited)
        {
            // A draft in review is published as submitted, so its sources stay too; send it back to drop one.
            throw new ConflictException("A published verdict or the verdict in review cites this source, so it stays on the record.");
        }

        await context.ExecuteAsync(
            "UPDATE evidence SET removed_at = @Now, removed_by = @By WHERE id = @Id",
            new { context.Now, By = context.Actor.UserId, evidence.Id },
            cancellationToken);
        context.Audit("claim", command.ClaimId, new { EvidenceId = evidence.Id, evidence.Url, evidence.Title, evidence.Stance }, null);
        return Unit.Value;
    }

    private sealed record EvidenceRow(long Id, string Url, string Title, string Stance, bool Cited)
    {
        public EvidenceRow()
            : this(0, "", "", "", false)
        {
        }
    }
}
