using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Tips;

/// Records that a tip became a claim. Sent from the inbox (an editor names the claim) or by the intake form once the
/// claim it was opened with (?tip=) is saved. A dismissed tip may still be converted: dismissals can be wrong.
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record MarkTipConverted(long TipId, long ClaimId) : ICommand, Claims.IChangesClaims
{
    /// Changes the tip, not the claim's record: ClaimChangePolicy lets anyone who may send it name any claim.
    public IEnumerable<Claims.ClaimTouch> ClaimsTouched() => [new(ClaimId, Claims.ClaimChange.TipConversion)];
}

internal sealed record TipState(string Status, long? ClaimId, string? DismissReason);

public sealed class MarkTipConvertedHandler : ICommandHandler<MarkTipConverted>
{
    public async ValueTask<Unit> Handle(MarkTipConverted command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        if (await db.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE id = @ClaimId", new { command.ClaimId }, cancellationToken) == 0)
        {
            throw ValidationFailedException.For(nameof(MarkTipConverted.ClaimId), $"Claim #{command.ClaimId} does not exist.");
        }

        await TipConversion.MarkAsync(db, command.TipId, command.ClaimId, cancellationToken);
        return Unit.Value;
    }
}

/// The conversion rule, shared by the inbox's command and by SubmitClaim (a claim saved from a tip marks the tip
/// in the same transaction). The caller has checked that the claim exists.
public static class TipConversion
{
    public static async Task MarkAsync(CommandContext db, long tipId, long claimId, CancellationToken cancellationToken)
    {
        var tip = await db.QuerySingleOrDefaultAsync<TipState>(
            "SELECT status AS Status, claim_id AS ClaimId, dismiss_reason AS DismissReason FROM tips WHERE id = @TipId", new { TipId = tipId }, cancellationToken)
            ?? throw new NotFoundException($"Tip {tipId} does not exist.");
        if (tip.Status == TipRules.Converted)
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
        db.Audit("tip", tipId, new { tip.Status, tip.DismissReason }, new { Status = TipRules.Converted, ClaimId = claimId });
    }
}
