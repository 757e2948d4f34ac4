using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Feeds;

/// What the Atom feed shows: the most recently modified published verdicts and the most recent published corrections,
/// Limit of each; the feed interleaves them by date and keeps the newest Limit entries.
[AllowAnonymousMessage]
public sealed record ListVerdictFeed(int Limit = 50) : IQuery<VerdictFeed>;

public sealed record VerdictFeed(IReadOnlyList<PublishedVerdictRow> Verdicts, IReadOnlyList<FeedCorrection> Corrections);

/// A published correction; Number counts the claim's published corrections from 1, oldest first, so it never changes.
/// Properties, not a constructor: Number is computed, and SQLite gives it no type on an empty result.
public sealed class FeedCorrection
{
    public long ClaimId { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public long Number { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public string Reason { get; init; } = "";
    public string? WhatChanged { get; init; }

    /// The language versions the correction changed, space-separated (empty: only the rating or sources).
    public string? ChangedLanguages { get; init; }
    public string OldRating { get; init; } = "";
    public string NewRating { get; init; } = "";
}

public sealed class ListVerdictFeedHandler(Db db) : IQueryHandler<ListVerdictFeed, VerdictFeed>
{
    public async ValueTask<VerdictFeed> Handle(ListVerdictFeed query, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit, 1, 200);
        await using var connection = await db.OpenAsync(cancellationToken);
        var verdicts = await PublishedVerdictRows.ReadAsync(
            connection, "1 = 1", "x.modified DESC, x.claim_id DESC", new { Limit = limit }, cancellationToken);
        var corrections = await connection.QueryAsync<FeedCorrection>(new CommandDefinition(
            """
            WITH numbered AS (
                SELECT k.id AS id, k.claim_id AS claim_id, k.published_at AS published_at, k.reason AS reason,
                       n.change_note AS what_changed, k.changed_languages AS changed_languages, o.rating AS old_rating, n.rating AS new_rating,
                       row_number() OVER (PARTITION BY k.claim_id ORDER BY k.published_at, k.id) AS number
                FROM corrections k
                JOIN verdicts o ON o.id = k.previous_verdict_id
                JOIN verdicts n ON n.id = k.new_verdict_id
                WHERE k.published_at IS NOT NULL AND n.version IS NOT NULL
            )
            SELECT c.id AS ClaimId, c.slug AS Slug, c.title AS Title, m.number AS Number, m.published_at AS PublishedAt,
                   m.reason AS Reason, m.what_changed AS WhatChanged, m.changed_languages AS ChangedLanguages, m.old_rating AS OldRating, m.new_rating AS NewRating
            FROM numbered m JOIN claims c ON c.id = m.claim_id
            WHERE c.published_verdict_id IS NOT NULL AND c.status <> 'merged'
            ORDER BY m.published_at DESC, m.id DESC
            LIMIT @limit
            """,
            new { limit },
            cancellationToken: cancellationToken));
        return new VerdictFeed(verdicts, corrections.ToList());
    }
}
