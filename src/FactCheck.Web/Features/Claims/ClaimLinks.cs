using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Claims;

/// Writes a link between two claims inside the running command, with the rules every path shares
/// (the link form, the intake form and the API): both claims exist, no self-link, no duplicate in either
/// direction, and same-as merges the duplicate (from) into its original (to).
public static class ClaimLinks
{
    public static async Task<long> AddAsync(CommandContext db, long fromClaimId, long toClaimId, string relation, string? note, string field, CancellationToken ct)
    {
        if (fromClaimId == toClaimId)
        {
            throw ValidationFailedException.For(field, "A claim cannot be linked to itself.");
        }

        var claims = (await db.QueryAsync<(long Id, string Status, long? PublishedVerdictId)>(
            "SELECT id, status, published_verdict_id FROM claims WHERE id IN (@fromClaimId, @toClaimId)", new { fromClaimId, toClaimId }, ct)).ToDictionary(c => c.Id);
        if (!claims.TryGetValue(toClaimId, out var to))
        {
            throw ValidationFailedException.For(field, $"Claim {toClaimId} does not exist.");
        }

        if (!claims.TryGetValue(fromClaimId, out var from))
        {
            throw new NotFoundException($"Claim {fromClaimId} does not exist.");
        }

        var (fromStatus, toStatus) = (from.Status, to.Status);

        var duplicate = await db.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM claim_links
            WHERE relation = @relation
              AND ((from_claim_id = @fromClaimId AND to_claim_id = @toClaimId) OR (from_claim_id = @toClaimId AND to_claim_id = @fromClaimId))
            """,
            new { relation, fromClaimId, toClaimId },
            ct);
        if (duplicate > 0)
        {
            throw ValidationFailedException.For(field, $"These claims are already linked as '{relation}'.");
        }

        if (relation == "same-as")
        {
            if (toStatus == "merged")
            {
                throw ValidationFailedException.For(field, $"Claim {toClaimId} is itself merged into another claim; link to the original.");
            }

            if (fromStatus == "merged")
            {
                throw new ConflictException($"Claim {fromClaimId} is already merged into another claim.");
            }

            // Readers who kept the duplicate's address are sent to the original, so the original must be one they can see.
            if (!PublicAddress.IsPublic(toStatus, to.PublishedVerdictId) && await PublicAddress.WasEverPublicAsync(db, fromClaimId, ct))
            {
                throw new ConflictException(
                    $"Claim #{fromClaimId} has been on the public site, and its address must keep leading readers somewhere: merge it only into a claim "
                    + $"readers can see (triaged or further). Triage claim #{toClaimId} first, or merge #{toClaimId} into #{fromClaimId} instead.");
            }
        }

        var linkId = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO claim_links (from_claim_id, to_claim_id, relation, note, created_by, created_at)
            VALUES (@fromClaimId, @toClaimId, @relation, @note, @UserId, @Now)
            RETURNING id
            """,
            new { fromClaimId, toClaimId, relation, note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), db.Actor.UserId, db.Now },
            ct);
        var link = new { LinkId = linkId, FromClaimId = fromClaimId, ToClaimId = toClaimId, Relation = relation, Note = note };
        db.Audit("claim", fromClaimId, null, link, "LinkClaims");
        db.Audit("claim", toClaimId, null, link, "LinkClaims");

        if (relation == "same-as")
        {
            // The duplicate leaves the workflow; readers of it are sent to the original.
            await db.ExecuteAsync(
                """
                UPDATE claims SET merged_from_status = status, status = 'merged', merged_into_id = @toClaimId,
                    stage_started_at = @Now, version = version + 1, updated_at = @Now
                WHERE id = @fromClaimId
                """,
                new { toClaimId, db.Now, fromClaimId },
                ct);
            db.Audit("claim", fromClaimId, new { Status = fromStatus }, new { Status = "merged", MergedIntoId = toClaimId }, "MergeClaim");
            // Out of the workflow: its reminders stop in the same transaction.
            await db.ExecuteAsync("UPDATE ladders SET ended_at = @Now WHERE claim_id = @fromClaimId AND ended_at IS NULL", new { db.Now, fromClaimId }, ct);
        }

        return linkId;
    }
}
