using System.Globalization;
using System.Text;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using System.Data.Common;

namespace FactCheck.Web.Features.Feeds;

/// One published claim as the feeds read it: the claim, its current verdict, and the dates the verdict page shows.
/// Properties, not a constructor: DateModified, DatePublished, Corrections and Topics are computed columns that SQLite
/// gives no type, which Dapper could not match to a constructor.
public sealed class PublishedVerdictRow
{
    public long ClaimId { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public string Language { get; init; } = "";
    public string? TranslationEn { get; init; }
    public DateOnly? SaidOn { get; init; }
    public string? Place { get; init; }
    public string Kind { get; init; } = "";
    public long ClaimantId { get; init; }
    public string ClaimantName { get; init; } = "";
    public string ClaimantKind { get; init; } = "";
    public string? ClaimantAffiliation { get; init; }
    public long Version { get; init; }
    public string Rating { get; init; } = "";
    public string? Attribution { get; init; }
    public string? TitleId { get; init; }
    public string? SummaryId { get; init; }
    public string? TitleEn { get; init; }
    public string? SummaryEn { get; init; }
    public DateTimeOffset VerdictPublishedAt { get; init; }
    public DateTimeOffset VerdictUpdatedAt { get; init; }
    public DateTimeOffset DatePublished { get; init; }
    public DateTimeOffset DateModified { get; init; }
    public long Corrections { get; init; }
    public string? Topics { get; init; }

    /// The verdict's language versions (title and summary; feeds carry no explanation), Indonesian first.
    public IReadOnlyList<Verdicts.PublicVerdictText> Texts =>
    [
        .. SummaryId is null ? Array.Empty<Verdicts.PublicVerdictText>() : [new("id", TitleId ?? Title, SummaryId, "")],
        .. SummaryEn is null ? Array.Empty<Verdicts.PublicVerdictText>() : [new("en", TitleEn ?? Title, SummaryEn, "")],
    ];

    /// The version in the language, or the only one there is.
    public Verdicts.PublicVerdictText TextIn(string language) => Texts.FirstOrDefault(t => t.Language == language) ?? Texts[0];
}

/// The set-based read behind all three feeds. The claims readers can open with a verdict are those with a published
/// verdict that were not merged into another claim (a merged claim's page moves to the one it was merged into).
/// DateModified is GetPublicVerdict's: the latest of the current verdict's update and publication and the publication
/// of the claim's published corrections, computed here for every claim in one pass instead of once per claim.
public static class PublishedVerdictRows
{
    /// {0} filters and {1} orders the published claims by x.modified (DateModified) and x.claim_id; only the rows
    /// kept by the limit are joined to their claim, verdict and topics. {2}: the latest of several values, SQLite's
    /// max(a, b, c) or PostgreSQL's greatest(a, b, c).
    private static readonly CompositeFormat Sql = CompositeFormat.Parse(
        """
        WITH corrected AS (
            SELECT k.claim_id AS claim_id, max(k.published_at) AS last_published, count(*) AS corrections
            FROM corrections k JOIN verdicts n ON n.id = k.new_verdict_id
            WHERE k.published_at IS NOT NULL AND n.version IS NOT NULL
            GROUP BY k.claim_id
        ),
        published AS (
            SELECT c.id AS claim_id, coalesce(k.corrections, 0) AS corrections,
                   {2}(v.updated_at, v.published_at, coalesce(k.last_published, '')) AS modified
            FROM claims c JOIN verdicts v ON v.id = c.published_verdict_id LEFT JOIN corrected k ON k.claim_id = c.id
            WHERE c.published_verdict_id IS NOT NULL AND c.status <> 'merged'
        ),
        chosen AS (
            SELECT x.claim_id AS claim_id, x.modified AS modified, x.corrections AS corrections
            FROM published x WHERE {0} ORDER BY {1} LIMIT @Limit
        )
        SELECT c.id AS ClaimId, c.slug AS Slug, c.title AS Title, c.text AS Text, c.language AS Language,
               c.translation_en AS TranslationEn, c.said_on AS SaidOn, c.place AS Place, c.kind AS Kind,
               p.id AS ClaimantId, p.name AS ClaimantName, p.kind AS ClaimantKind, p.affiliation AS ClaimantAffiliation,
               v.version AS Version, v.rating AS Rating, v.attribution AS Attribution,
               ti.title AS TitleId, ti.summary AS SummaryId, te.title AS TitleEn, te.summary AS SummaryEn,
               v.published_at AS VerdictPublishedAt, v.updated_at AS VerdictUpdatedAt,
               (SELECT min(o.published_at) FROM verdicts o WHERE o.claim_id = c.id AND o.state IN ('published', 'superseded')) AS DatePublished,
               x.modified AS DateModified, x.corrections AS Corrections,
               (SELECT string_agg(t.topic, ';' ORDER BY t.topic) FROM claim_topics t WHERE t.claim_id = c.id) AS Topics
        FROM chosen x
        JOIN claims c ON c.id = x.claim_id
        JOIN claimants p ON p.id = c.claimant_id
        JOIN verdicts v ON v.id = c.published_verdict_id
        LEFT JOIN verdict_texts ti ON ti.verdict_id = v.id AND ti.language = 'id'
        LEFT JOIN verdict_texts te ON te.verdict_id = v.id AND te.language = 'en'
        ORDER BY {1}
        """);

    /// Rows matching a condition on x.modified and x.claim_id, in the given order, at most args.Limit of them (long.MaxValue: all; PostgreSQL refuses SQLite's -1).
    /// The condition and order are constants of the calling handler, never user input; values are bound in args.
    public static async Task<List<PublishedVerdictRow>> ReadAsync(
        DbConnection connection, string where, string orderBy, object args, CancellationToken ct) =>
        (await connection.QueryAsync<PublishedVerdictRow>(new CommandDefinition(
            string.Format(CultureInfo.InvariantCulture, Sql, where, orderBy, connection.IsPostgres() ? "greatest" : "max"),
            args,
            cancellationToken: ct))).ToList();

    public static IReadOnlyList<string> TopicList(this PublishedVerdictRow row) =>
        string.IsNullOrEmpty(row.Topics) ? [] : row.Topics.Split(';');
}
