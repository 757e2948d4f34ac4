using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

[AllowRoles(Roles.Admin)]
public sealed record ListUsers : IQuery<IReadOnlyList<UserSummary>>;

public sealed record UserSummary(long Id, string Username, string DisplayName, string? Email, bool IsActive, string Roles, DateTimeOffset? LockoutUntil, long Version)
{
    /// For Dapper: map by property, so a computed column (no declared type in SQLite) also maps when no row comes back.
    public UserSummary()
        : this(0, "", "", null, false, "", null, 0)
    {
    }


    public IReadOnlyList<string> RoleList => Roles.Length == 0 ? [] : Roles.Split(',');
}

public sealed class ListUsersHandler(Db db) : IQueryHandler<ListUsers, IReadOnlyList<UserSummary>>
{
    public async ValueTask<IReadOnlyList<UserSummary>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserSummary>(new CommandDefinition(
            """
            SELECT u.id AS Id, u.username AS Username, u.display_name AS DisplayName, u.email AS Email,
                   u.is_active AS IsActive,
                   coalesce((SELECT group_concat(role, ',') FROM (SELECT role FROM user_roles r WHERE r.user_id = u.id ORDER BY role)), '') AS Roles,
                   u.lockout_until AS LockoutUntil, u.version AS Version
            FROM users u
            ORDER BY u.is_active DESC, u.username
            """,
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
