using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

/// Gives a staff member a new generated password (shown once to the admin), clears a lockout and ends their sessions.
[AllowRoles(Roles.Admin)]
public sealed record ResetPassword(long Id, long Version) : ICommand<ResetPasswordResult>;

public sealed record ResetPasswordResult(long Version, [property: Sensitive] string Password);

public sealed class ResetPasswordHandler : ICommandHandler<ResetPassword, ResetPasswordResult>
{
    public async ValueTask<ResetPasswordResult> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        var before = await UserRules.LoadAsync(db, command.Id, command.Version, cancellationToken);
        var password = Credentials.GeneratePassword();
        await db.ExecuteAsync(
            """
            UPDATE users SET password_hash = @Hash, security_stamp = @Stamp, failed_logins = 0, lockout_until = NULL,
                             version = version + 1, updated_at = @Now
            WHERE id = @Id
            """,
            new { Hash = Credentials.HashPassword(password), Stamp = Guid.NewGuid(), db.Now, command.Id },
            cancellationToken);
        db.Audit("user", command.Id, new { before.Version }, new { Version = before.Version + 1, PasswordReset = true });
        return new ResetPasswordResult(before.Version + 1, password);
    }
}
