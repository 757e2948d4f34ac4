using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Dashboard;

[AllowAnyStaff]
public sealed record CountClaimsByStatus : IQuery<IReadOnlyList<StatusCount>>;

public sealed record StatusCount(string Status, long Count)
{
    /// For Dapper: map by property, so a computed column (no declared type in SQLite) also maps when no row comes back.
    public StatusCount()
        : this("", 0)
    {
    }
}

public sealed class CountClaimsByStatusHandler(Db db) : IQueryHandler<CountClaimsByStatus, IReadOnlyList<StatusCount>>
{
    public async ValueTask<IReadOnlyList<StatusCount>> Handle(CountClaimsByStatus query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StatusCount>(new CommandDefinition(
            "SELECT status AS Status, count(*) AS Count FROM claims GROUP BY status ORDER BY count(*) DESC, status",
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
