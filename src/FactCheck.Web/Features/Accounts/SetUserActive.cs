using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

/// Deactivates or reactivates a staff account. Deactivation ends its sessions and revokes its API tokens.
[AllowRoles(Roles.Admin)]
public sealed record SetUserActive(long Id, long Version, bool Active) : ICommand<long>;

public sealed class SetUserActiveHandler : ICommandHandler<SetUserActive, long>
{
    public async ValueTask<long> Handle(SetUserActive command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        var before = await UserRules.LoadAsync(db, command.Id, command.Version, cancellationToken);
        if (!command.Active)
        {
            if (command.Id == db.Actor.UserId)
            {
                throw new ConflictException("You cannot deactivate your own account.");
            }

            if (before.Roles.Split(',').Contains(Roles.Admin))
            {
                await UserRules.EnsureAnotherActiveAdminAsync(db, command.Id, cancellationToken);
            }

            await AccountChanges.EndSignInsAsync(db, command.Id, cancellationToken);
        }

        await db.ExecuteAsync(
            """
            UPDATE users SET is_active = @Active, version = version + 1, updated_at = @Now, security_stamp = @Stamp
            WHERE id = @Id;
            DELETE FROM sign_in_failures WHERE user_id = @Id;
            """,
            new { command.Active, db.Now, Stamp = Guid.NewGuid(), command.Id },
            cancellationToken);
        db.Audit("user", command.Id, before, before with { IsActive = command.Active, Version = before.Version + 1 }, command.Active ? "ReactivateUser" : "DeactivateUser");
        return before.Version + 1;
    }
}
