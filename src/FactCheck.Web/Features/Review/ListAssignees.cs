using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// The people an editor can give claims to (active fact-checkers and editors, as AssignClaim accepts them),
/// with how many open claims each already has, so work can be spread evenly.
[AllowRoles(Roles.Editor)]
public sealed record ListAssignees : IQuery<IReadOnlyList<Assignee>>;

public sealed record Assignee
{
    public long Id { get; init; }
    public string DisplayName { get; init; } = "";
    public string Username { get; init; } = "";
    public bool IsFactChecker { get; init; }
    public long OpenClaims { get; init; }
}

public sealed class ListAssigneesHandler(Db db) : IQueryHandler<ListAssignees, IReadOnlyList<Assignee>>
{
    public async ValueTask<IReadOnlyList<Assignee>> Handle(ListAssignees query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Assignee>(new CommandDefinition(
            """
            SELECT u.id AS Id, u.display_name AS DisplayName, u.username AS Username,
                   EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'factchecker') AS IsFactChecker,
                   (SELECT count(*) FROM claims c WHERE c.assignee_id = u.id AND c.status IN @OpenStates) AS OpenClaims
            FROM users u
            WHERE u.is_active = 1
              AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('factchecker', 'editor'))
            ORDER BY IsFactChecker DESC, u.display_name
            """,
            new { ReviewActions.OpenStates },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
