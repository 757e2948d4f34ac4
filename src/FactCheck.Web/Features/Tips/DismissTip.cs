using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Tips;

/// An editor decides a new tip is not worth a claim (spam, already checked, out of scope) and says why.
[AllowRoles(Roles.Editor)]
public sealed record DismissTip : ICommand
{
    public long Id { get; init; }

    [Required(ErrorMessage = "Say why the tip is dismissed.")]
    [StringLength(TipRules.MaxReasonLength, ErrorMessage = "Keep the reason to 500 characters.")]
    public string Reason { get; init; } = "";
}

public sealed class DismissTipHandler : ICommandHandler<DismissTip>
{
    public async ValueTask<Unit> Handle(DismissTip command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        var reason = command.Reason.Trim();
        var changed = await db.ExecuteAsync(
            """
            UPDATE tips SET status = 'dismissed', dismiss_reason = @reason, handled_by = @UserId, handled_at = @Now
            WHERE id = @Id AND status = 'new'
            """,
            new { reason, db.Actor.UserId, db.Now, command.Id },
            cancellationToken);
        if (changed == 0)
        {
            var status = await db.QuerySingleOrDefaultAsync<string>("SELECT status FROM tips WHERE id = @Id", new { command.Id }, cancellationToken)
                ?? throw new NotFoundException($"Tip {command.Id} does not exist.");
            throw new ConflictException($"Tip {command.Id} is already {status}.");
        }

        db.Audit("tip", command.Id, new { Status = TipRules.New }, new { Status = TipRules.Dismissed, Reason = reason });
        return Unit.Value;
    }
}
