using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Staff list of claims, newest first, optionally only those in the given statuses.
[AllowAnyStaff]
public sealed record ListClaims(IReadOnlyList<string>? Statuses = null, int Page = 1, int PageSize = 50) : IQuery<ClaimPage>;

public sealed record ClaimPage(IReadOnlyList<ClaimRow> Items, long Total, int Page, int PageSize);

public sealed record ClaimRow(long Id, string Title, string Language, string Kind, string Status, string Claimant, DateOnly? SaidOn, long LinkCount, DateTimeOffset CreatedAt)
{
    /// For Dapper: map by property, so a computed column (no declared type in SQLite) also maps when no row comes back.
    public ClaimRow()
        : this(0, "", "", "", "", "", null, 0, default)
    {
    }
}

public sealed class ListClaimsHandler(Db db) : IQueryHandler<ListClaims, ClaimPage>
{
    public async ValueTask<ClaimPage> Handle(ListClaims query, CancellationToken cancellationToken)
    {
        var statuses = query.Statuses is { Count: > 0 } s ? s : null;
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 200);
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new { Statuses = statuses ?? [], All = statuses is null, Limit = size, Offset = (page - 1) * size };
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM claims WHERE @All = 1 OR status IN @Statuses", parameters, cancellationToken: cancellationToken));
        if (parameters.Offset >= total)
        {
            // Past the last page: nothing to read.
            return new ClaimPage([], total, page, size);
        }

        var rows = await connection.QueryAsync<ClaimRow>(new CommandDefinition(
            """
            SELECT c.id AS Id, c.title AS Title, c.language AS Language, c.kind AS Kind, c.status AS Status, p.name AS Claimant,
                   c.said_on AS SaidOn,
                   (SELECT count(*) FROM claim_links l WHERE l.from_claim_id = c.id OR l.to_claim_id = c.id) AS LinkCount,
                   c.created_at AS CreatedAt
            FROM claims c JOIN claimants p ON p.id = c.claimant_id
            WHERE @All = 1 OR c.status IN @Statuses
            ORDER BY c.created_at DESC, c.id DESC
            LIMIT @Limit OFFSET @Offset
            """,
            parameters,
            cancellationToken: cancellationToken));
        return new ClaimPage(rows.ToList(), total, page, size);
    }
}
