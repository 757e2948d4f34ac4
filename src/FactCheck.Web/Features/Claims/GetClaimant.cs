using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// A claimant and every claim recorded from them: their track record.
[AllowAnyStaff]
public sealed record GetClaimant(long Id) : IQuery<ClaimantDetail>;

public sealed record ClaimantDetail(ClaimantFields Claimant, IReadOnlyList<ClaimantClaim> Claims, IReadOnlyDictionary<string, long> ByStatus);

/// Side: the side of a dispute the claimant speaks for (null: not set). Version: what SetClaimantSide checks.
public sealed record ClaimantFields(
    long Id, string Name, string Kind, string? Affiliation, string? Description, string? ReferenceUrl, string? Side = null, long Version = 1);

public sealed record ClaimantClaim(long Id, string Title, string Kind, string Language, string Status, DateOnly? SaidOn);

public sealed class GetClaimantHandler(Db db) : IQueryHandler<GetClaimant, ClaimantDetail>
{
    internal const string Columns =
        "id AS Id, name AS Name, kind AS Kind, affiliation AS Affiliation, description AS Description, reference_url AS ReferenceUrl, side AS Side, version AS Version";

    public async ValueTask<ClaimantDetail> Handle(GetClaimant query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var claimant = await connection.QuerySingleOrDefaultAsync<ClaimantFields>(new CommandDefinition(
            $"SELECT {Columns} FROM claimants WHERE id = @Id", new { query.Id }, cancellationToken: cancellationToken))
            ?? throw new NotFoundException($"Claimant {query.Id} does not exist.");
        var claims = (await connection.QueryAsync<ClaimantClaim>(new CommandDefinition(
            """
            SELECT id AS Id, title AS Title, kind AS Kind, language AS Language, status AS Status, said_on AS SaidOn
            FROM claims WHERE claimant_id = @Id ORDER BY said_on IS NULL, said_on DESC, id DESC
            """,
            new { query.Id },
            cancellationToken: cancellationToken))).ToList();
        var byStatus = claims.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => (long)g.Count());
        return new ClaimantDetail(claimant, claims, byStatus);
    }
}
