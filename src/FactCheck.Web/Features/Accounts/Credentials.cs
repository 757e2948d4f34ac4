using System.Security.Cryptography;
using System.Text;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Identity;

namespace FactCheck.Web.Features.Accounts;

public sealed record StaffIdentity(long UserId, string Username, string DisplayName, IReadOnlyList<string> Roles, string SecurityStamp)
{
    public bool MustChangePassword { get; init; }

    /// The staff language chosen at /account (id or en); null until the first sign-in stores the browser's.
    public string? Language { get; init; }
}

public sealed record CredentialCheck(StaffIdentity? Identity, string? Error)
{
    public bool Succeeded => Identity is not null;
}

/// Checks a username and password inside the running command. Shared by the sign-in form, API token issue and the
/// password change, so all three throttle alike. Every failure (unknown user, wrong password, deactivated account,
/// too many failures) gets the same answer after the same work: one password hash check and one failure written.
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

    /// Failures count in a sliding window of LockoutMinutes: MaxFailedLogins from one client network lock the account
    /// for that network only (a stranger cannot lock its owner out), MaxFailedLoginsPerAccount from anywhere lock it
    /// for everyone (a guesser rotating through networks). Old failures drop out of the window one by one.
    public static async Task<CredentialCheck> VerifyAsync(CommandContext db, string username, string password, FactCheckOptions.SecurityOptions security, CancellationToken ct)
    {
        var user = await db.QuerySingleOrDefaultAsync<UserRow>(
            """
            SELECT id AS Id, username AS Username, display_name AS DisplayName, password_hash AS PasswordHash, is_active AS IsActive,
                   security_stamp AS SecurityStamp, must_change_password AS MustChangePassword, language AS Language
            FROM users WHERE username = @username
            """,
            new { username },
            ct);
        var network = await NetworkHashAsync(db, ct);
        var since = db.Now.AddMinutes(-Math.Max(1, security.LockoutMinutes));
        var failures = await db.QuerySingleOrDefaultAsync<FailureCount>(
            "SELECT count(*) FILTER (WHERE network_hash = @network) AS FromNetwork, count(*) AS Total FROM sign_in_failures WHERE user_id = @UserId AND at > @since",
            new { network, UserId = user?.Id ?? 0, since },
            ct) ?? new FailureCount();
        var locked = failures.FromNetwork >= security.MaxFailedLogins || failures.Total >= security.MaxFailedLoginsPerAccount;
        var verdict = Hasher.VerifyHashedPassword(null!, user?.PasswordHash ?? DummyHash, password);
        if (user is null || !user.IsActive || locked || verdict == PasswordVerificationResult.Failed)
        {
            await db.ExecuteAsync(
                """
                DELETE FROM sign_in_failures WHERE at <= @since;
                INSERT INTO sign_in_failures (user_id, network_hash, at) VALUES (@UserId, @network, @Now);
                """,
                new { since, UserId = user?.Id, network, db.Now },
                ct);
            var reason = user is null ? "unknown username" : !user.IsActive ? "deactivated" : locked ? "too many failures" : "wrong password";
            db.Audit(user is null ? "sign_in" : "user", user?.Id ?? (object)"unknown", null, new { Reason = reason }, "SignInFailed");
            return new CredentialCheck(null, InvalidMessage);
        }

        var cleared = await db.ExecuteAsync(
            "DELETE FROM sign_in_failures WHERE user_id = @Id AND network_hash = @network", new { user.Id, network }, ct);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded || cleared > 0)
        {
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            {
                await db.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @Id", new { hash = HashPassword(password), user.Id }, ct);
            }

            db.Audit("user", user.Id, null, new { FailuresCleared = cleared }, "SignInSucceeded");
        }

        var roles = (await db.QueryAsync<string>("SELECT role FROM user_roles WHERE user_id = @Id ORDER BY role", new { user.Id }, ct)).ToList();
        return new CredentialCheck(new StaffIdentity(user.Id, user.Username, user.DisplayName, roles, user.SecurityStamp) { MustChangePassword = user.MustChangePassword, Language = user.Language }, null);
    }

    /// The client's network as a salted hash (the tips' per-database salt): failures are matched by network, and no
    /// address is kept.
    private static async Task<string> NetworkHashAsync(CommandContext db, CancellationToken ct)
    {
        var salt = await db.ExecuteScalarAsync<byte[]>("SELECT salt FROM tip_client_salt WHERE id = 1", null, ct);
        return Convert.ToHexStringLower(SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(db.Actor.Network ?? "unknown")]));
    }

    private sealed record UserRow(long Id, string Username, string DisplayName, string PasswordHash, bool IsActive, string SecurityStamp, bool MustChangePassword, string? Language);

    private sealed record FailureCount(long FromNetwork, long Total)
    {
        public FailureCount()
            : this(0, 0)
        {
        }
    }
}
