using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Everything the staff claim page shows: the claim, its claimant, where it appeared, the claims linked to it
/// (in both directions, worded from this claim's side), figure claims to compare it with, and its history.
[AllowAnyStaff]
public sealed record GetClaim(long Id) : IQuery<ClaimDetail>;

public sealed record ClaimDetail(
    ClaimFields Claim,
    ClaimantSummary Claimant,
    IReadOnlyList<string> Topics,
    IReadOnlyList<AppearanceRow> Appearances,
    IReadOnlyList<LinkedClaim> Links,
    IReadOnlyList<FigurePoint> Figures,
    IReadOnlyList<HistoryEntry> History);

public sealed record ClaimFields(
    long Id, string Slug, string Title, string Text, string Language, string? TranslationEn, DateOnly? SaidOn, string? Place, string Kind,
    double? FigureLow, double? FigureHigh, string? FigureUnit, DateOnly? FigureAsOf, string Status, long Version, long? MergedIntoId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ClaimantSummary(long Id, string Name, string Kind, string? Affiliation);

public sealed record AppearanceRow(long Id, string Url, string? Outlet, DateOnly? PublishedOn, string? Quote, bool FirstSeen, DateTimeOffset CreatedAt);

/// A link seen from this claim: Wording is "denies" when this claim denies the other, "denied by" when the other denies it.
public sealed record LinkedClaim(long LinkId, string Relation, bool Outgoing, string Wording, long ClaimId, string Title, string Status, string Claimant, string? Note, DateTimeOffset CreatedAt);

public sealed record FigurePoint(long ClaimId, string Claimant, double Low, double? High, string Unit, DateOnly? AsOf, bool IsThisClaim);

public sealed record HistoryEntry(DateTimeOffset At, string Actor, string Action, string Entity, string? After);

public sealed class GetClaimHandler(Db db) : IQueryHandler<GetClaim, ClaimDetail>
{
    public async ValueTask<ClaimDetail> Handle(GetClaim query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT c.id AS Id, c.slug AS Slug, c.title AS Title, c.text AS Text, c.language AS Language, c.translation_en AS TranslationEn,
                   c.said_on AS SaidOn, c.place AS Place, c.kind AS Kind, c.figure_low AS FigureLow, c.figure_high AS FigureHigh,
                   c.figure_unit AS FigureUnit, c.figure_as_of AS FigureAsOf, c.status AS Status, c.version AS Version,
                   c.merged_into_id AS MergedIntoId, c.created_at AS CreatedAt, c.updated_at AS UpdatedAt
            FROM claims c WHERE c.id = @Id;

            SELECT p.id AS Id, p.name AS Name, p.kind AS Kind, p.affiliation AS Affiliation
            FROM claims c JOIN claimants p ON p.id = c.claimant_id WHERE c.id = @Id;

            SELECT topic FROM claim_topics WHERE claim_id = @Id ORDER BY topic;

            SELECT id AS Id, url AS Url, outlet AS Outlet, published_on AS PublishedOn, quote AS Quote, first_seen AS FirstSeen, created_at AS CreatedAt
            FROM appearances WHERE claim_id = @Id ORDER BY first_seen DESC, published_on, id;

            SELECT l.id AS LinkId, l.relation AS Relation, 1 AS Outgoing, l.relation AS Wording, o.id AS ClaimId, o.title AS Title,
                   o.status AS Status, p.name AS Claimant, l.note AS Note, l.created_at AS CreatedAt
            FROM claim_links l JOIN claims o ON o.id = l.to_claim_id JOIN claimants p ON p.id = o.claimant_id
            WHERE l.from_claim_id = @Id
            UNION ALL
            SELECT l.id, l.relation, 0, l.relation, o.id, o.title, o.status, p.name, l.note, l.created_at
            FROM claim_links l JOIN claims o ON o.id = l.from_claim_id JOIN claimants p ON p.id = o.claimant_id
            WHERE l.to_claim_id = @Id
            ORDER BY 2, 10;

            SELECT f.id AS ClaimId, p.name AS Claimant, f.figure_low AS Low, f.figure_high AS High, f.figure_unit AS Unit,
                   coalesce(f.figure_as_of, f.said_on) AS AsOf, f.id = @Id AS IsThisClaim
            FROM claims f JOIN claimants p ON p.id = f.claimant_id
            WHERE f.kind = 'figure' AND f.status <> 'merged'
              AND f.figure_unit = (SELECT figure_unit FROM claims WHERE id = @Id AND kind = 'figure')
              AND (f.id = @Id
                   OR f.id IN (SELECT to_claim_id FROM claim_links WHERE from_claim_id = @Id UNION SELECT from_claim_id FROM claim_links WHERE to_claim_id = @Id)
                   OR f.id IN (SELECT t.claim_id FROM claim_topics t WHERE t.topic IN (SELECT topic FROM claim_topics WHERE claim_id = @Id)))
            ORDER BY AsOf, f.id
            LIMIT 50;

            -- A removed link is gone from claim_links, so its audit rows are matched by the claim ids they recorded.
            SELECT at AS At, actor_name AS Actor, action AS Action, entity AS Entity, after_json AS After
            FROM audit_log
            WHERE (entity = 'claim' AND entity_id = CAST(@Id AS TEXT))
               OR (entity = 'appearance' AND entity_id IN (SELECT CAST(id AS TEXT) FROM appearances WHERE claim_id = @Id))
               OR (entity = 'claim_link' AND @Id IN (json_extract(coalesce(after_json, before_json), '$.fromClaimId'),
                                                     json_extract(coalesce(after_json, before_json), '$.toClaimId')))
            ORDER BY id DESC
            LIMIT 200;
            """,
            new { query.Id },
            cancellationToken: cancellationToken));

        var claim = await results.ReadSingleOrDefaultAsync<ClaimFields>() ?? throw new NotFoundException($"Claim {query.Id} does not exist.");
        var claimant = await results.ReadSingleAsync<ClaimantSummary>();
        var topics = (await results.ReadAsync<string>()).ToList();
        var appearances = (await results.ReadAsync<AppearanceRow>()).ToList();
        var links = (await results.ReadAsync<LinkedClaim>())
            .Select(l => l.Outgoing ? l : l with { Wording = ClaimRules.Inverse(l.Relation) })
            .ToList();
        var figures = (await results.ReadAsync<FigurePoint>()).ToList();
        var history = (await results.ReadAsync<HistoryEntry>()).ToList();
        return new ClaimDetail(claim, claimant, topics, appearances, links, figures, history);
    }
}
