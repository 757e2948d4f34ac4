using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Removes a link between two claims. Removing a same-as link brings the merged duplicate back as a claim of its own.
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record UnlinkClaims(long ClaimId, long LinkId) : ICommand<bool>, IChangesClaims
{
    public IEnumerable<ClaimTouch> ClaimsTouched() => [new(ClaimId, ClaimChange.Unlink, LinkId)];
}

public sealed class UnlinkClaimsHandler(Review.Deadlines deadlines) : ICommandHandler<UnlinkClaims, bool>
{
    public async ValueTask<bool> Handle(UnlinkClaims command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        var link = await db.QuerySingleOrDefaultAsync<LinkRow>(
            """
            SELECT id AS Id, from_claim_id AS FromClaimId, to_claim_id AS ToClaimId, relation AS Relation, note AS Note
            FROM claim_links WHERE id = @LinkId AND (from_claim_id = @ClaimId OR to_claim_id = @ClaimId)
            """,
            command,
            cancellationToken) ?? throw new NotFoundException($"Claim {command.ClaimId} has no link {command.LinkId}.");

        await db.ExecuteAsync("DELETE FROM claim_links WHERE id = @Id", link, cancellationToken);
        // Recorded against both claims, like the link itself, so it shows in both histories.
        db.Audit("claim", link.FromClaimId, link, null);
        db.Audit("claim", link.ToClaimId, link, null);
        if (link.Relation == "same-as")
        {
            // Back to where it was in the workflow when it was merged.
            var restored = await db.QuerySingleOrDefaultAsync<string>(
                """
                UPDATE claims SET status = coalesce(merged_from_status, 'new'), merged_from_status = NULL, merged_into_id = NULL,
                    stage_started_at = @Now, version = version + 1, updated_at = @Now
                WHERE id = @FromClaimId AND status = 'merged'
                RETURNING status
                """,
                new { db.Now, link.FromClaimId },
                cancellationToken);
            if (restored is not null)
            {
                db.Audit("claim", link.FromClaimId, new { Status = "merged", MergedIntoId = link.ToClaimId }, new { Status = restored }, "UnmergeClaim");
                await deadlines.SyncAsync(db, link.FromClaimId, cancellationToken);
            }
        }

        return true;
    }

    private sealed record LinkRow(long Id, long FromClaimId, long ToClaimId, string Relation, string? Note);
}
