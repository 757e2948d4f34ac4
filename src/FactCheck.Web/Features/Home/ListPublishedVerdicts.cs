using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Home;

/// The public home page: latest published verdicts, newest first.
[AllowAnonymousMessage]
public sealed record ListPublishedVerdicts(int Limit = 20) : IQuery<IReadOnlyList<PublishedVerdict>>;

public sealed record PublishedVerdict(string Slug, string Title, string Claimant, string Language, DateTimeOffset UpdatedAt);

public sealed class ListPublishedVerdictsHandler(Db db) : IQueryHandler<ListPublishedVerdicts, IReadOnlyList<PublishedVerdict>>
{
    public async ValueTask<IReadOnlyList<PublishedVerdict>> Handle(ListPublishedVerdicts query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PublishedVerdict>(new CommandDefinition(
            """
            SELECT c.slug AS Slug, c.title AS Title, p.name AS Claimant, c.language AS Language, c.updated_at AS UpdatedAt
            FROM claims c JOIN claimants p ON p.id = c.claimant_id
            WHERE c.status = 'published'
            ORDER BY c.updated_at DESC
            LIMIT @Limit
            """,
            new { Limit = Math.Clamp(query.Limit, 1, 100) },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
