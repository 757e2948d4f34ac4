using Dapper;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Database;
using System.Data.Common;

namespace FactCheck.Web.Features.Verdicts;

public sealed record PublishedVerdictPage(IReadOnlyList<PublishedVerdict> Items, int Page, bool HasOlder);

public sealed record PublishedVerdict(
    long ClaimId, string Slug, string Title, long ClaimantId, string Claimant, string RatingKey, DateTimeOffset UpdatedAt, bool Corrected,
    DateOnly? SaidOn, string? TitleId, string? SummaryId, string? TitleEn, string? SummaryEn)
{

    /// The verdict's title and summary in the reader's language, or in the one language it has (Language says which).
    public (string Language, string Title, string Summary) TextIn(string language) =>
        (language == "id" && SummaryId is not null) || SummaryEn is null
            ? ("id", TitleId ?? Title, SummaryId ?? "")
            : ("en", TitleEn ?? Title, SummaryEn);

    /// The scale entry (labels, position); null only when the desk removed the rating from its scale after using it.
    public Rating? Rating { get; init; }

    public string Label(string language) => Rating?.Label(language) ?? RatingKey;
}

/// The cleaned-up filters of a verdict list: user text never reaches SQL except as bound parameters. Match is an
/// FTS5 expression built by SearchText (quoted words and their stems only); NoWords marks a search for text with no word in it
/// ("***"), which finds nothing rather than everything.
public sealed record VerdictFilter(string? Match, string? Rating, string? Topic, long? ClaimantId, bool NoWords = false)
{
    public const int MaxQueryLength = 200;
    public const int PageSize = 20;

    /// The search box's text as the page echoes it: trimmed, at most MaxQueryLength characters, without what is not
    /// text (TextGuard), never an error.
    public static string? CleanQuery(string? q)
    {
        var text = q is null ? null : Infrastructure.Pipeline.TextGuard.RemoveUnacceptable(q).Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > MaxQueryLength ? text[..MaxQueryLength].TrimEnd() : text;
    }

    public static VerdictFilter From(RatingScale scale, string? q, string? rating, string? topic, long? claimantId = null)
    {
        var text = CleanQuery(q);
        var match = SearchText.AllWordsQuery(text);
        return new(
            match,
            scale.Find(rating?.Trim())?.Key,
            string.IsNullOrWhiteSpace(topic) || topic.Length > 100 ? null : topic.Trim(),
            claimantId,
            NoWords: text is not null && match is null);
    }
}

/// The verdict list the home and claimant pages share.
public static class PublishedVerdictReader
{
    public static async Task<PublishedVerdictPage> PageAsync(
        DbConnection connection, RatingScale scale, VerdictFilter filter, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, 10_000);
        if (filter.NoWords)
        {
            return new PublishedVerdictPage([], page, false);
        }

        var conditions = new List<string>();
        if (filter.Match is not null) conditions.Add($"c.id IN ({connection.ClaimIdsMatching("@Match")})");
        if (filter.Rating is not null) conditions.Add("v.rating = @Rating");
        if (filter.Topic is not null) conditions.Add("EXISTS (SELECT 1 FROM claim_topics t WHERE t.claim_id = c.id AND t.topic = @Topic)");
        if (filter.ClaimantId is not null) conditions.Add("c.claimant_id = @ClaimantId");
        var where = string.Concat(conditions.Select(c => " AND " + c));

        // Driven by the published verdicts (a partial index), not by every claim. One row more than a page tells
        // whether an older page exists without counting every match.
        var rows = (await connection.QueryAsync<PublishedVerdict>(new CommandDefinition(
            $"""
            SELECT c.id AS ClaimId, c.slug AS Slug, c.title AS Title, p.id AS ClaimantId, p.name AS Claimant,
                   v.rating AS RatingKey, v.updated_at AS UpdatedAt,
                   EXISTS (SELECT 1 FROM corrections k WHERE k.claim_id = c.id AND k.published_at IS NOT NULL) AS Corrected,
                   c.said_on AS SaidOn,
                   ti.title AS TitleId, ti.summary AS SummaryId, te.title AS TitleEn, te.summary AS SummaryEn
            FROM verdicts v JOIN claims c ON c.id = v.claim_id AND c.published_verdict_id = v.id
            JOIN claimants p ON p.id = c.claimant_id
            LEFT JOIN verdict_texts ti ON ti.verdict_id = v.id AND ti.language = 'id'
            LEFT JOIN verdict_texts te ON te.verdict_id = v.id AND te.language = 'en'
            WHERE v.state = 'published' AND c.status <> 'merged'{where}
            ORDER BY v.updated_at DESC, v.id DESC
            LIMIT @Take OFFSET @Offset
            """,
            new { Match = filter.Match is { } match && connection.IsPostgres() ? SearchText.ToTsQuery(match) : filter.Match, filter.Rating, filter.Topic, filter.ClaimantId, Take = VerdictFilter.PageSize + 1, Offset = (page - 1) * VerdictFilter.PageSize },
            cancellationToken: ct))).ToList();

        var items = rows.Take(VerdictFilter.PageSize).Select(r => r with { Rating = scale.Find(r.RatingKey) }).ToList();
        return new PublishedVerdictPage(items, page, rows.Count > VerdictFilter.PageSize);
    }
}
