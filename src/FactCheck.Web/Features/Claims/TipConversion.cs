using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Claims;

/// The conversion rule, shared by the inbox's command and by SubmitClaim (a claim saved from a tip marks the tip
/// in the same transaction). The caller has checked that the claim exists.
public static class TipConversion
{
    /// The tip status a conversion sets (TipRules.Converted in the tips inbox).
    public const string Converted = "converted";

    public static async Task MarkAsync(CommandContext db, long tipId, long claimId, CancellationToken cancellationToken)
    {
        var tip = await db.QuerySingleOrDefaultAsync<TipState>(
            "SELECT status AS Status, claim_id AS ClaimId, dismiss_reason AS DismissReason FROM tips WHERE id = @TipId", new { TipId = tipId }, cancellationToken)
            ?? throw new NotFoundException($"Tip {tipId} does not exist.");
        if (tip.Status == Converted)
        {
            // Saying it twice (the intake form and an editor) is fine; naming a different claim is a conflict.
            if (tip.ClaimId != claimId)
            {
                throw new ConflictException($"Tip {tipId} is already linked to claim #{tip.ClaimId}.");
            }

            return;
        }

        await db.ExecuteAsync(
            """
            UPDATE tips SET status = 'converted', claim_id = @ClaimId, dismiss_reason = NULL, handled_by = @UserId, handled_at = @Now
            WHERE id = @TipId
            """,
            new { ClaimId = claimId, db.Actor.UserId, db.Now, TipId = tipId },
            cancellationToken);
        db.Audit("tip", tipId, new { tip.Status, tip.DismissReason }, new { Status = Converted, ClaimId = claimId });
    }
}

internal sealed record TipState(string Status, long? ClaimId, string? DismissReason);
