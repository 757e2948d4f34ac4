using System.Data.Common;
using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Everything the staff claim page shows: the claim, its claimant, where it appeared, the claims linked to it
/// (in both directions, worded from this claim's side), figure claims to compare it with, and its history.
[AllowAnyStaff]
public sealed record GetClaim(long Id) : IQuery<ClaimDetail>;

/// Status, Version, Verdict (the published one, or null) and AllowedActions (for the caller) are also at the top
/// level: API clients read them before acting.
public sealed record ClaimDetail(
    ClaimFields Claim,
    ClaimantSummary Claimant,
    IReadOnlyList<string> Topics,
    IReadOnlyList<AppearanceRow> Appearances,
    IReadOnlyList<LinkedClaim> Links,
    IReadOnlyList<FigurePoint> Figures,
    IReadOnlyList<HistoryEntry> History,
    ReviewDetail Review,
    IReadOnlyList<string> AllowedActions)
{
    public string Status => Claim.Status;

    public long Version => Claim.Version;

    public VerdictView? Verdict => Review.PublishedVersions.FirstOrDefault(v => v.State == "published");

    /// The changes to the claim's record the caller may make now (link, unlink, merge, appearance, evidence).
    public IReadOnlyList<string> AllowedChanges { get; init; } = [];
}

public sealed record ClaimFields(
    long Id, string Slug, string Title, string Text, string Language, string? TranslationEn, DateOnly? SaidOn, string? Place, string Kind,
    double? FigureLow, double? FigureHigh, string? FigureUnit, DateOnly? FigureAsOf, string Status, long Version, long? MergedIntoId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ClaimantSummary(long Id, string Name, string Kind, string? Affiliation);

public sealed record AppearanceRow(long Id, string Url, string? Outlet, DateOnly? PublishedOn, string? Quote, bool FirstSeen, DateTimeOffset CreatedAt);

/// A link seen from this claim: Wording is "denies" when this claim denies the other, "denied by" when the other denies it.
public sealed record LinkedClaim(long LinkId, string Relation, bool Outgoing, string Wording, long ClaimId, string Title, string Status, string Claimant, string? Note, DateTimeOffset CreatedAt)
{
    /// For Dapper: map by property, so a computed column (no declared type in SQLite) also maps when no row comes back.
    public LinkedClaim()
        : this(0, "", false, "", 0, "", "", "", null, default)
    {
    }
}

public sealed record FigurePoint(long ClaimId, string Claimant, double Low, double? High, string Unit, DateOnly? AsOf, bool IsThisClaim)
{
    /// For Dapper: map by property, so a computed column (no declared type in SQLite) also maps when no row comes back.
    public FigurePoint()
        : this(0, "", 0, null, "", null, false)
    {
    }
}

/// After holds the record after the change, or, for a removal, what was removed.
public sealed record HistoryEntry(DateTimeOffset At, string Actor, string Action, string Entity, string? After, long Seq)
{
    /// For Dapper: map by property, so a computed column (no declared type in SQLite) also maps when no row comes back.
    public HistoryEntry()
        : this(default, "", "", "", null, 0)
    {
    }
}

public sealed class GetClaimHandler(Db db, CurrentActor current, ReviewPolicy policy, ClaimChangePolicy changes, RatingScale scale) : IQueryHandler<GetClaim, ClaimDetail>
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

            -- Links are audited against both claims (entity 'claim'), so a removed link stays in both histories.
            SELECT at AS At, actor_name AS Actor, action AS Action, entity AS Entity, coalesce(after_json, before_json) AS After, id AS Seq
            FROM audit_log WHERE entity = 'claim' AND entity_id = CAST(@Id AS TEXT)
            UNION ALL
            SELECT at, actor_name, action, entity, after_json, id
            FROM audit_log WHERE entity = 'appearance' AND entity_id IN (SELECT CAST(id AS TEXT) FROM appearances WHERE claim_id = @Id)
            ORDER BY Seq DESC
            LIMIT 500;
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
        var history = (await results.ReadAsync<HistoryEntry>()).ToList();
        var figures = claim.Kind == "figure" ? await ComparableFiguresAsync(connection, claim, cancellationToken) : [];
        var state = await ReviewState.LoadAsync(connection, null, claim.Id, cancellationToken) ?? throw new NotFoundException($"Claim {query.Id} does not exist.");
        var review = await ReviewReader.LoadAsync(connection, state, current.Actor, policy, scale, cancellationToken);
        var allowed = review.Decisions.Where(d => d.Allowed).Select(d => d.Action).ToList();
        return new ClaimDetail(claim, claimant, topics, appearances, links, figures, history, review, allowed)
        {
            AllowedChanges = changes.Allowed(state, current.Actor),
        };
    }

    /// Figure claims in the same unit that are linked to this one or share a topic with it (the most recent
    /// 500 per topic, so a very broad topic cannot make the page slow), for the comparison chart.
    private static async Task<IReadOnlyList<FigurePoint>> ComparableFiguresAsync(DbConnection connection, ClaimFields claim, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<FigurePoint>(new CommandDefinition(
            """
            WITH candidates (id) AS (
                SELECT @Id
                UNION SELECT to_claim_id FROM claim_links WHERE from_claim_id = @Id
                UNION SELECT from_claim_id FROM claim_links WHERE to_claim_id = @Id
                UNION SELECT claim_id FROM (
                    SELECT t2.claim_id FROM claim_topics t1 JOIN claim_topics t2 ON t2.topic = t1.topic
                    WHERE t1.claim_id = @Id ORDER BY t2.claim_id DESC LIMIT 500) topical)
            SELECT f.id AS ClaimId, p.name AS Claimant, f.figure_low AS Low, f.figure_high AS High, f.figure_unit AS Unit,
                   coalesce(f.figure_as_of, f.said_on) AS AsOf, f.id = @Id AS IsThisClaim
            FROM candidates c JOIN claims f ON f.id = c.id JOIN claimants p ON p.id = f.claimant_id
            WHERE f.kind = 'figure' AND f.status <> 'merged' AND f.figure_unit = @FigureUnit
            ORDER BY AsOf, f.id
            LIMIT 50
            """,
            new { claim.Id, claim.FigureUnit },
            cancellationToken: ct));
        return rows.ToList();
    }
}
