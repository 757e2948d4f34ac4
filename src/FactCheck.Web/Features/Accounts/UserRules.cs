using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Accounts;

/// Rules shared by the commands that create and change staff accounts.
public static class UserRules
{
    public static IEnumerable<ValidationResult> ValidateRoles(IReadOnlyCollection<string> roles, string member)
    {
        if (roles.Count == 0)
        {
            yield return new ValidationResult("Choose at least one role.", [member]);
        }

        foreach (var role in roles.Where(r => !Roles.IsKnown(r)))
        {
            yield return new ValidationResult($"'{role}' is not a role. Roles: {string.Join(", ", Roles.All)}.", [member]);
        }
    }

    /// Refuses a change that would leave the desk without an active admin.
    public static async Task EnsureAnotherActiveAdminAsync(CommandContext db, long userId, CancellationToken ct)
    {
        var others = await db.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id
            WHERE r.role = 'admin' AND u.is_active = 1 AND u.id <> @userId
            """,
            new { userId },
            ct);
        if (others == 0)
        {
            throw new ConflictException("This is the last active admin: make someone else admin first.");
        }
    }

    public static async Task<UserState> LoadAsync(CommandContext db, long id, long expectedVersion, CancellationToken ct)
    {
        var state = await db.QuerySingleOrDefaultAsync<UserState>(
            """
            SELECT id AS Id, username AS Username, display_name AS DisplayName, email AS Email, is_active AS IsActive, version AS Version,
                   coalesce((SELECT string_agg(r.role, ',' ORDER BY r.role) FROM user_roles r WHERE r.user_id = users.id), '') AS Roles
            FROM users WHERE id = @id
            """,
            new { id },
            ct) ?? throw new NotFoundException($"User {id} does not exist.");
        if (state.Version != expectedVersion)
        {
            throw new ConflictException($"{state.Username} was changed by someone else (version {state.Version}, you had {expectedVersion}). Reload and try again.", state);
        }

        return state;
    }

    public static async Task ReplaceRolesAsync(CommandContext db, long userId, IEnumerable<string> roles, CancellationToken ct)
    {
        await db.ExecuteAsync("DELETE FROM user_roles WHERE user_id = @userId", new { userId }, ct);
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            await db.ExecuteAsync("INSERT INTO user_roles (user_id, role) VALUES (@userId, @role)", new { userId, role }, ct);
        }
    }
}

public sealed record UserState(long Id, string Username, string DisplayName, string? Email, bool IsActive, long Version, string Roles);
