using System.ComponentModel.DataAnnotations;
using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Features.Verdicts;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Feeds;

/// Published verdicts modified after Since, oldest change first (then by claim id): a cursor a platform can poll.
/// A page never splits the claims modified at one instant, so NextSince (the last item's exact DateModified) loses
/// none: it ends before such a group, or, when one group fills the whole page, holds all of it (more than Limit).
[AllowAnonymousMessage]
public sealed record ListClaimReviews : IQuery<ClaimReviewBatch>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public DateTimeOffset? Since { get; init; }

    [Range(1, MaxLimit, ErrorMessage = "Ask for 1 to 500 items at a time.")]
    public int Limit { get; init; } = DefaultLimit;
}

/// Items carry what ClaimReview markup reads (claim, claimant, appearances, current verdict, dates); the explanation,
/// evidence, links and version history the verdict page also shows are left empty.
public sealed record ClaimReviewBatch(IReadOnlyList<PublicVerdictPage> Items, DateTimeOffset? NextSince);

public sealed class ListClaimReviewsHandler(Db db, RatingScale scale) : IQueryHandler<ListClaimReviews, ClaimReviewBatch>
{
    private const string Ascending = "x.modified, x.claim_id";

    private sealed record AppearanceRow(long ClaimId, string Url, string? Outlet, DateOnly? PublishedOn, bool FirstSeen);

    public async ValueTask<ClaimReviewBatch> Handle(ListClaimReviews query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var since = query.Since ?? DateTimeOffset.MinValue;
        var rows = await PublishedVerdictRows.ReadAsync(
            connection, "x.modified > @Since", Ascending, new { Since = since, Limit = query.Limit + 1 }, cancellationToken);

        DateTimeOffset? next = null;
        if (rows.Count > query.Limit)
        {
            var last = rows[query.Limit - 1].DateModified;
            if (rows[query.Limit].DateModified != last)
            {
                rows = rows[..query.Limit];
            }
            else if (rows[0].DateModified != last)
            {
                rows = rows.TakeWhile(r => r.DateModified < last).ToList();
            }
            else
            {
                rows = await PublishedVerdictRows.ReadAsync(
                    connection, "x.modified = @At", Ascending, new { At = last, Limit = long.MaxValue }, cancellationToken);
            }

            next = rows[^1].DateModified;
        }

        var appearances = (await connection.QueryAsync<AppearanceRow>(new CommandDefinition(
            """
            SELECT claim_id AS ClaimId, url AS Url, outlet AS Outlet, published_on AS PublishedOn, first_seen AS FirstSeen
            FROM appearances WHERE claim_id IN @Ids
            ORDER BY claim_id, first_seen DESC, published_on, id
            """,
            new { Ids = rows.Select(r => r.ClaimId).ToList() },
            cancellationToken: cancellationToken))).ToLookup(a => a.ClaimId);

        return new ClaimReviewBatch(rows.Select(r => ToPage(r, appearances[r.ClaimId])).ToList(), next);
    }

    private PublicVerdictPage ToPage(PublishedVerdictRow row, IEnumerable<AppearanceRow> appearances)
    {
        var rating = scale.Find(row.Rating);
        return new PublicVerdictPage(
            row.ClaimId, row.Slug, row.Title, row.Text, row.Language, row.TranslationEn, row.SaidOn, row.Place, row.Kind,
            null, null, null, null,
            new PublicClaimant(row.ClaimantId, row.ClaimantName, row.ClaimantKind, row.ClaimantAffiliation),
            row.TopicList(),
            new PublicRatedVerdict(
                (int)row.Version, row.Rating, rating, rating?.Polarity ?? "neither", row.Attribution, row.Texts,
                row.VerdictPublishedAt, row.VerdictUpdatedAt),
            Versions: [], Corrections: [], CorrectionOpenedAt: null, Evidence: [],
            appearances.Select(a => new PublicAppearance(a.Url, a.Outlet, a.PublishedOn, a.FirstSeen)).ToList(),
            Links: [], row.DatePublished, row.DateModified);
    }
}
