using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

[AllowRoles(Roles.Admin)]
public sealed record ListUsers : IQuery<IReadOnlyList<UserSummary>>;

/// RecentFailures: failed sign-ins in the throttle's window (FactCheck:Security:LockoutMinutes), from every network.
public sealed record UserSummary(long Id, string Username, string DisplayName, string? Email, bool IsActive, string Roles, long RecentFailures, long Version)
{
    /// For Dapper: map by property, so a computed column (no declared type in SQLite) also maps when no row comes back.
    public UserSummary()
        : this(0, "", "", null, false, "", 0, 0)
    {
    }


    public IReadOnlyList<string> RoleList => Roles.Length == 0 ? [] : Roles.Split(',');
}

public sealed class ListUsersHandler(Db db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Infrastructure.FactCheckOptions> options) : IQueryHandler<ListUsers, IReadOnlyList<UserSummary>>
{
    public async ValueTask<IReadOnlyList<UserSummary>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserSummary>(new CommandDefinition(
            """
            SELECT u.id AS Id, u.username AS Username, u.display_name AS DisplayName, u.email AS Email,
                   u.is_active AS IsActive,
                   coalesce((SELECT string_agg(r.role, ',' ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '') AS Roles,
                   (SELECT count(*) FROM sign_in_failures f WHERE f.user_id = u.id AND f.at > @since) AS RecentFailures, u.version AS Version
            FROM users u
            ORDER BY u.is_active DESC, u.username
            """,
            new { since = clock.GetUtcNow().AddMinutes(-Math.Max(1, options.Value.Security.LockoutMinutes)) },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
