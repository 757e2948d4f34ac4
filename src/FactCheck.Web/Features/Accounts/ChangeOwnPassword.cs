using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Accounts;

/// A staff member replaces their own password (on /account). The current password is checked like a sign-in (and counts
/// towards its throttle); the change gives the account a new security stamp, which ends its other sign-ins and open
/// pages, and revokes every API token it holds.
[AllowAnyStaff]
[AllowedBeforePasswordChange]
public sealed record ChangeOwnPassword : ICommand<PasswordChange>, IValidatableObject
{
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(256)]
    [Sensitive]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(256, MinimumLength = Credentials.MinimumPasswordLength, ErrorMessage = "Use at least 12 characters.")]
    [Sensitive]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Type the new password again.")]
    [StringLength(256)]
    [Sensitive]
    public string ConfirmPassword { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NewPassword != ConfirmPassword)
        {
            yield return new ValidationResult("The two new passwords differ.", [nameof(ConfirmPassword)]);
        }

        if (NewPassword.Length > 0 && NewPassword == CurrentPassword)
        {
            yield return new ValidationResult("Choose a password different from the current one.", [nameof(NewPassword)]);
        }
    }
}

/// Changed: the identity to sign in again with (its new stamp); otherwise Error says why (the current password was
/// not accepted) and nothing but the failed attempt was written.
public sealed record PasswordChange(StaffIdentity? Identity, string? Error, int TokensRevoked);

public sealed class ChangeOwnPasswordHandler(IOptions<FactCheckOptions> options) : ICommandHandler<ChangeOwnPassword, PasswordChange>
{
    public async ValueTask<PasswordChange> Handle(ChangeOwnPassword command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        var username = await db.ExecuteScalarAsync<string>("SELECT username FROM users WHERE id = @UserId", new { db.Actor.UserId }, cancellationToken);
        var check = await Credentials.VerifyAsync(db, username, command.CurrentPassword, options.Value.Security, cancellationToken);
        if (check.Identity is not { } identity)
        {
            return new PasswordChange(null, "That is not your current password (or there were too many attempts: wait and try again).", 0);
        }

        var stamp = Guid.NewGuid().ToString();
        var revoked = await AccountChanges.ReplacePasswordAsync(db, identity.UserId, Credentials.HashPassword(command.NewPassword), stamp, mustChange: false, cancellationToken);
        db.Audit("user", identity.UserId, null, new { PasswordChanged = true, TokensRevoked = revoked }, "ChangeOwnPassword");
        return new PasswordChange(identity with { SecurityStamp = stamp, MustChangePassword = false }, null, revoked);
    }
}

/// What ends an account's sign-ins, shared by the password change, the admin's reset and deactivation.
public static class AccountChanges
{
    /// Sets the password hash and a new stamp, revokes every API token and forgets the failed sign-ins; returns how many
    /// tokens were revoked. Open circuits of the account sign out once the command commits.
    public static async Task<int> ReplacePasswordAsync(CommandContext db, long userId, string hash, string stamp, bool mustChange, CancellationToken ct)
    {
        await db.ExecuteAsync(
            """
            UPDATE users SET password_hash = @hash, security_stamp = @stamp, must_change_password = @mustChange,
                             version = version + 1, updated_at = @Now
            WHERE id = @userId;
            DELETE FROM sign_in_failures WHERE user_id = @userId;
            """,
            new { hash, stamp, mustChange, db.Now, userId },
            ct);
        return await EndSignInsAsync(db, userId, ct);
    }

    public static async Task<int> EndSignInsAsync(CommandContext db, long userId, CancellationToken ct)
    {
        var revoked = await db.ExecuteAsync(
            "UPDATE api_tokens SET revoked_at = @Now WHERE user_id = @userId AND revoked_at IS NULL", new { db.Now, userId }, ct);
        db.SessionsEnded(userId);
        return revoked;
    }
}
