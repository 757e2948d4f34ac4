using System.Data.Common;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Full-text search over what was said, its title and its English translation, through their stems (ClaimSearchIndex),
/// with filters, sorting and paging.
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

    /// newest (default: most recently recorded), relevance (best match), oldest, said, said-desc, title.
    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public static readonly IReadOnlyList<string> Sorts = ["newest", "relevance", "oldest", "said", "said-desc", "title"];
}

/// Total is exact up to TotalCap; a text search matching more reports TotalCap with TotalIsCapped set.
public sealed record ClaimSearchPage(IReadOnlyList<ClaimHit> Items, long Total, int Page, int PageSize, string Sort, bool TotalIsCapped = false);

public sealed record ClaimHit(long Id, string Title, string Text, string? TranslationEn, string Language, string Kind, string Status, long ClaimantId, string Claimant, DateOnly? SaidOn, DateTimeOffset CreatedAt);

/// Text searches start from the full-text index and look at the Window most recent claims holding the words;
/// filters, sorting, paging and the total apply within that window, so a search costs the same whatever the
/// desk's size. (Driving the search from the claims table instead, SQLite re-runs the full-text match for every
/// claim of a filter: seconds at 100,000 claims.) "Best match" ranks the RelevanceWindow most recent matches:
/// bm25 reads each match's length, ~16 µs a claim.
public sealed class SearchClaimsHandler(Db db) : IQueryHandler<SearchClaims, ClaimSearchPage>
{
    public const int TotalCap = 1_000;
    public const int Window = 2_000;
    public const int RelevanceWindow = 500;

    private const string Columns =
        """
        c.id AS Id, c.title AS Title, c.text AS Text, c.translation_en AS TranslationEn, c.language AS Language, c.kind AS Kind,
        c.status AS Status, c.claimant_id AS ClaimantId, p.name AS Claimant, c.said_on AS SaidOn, c.created_at AS CreatedAt
        """;

    public async ValueTask<ClaimSearchPage> Handle(SearchClaims query, CancellationToken cancellationToken)
    {
        var match = SearchText.AllWordsQuery(query.Q) is { } words && db.IsPostgres ? SearchText.ToTsQuery(words) : SearchText.AllWordsQuery(query.Q);
        var sort = query.Sort is { } s && SearchClaims.Sorts.Contains(s) && (s != "relevance" || match is not null) ? s : "newest";
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 100);
        var filters = Filters(query);
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
            Window = sort == "relevance" ? RelevanceWindow : Window,
            TotalCap,
        };

        string countSql, pageSql;
        if (match is null)
        {
            var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
            countSql = $"SELECT count(*) FROM claims c {where}";
            pageSql = $"SELECT {Columns} FROM claims c JOIN claimants p ON p.id = c.claimant_id {where} ORDER BY {Order(sort)} LIMIT @Limit OFFSET @Offset";
        }
        else
        {
            // CROSS JOIN keeps SQLite from reordering the joins: the window of matches is always the outer loop.
            // PostgreSQL has no bm25: its rank weighs the title four times the text, as bm25's column weights do here,
            // and orders best first like bm25's (negative) score ascending.
            var source = db.IsPostgres
                ? $"""
                    (SELECT t.claim_id AS id{(sort == "relevance" ? PostgresRank : "")} FROM claim_search_terms t
                     WHERE search_vector(t.title, t.body) @@ @Match::tsquery ORDER BY t.claim_id DESC LIMIT @Window) w
                    JOIN claims c ON c.id = w.id JOIN claimants p ON p.id = c.claimant_id
                    """
                : $"""
                    (SELECT rowid AS id{(sort == "relevance" ? ", bm25(claim_search, 4.0, 1.0) AS rank" : "")} FROM claim_search WHERE claim_search MATCH @Match ORDER BY rowid DESC LIMIT @Window) w
                    CROSS JOIN claims c ON c.id = w.id CROSS JOIN claimants p ON p.id = c.claimant_id
                    """;
            var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
            countSql = $"SELECT count(*) FROM (SELECT 1 FROM {source} {where} LIMIT @TotalCap + 1) m";
            pageSql = $"SELECT {Columns} FROM {source} {where} ORDER BY {(sort == "relevance" ? "w.rank, c.id DESC" : Order(sort))} LIMIT @Limit OFFSET @Offset";
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(countSql, parameters, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<ClaimHit>(new CommandDefinition(pageSql, parameters, cancellationToken: cancellationToken));
        var capped = match is not null && (total > TotalCap || await WindowIsFullAsync(connection, parameters.Match!, parameters.Window, cancellationToken));
        return new ClaimSearchPage(items.ToList(), Math.Min(total, TotalCap), page, size, sort, capped);
    }

    private const string PostgresRank =
        ", -ts_rank('{0.25, 0, 0, 1}', setweight(to_tsvector('simple', t.title), 'A') || to_tsvector('simple', t.body), @Match::tsquery, 1) AS rank";

    private static async Task<bool> WindowIsFullAsync(DbConnection connection, string match, int window, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM ({connection.ClaimIdsMatching("@match")} LIMIT @window + 1) m", new { match, window }, cancellationToken: ct)) > window;

    private static List<string> Filters(SearchClaims query)
    {
        var filters = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Status)) filters.Add("c.status = @Status");
        if (query.ClaimantId is not null) filters.Add("c.claimant_id = @ClaimantId");
        if (!string.IsNullOrWhiteSpace(query.Topic)) filters.Add("EXISTS (SELECT 1 FROM claim_topics t WHERE t.claim_id = c.id AND t.topic = @Topic)");
        if (!string.IsNullOrWhiteSpace(query.Language)) filters.Add("c.language = @Language");
        if (!string.IsNullOrWhiteSpace(query.Kind)) filters.Add("c.kind = @Kind");
        if (query.SaidFrom is not null) filters.Add("c.said_on >= @SaidFrom");
        if (query.SaidTo is not null) filters.Add("c.said_on <= @SaidTo");
        return filters;
    }

    /// Written so an index serves them when browsing, except "said", which puts undated claims last.
    private static string Order(string sort) => sort switch
    {
        "oldest" => "c.id",
        "said" => "c.said_on IS NULL, c.said_on, c.id",
        "said-desc" => "c.said_on DESC NULLS LAST, c.id DESC",
        "title" => "c.title COLLATE NOCASE, c.id",
        _ => "c.id DESC",
    };
}
