using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

/// Gives a staff member a new generated password (shown once to the admin, to be replaced at their next sign-in), clears
/// their failed sign-ins, ends their sessions and open pages and revokes their API tokens.
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
        var revoked = await AccountChanges.ReplacePasswordAsync(
            db, command.Id, Credentials.HashPassword(password), Guid.NewGuid().ToString(), mustChange: true, cancellationToken);
        db.Audit("user", command.Id, new { before.Version }, new { Version = before.Version + 1, PasswordReset = true, TokensRevoked = revoked });
        return new ResetPasswordResult(before.Version + 1, password);
    }
}
