using System.Security.Cryptography;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Identity;

namespace FactCheck.Web.Features.Accounts;

public sealed record StaffIdentity(long UserId, string Username, string DisplayName, IReadOnlyList<string> Roles, string SecurityStamp);

public sealed record CredentialCheck(StaffIdentity? Identity, string? Error, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => Identity is not null;
}

/// Checks a username and password inside the running command, counting failures and locking the account
/// after too many. Shared by cookie sign-in and API token issue so both lock out alike.
public static class Credentials
{
    public const string InvalidMessage = "Unknown username or wrong password.";
    public const int MinimumPasswordLength = 12;

    private static readonly PasswordHasher<StaffIdentity> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword(null!, "timing-equaliser-" + Guid.NewGuid());

    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);

    /// A readable password a person can type: 4 groups of 5 characters from an unambiguous alphabet (~100 bits).
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(alphabet, 5));
        return string.Join('-', groups);
    }

    public static async Task<CredentialCheck> VerifyAsync(CommandContext db, string username, string password, FactCheckOptions.SecurityOptions security, CancellationToken ct)
    {
        var user = await db.QuerySingleOrDefaultAsync<UserRow>(
            """
            SELECT id AS Id, username AS Username, display_name AS DisplayName, password_hash AS PasswordHash,
                   is_active AS IsActive, failed_logins AS FailedLogins, lockout_until AS LockoutUntil, security_stamp AS SecurityStamp
            FROM users WHERE username = @username
            """,
            new { username },
            ct);
        if (user is null)
        {
            // Same work as a real check, so response time does not reveal which usernames exist.
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return new CredentialCheck(null, InvalidMessage);
        }

        if (user.LockoutUntil is { } until && until > db.Now)
        {
            return new CredentialCheck(null, $"Too many failed sign-ins: this account is locked until {until:yyyy-MM-dd HH:mm} UTC.", until);
        }

        var verdict = Hasher.VerifyHashedPassword(null!, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed || !user.IsActive)
        {
            var failures = user.FailedLogins + 1;
            DateTimeOffset? lockout = failures >= security.MaxFailedLogins ? db.Now.AddMinutes(security.LockoutMinutes) : null;
            await db.ExecuteAsync(
                "UPDATE users SET failed_logins = @failures, lockout_until = @lockout WHERE id = @Id",
                new { failures = lockout is null ? failures : 0, lockout, user.Id },
                ct);
            db.Audit("user", user.Id, new { user.FailedLogins }, new { FailedLogins = failures, LockedUntil = lockout }, lockout is null ? "SignInFailed" : "AccountLockedOut");
            return lockout is null
                ? new CredentialCheck(null, user.IsActive ? InvalidMessage : "This account is deactivated.")
                : new CredentialCheck(null, $"Too many failed sign-ins: this account is locked until {lockout:yyyy-MM-dd HH:mm} UTC.", lockout);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded || user.FailedLogins > 0 || user.LockoutUntil is not null)
        {
            await db.ExecuteAsync(
                "UPDATE users SET failed_logins = 0, lockout_until = NULL, password_hash = @hash WHERE id = @Id",
                new { hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? HashPassword(password) : user.PasswordHash, user.Id },
                ct);
            db.Audit("user", user.Id, new { user.FailedLogins }, new { FailedLogins = 0 }, "SignInSucceeded");
        }

        var roles = (await db.QueryAsync<string>("SELECT role FROM user_roles WHERE user_id = @Id ORDER BY role", new { user.Id }, ct)).ToList();
        return new CredentialCheck(new StaffIdentity(user.Id, user.Username, user.DisplayName, roles, user.SecurityStamp), null);
    }

    private sealed record UserRow(long Id, string Username, string DisplayName, string PasswordHash, bool IsActive, long FailedLogins, DateTimeOffset? LockoutUntil, string SecurityStamp);
}
