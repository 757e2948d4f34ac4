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

public sealed class MarkTipConvertedHandler : ICommandHandler<MarkTipConverted>
{
    public async ValueTask<Unit> Handle(MarkTipConverted command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        if (await db.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE id = @ClaimId", new { command.ClaimId }, cancellationToken) == 0)
        {
            throw ValidationFailedException.For(nameof(MarkTipConverted.ClaimId), $"Claim #{command.ClaimId} does not exist.");
        }

        await Claims.TipConversion.MarkAsync(db, command.TipId, command.ClaimId, cancellationToken);
        return Unit.Value;
    }
}
