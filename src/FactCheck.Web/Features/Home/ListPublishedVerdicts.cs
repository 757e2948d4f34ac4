using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Home;

/// The public home page: latest published verdicts, newest first (a verdict under correction stays public).
[AllowAnonymousMessage]
public sealed record ListPublishedVerdicts(int Limit = 20) : IQuery<IReadOnlyList<PublishedVerdict>>;

public sealed record PublishedVerdict(string Slug, string Title, string Claimant, string Language, string Rating, string Summary, DateTimeOffset UpdatedAt)
{
    public string RatingLabel { get; init; } = Rating;
}

public sealed class ListPublishedVerdictsHandler(Db db, RatingScale scale) : IQueryHandler<ListPublishedVerdicts, IReadOnlyList<PublishedVerdict>>
{
    public async ValueTask<IReadOnlyList<PublishedVerdict>> Handle(ListPublishedVerdicts query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PublishedVerdict>(new CommandDefinition(
            """
            SELECT c.slug AS Slug, c.title AS Title, p.name AS Claimant, c.language AS Language, v.rating AS Rating,
                   v.summary AS Summary, v.updated_at AS UpdatedAt
            FROM claims c JOIN claimants p ON p.id = c.claimant_id JOIN verdicts v ON v.id = c.published_verdict_id
            WHERE c.published_verdict_id IS NOT NULL AND c.status <> 'merged'
            ORDER BY v.published_at DESC
            LIMIT @Limit
            """,
            new { Limit = Math.Clamp(query.Limit, 1, 100) },
            cancellationToken: cancellationToken));
        return rows.Select(r => r with { RatingLabel = scale.Find(r.Rating)?.LabelEn ?? r.Rating }).ToList();
    }
}
