using System.ComponentModel.DataAnnotations;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// The sides already given to claimants, for the side field's suggestions: reusing a spelling keeps the balance view in one row per side.
[AllowRoles(Roles.Editor)]
public sealed record ListClaimantSides : IQuery<IReadOnlyList<string>>;

public sealed class ListClaimantSidesHandler(Db db) : IQueryHandler<ListClaimantSides, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListClaimantSides query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var sides = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT side FROM claimants WHERE side IS NOT NULL GROUP BY side ORDER BY side COLLATE NOCASE, side LIMIT 200",
            cancellationToken: cancellationToken));
        return sides.ToList();
    }
}
