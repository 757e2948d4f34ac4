using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Claims;

/// A claim's public address, /verdicts/{slug}: readers reach it while the claim has a published verdict or is being
/// checked. Once public, an address must keep leading somewhere while the claim exists: a merged claim's moves to the
/// claim it was merged into, so that claim must be public too, and stay so.
public static class PublicAddress
{
    public const string PublicStates = "'triaged', 'assigned', 'researching', 'in_review', 'published'";

    public static bool IsPublic(string status, long? publishedVerdictId) =>
        publishedVerdictId is not null || status is "triaged" or "assigned" or "researching" or "in_review" or "published";

    /// Every state a claim entered is in claim_transitions (migration 0009), so this reads the claim's whole past.
    public static async Task<bool> WasEverPublicAsync(CommandContext db, long claimId, CancellationToken ct) =>
        await db.ExecuteScalarAsync<long>(
            $"SELECT EXISTS (SELECT 1 FROM claim_transitions WHERE claim_id = @claimId AND to_status IN ({PublicStates}))",
            new { claimId },
            ct) == 1;

    /// Claims readers have seen that were merged into this one: their addresses lead here.
    public static async Task<IReadOnlyList<long>> PublicMergesIntoAsync(CommandContext db, long claimId, CancellationToken ct) =>
        (await db.QueryAsync<long>(
            $"""
            SELECT l.from_claim_id FROM claim_links l JOIN claims m ON m.id = l.from_claim_id
            WHERE l.to_claim_id = @claimId AND l.relation = 'same-as' AND m.status = 'merged'
              AND EXISTS (SELECT 1 FROM claim_transitions t WHERE t.claim_id = m.id AND t.to_status IN ({PublicStates}))
            ORDER BY l.from_claim_id
            """,
            new { claimId },
            ct)).ToList();
}
