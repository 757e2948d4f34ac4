using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// The people a claim can be given to: active staff with the fact-checker or editor role (as AssignClaim accepts).
[AllowRoles(Roles.Editor)]
public sealed record ListAssignees : IQuery<IReadOnlyList<Assignee>>;

/// Roles is comma-separated, as stored (e.g. "editor,factchecker").
public sealed record Assignee(long Id, string Name, string Roles)
{
    /// For Dapper: map by property, so the computed Roles column also maps when no row comes back.
    public Assignee()
        : this(0, "", "")
    {
    }

    public bool IsEditor => Roles.Split(',').Contains(Infrastructure.Pipeline.Roles.Editor);
}

public sealed class ListAssigneesHandler(Db db) : IQueryHandler<ListAssignees, IReadOnlyList<Assignee>>
{
    public async ValueTask<IReadOnlyList<Assignee>> Handle(ListAssignees query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Assignee>(new CommandDefinition(
            """
            SELECT u.id AS Id, u.display_name AS Name,
                   (SELECT group_concat(role, ',') FROM (SELECT role FROM user_roles r
                    WHERE r.user_id = u.id AND r.role IN ('factchecker', 'editor') ORDER BY role)) AS Roles
            FROM users u
            WHERE u.is_active = 1
              AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('factchecker', 'editor'))
            ORDER BY u.display_name, u.id
            """,
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
