using System.Text;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Full-text search over what was said and its translation, with filters, sorting and paging.
[AllowAnyStaff]
public sealed record SearchClaims : IQuery<ClaimSearchPage>
{
    public string? Q { get; init; }

    public string? Status { get; init; }

    public long? ClaimantId { get; init; }

    public string? Topic { get; init; }

    public string? Language { get; init; }

    public string? Kind { get; init; }

    public DateOnly? SaidFrom { get; init; }

    public DateOnly? SaidTo { get; init; }

    /// relevance (default with a query), newest (default without), oldest, said, said-desc, title.
    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public static readonly IReadOnlyList<string> Sorts = ["relevance", "newest", "oldest", "said", "said-desc", "title"];
}

public sealed record ClaimSearchPage(IReadOnlyList<ClaimHit> Items, long Total, int Page, int PageSize, string Sort);

public sealed record ClaimHit(long Id, string Title, string Text, string? TranslationEn, string Language, string Kind, string Status, long ClaimantId, string Claimant, DateOnly? SaidOn, DateTimeOffset CreatedAt);

public sealed class SearchClaimsHandler(Db db) : IQueryHandler<SearchClaims, ClaimSearchPage>
{
    public async ValueTask<ClaimSearchPage> Handle(SearchClaims query, CancellationToken cancellationToken)
    {
        var match = SearchText.AllWordsQuery(query.Q);
        var sort = query.Sort is { } s && SearchClaims.Sorts.Contains(s) && (s != "relevance" || match is not null) ? s : match is null ? "newest" : "relevance";
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 100);

        var from = new StringBuilder("FROM claims c JOIN claimants p ON p.id = c.claimant_id");
        if (match is not null)
        {
            from.Append(" JOIN (SELECT rowid AS id, bm25(claims_fts, 4.0, 1.0, 1.0) AS rank FROM claims_fts WHERE claims_fts MATCH @Match) m ON m.id = c.id");
        }

        var where = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Status)) where.Add("c.status = @Status");
        if (query.ClaimantId is not null) where.Add("c.claimant_id = @ClaimantId");
        if (!string.IsNullOrWhiteSpace(query.Topic)) where.Add("c.id IN (SELECT claim_id FROM claim_topics WHERE topic = @Topic)");
        if (!string.IsNullOrWhiteSpace(query.Language)) where.Add("c.language = @Language");
        if (!string.IsNullOrWhiteSpace(query.Kind)) where.Add("c.kind = @Kind");
        if (query.SaidFrom is not null) where.Add("c.said_on >= @SaidFrom");
        if (query.SaidTo is not null) where.Add("c.said_on <= @SaidTo");
        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        var order = sort switch
        {
            "relevance" => "m.rank, c.id DESC",
            "oldest" => "c.created_at, c.id",
            "said" => "c.said_on IS NULL, c.said_on, c.id",
            "said-desc" => "c.said_on IS NULL, c.said_on DESC, c.id DESC",
            "title" => "c.title COLLATE NOCASE, c.id",
            _ => "c.created_at DESC, c.id DESC",
        };

        var parameters = new
        {
            Match = match,
            query.Status,
            query.ClaimantId,
            Topic = query.Topic?.Trim(),
            query.Language,
            query.Kind,
            query.SaidFrom,
            query.SaidTo,
            Limit = size,
            Offset = (page - 1) * size,
        };
        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) {from}{filter}", parameters, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<ClaimHit>(new CommandDefinition(
            $"""
            SELECT c.id AS Id, c.title AS Title, c.text AS Text, c.translation_en AS TranslationEn, c.language AS Language, c.kind AS Kind,
                   c.status AS Status, c.claimant_id AS ClaimantId, p.name AS Claimant, c.said_on AS SaidOn, c.created_at AS CreatedAt
            {from}{filter}
            ORDER BY {order}
            LIMIT @Limit OFFSET @Offset
            """,
            parameters,
            cancellationToken: cancellationToken));
        return new ClaimSearchPage(items.ToList(), total, page, size, sort);
    }
}
