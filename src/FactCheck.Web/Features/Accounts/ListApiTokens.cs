using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

/// The caller's own tokens (GET /api/tokens), or with All every staff member's (admins only), newest first.
[AllowAnyStaff]
[AllowedBeforePasswordChange]
public sealed record ListApiTokens(bool All = false) : IQuery<IReadOnlyList<ApiTokenInfo>>;

public sealed class ListApiTokensHandler(Db db, CurrentActor current, TimeProvider clock) : IQueryHandler<ListApiTokens, IReadOnlyList<ApiTokenInfo>>
{
    public async ValueTask<IReadOnlyList<ApiTokenInfo>> Handle(ListApiTokens query, CancellationToken cancellationToken)
    {
        if (query.All && !current.Actor.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("Only an admin sees every staff member's API tokens.");
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiTokenInfo>(new CommandDefinition(
            $"{ApiTokenSql.Columns} WHERE @All = 1 OR t.user_id = @UserId ORDER BY t.id DESC LIMIT 1000",
            new { query.All, current.Actor.UserId, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
