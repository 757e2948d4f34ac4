using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using System.Data.Common;

namespace FactCheck.Web.Features.Verdicts;

/// What a reader may see of a claim at /verdicts/{slug}. Only what is public is read from the database: a claim that
/// is still being checked yields its title, claimant and target date and nothing else, so no draft can leak.
[AllowAnonymousMessage]
public sealed record GetPublicVerdict(string Slug) : IQuery<PublicClaimLookup>;

/// Outcome: verdict, being-checked, moved (merged into the claim at MovedToSlug) or not-found.
public sealed record PublicClaimLookup(string Outcome, PublicVerdictPage? Page, PublicBeingChecked? BeingChecked, string? MovedToSlug)
{
    public const string Verdict = "verdict";
    public const string BeingCheckedOutcome = "being-checked";
    public const string Moved = "moved";
    public const string NotFound = "not-found";
}

public sealed class GetPublicVerdictHandler(Db db, RatingScale scale) : IQueryHandler<GetPublicVerdict, PublicClaimLookup>
{
    /// Claims in these states are in the workflow: readers see that they are being checked.
    public const string BeingCheckedStates = "'triaged', 'assigned', 'researching', 'in_review'";

    private static readonly PublicClaimLookup Missing = new(PublicClaimLookup.NotFound, null, null, null);

    /// Properties, not a constructor, because LadderDueAt is a computed column that Dapper cannot type when it is null.
    private sealed class ClaimRow
    {
        public long Id { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public string Text { get; init; } = "";
        public string Language { get; init; } = "";
        public string? TranslationEn { get; init; }
        public DateOnly? SaidOn { get; init; }
        public string? Place { get; init; }
        public string Kind { get; init; } = "";
        public double? FigureLow { get; init; }
        public double? FigureHigh { get; init; }
        public string? FigureUnit { get; init; }
        public DateOnly? FigureAsOf { get; init; }
        public string Status { get; init; } = "";
        public long? MergedIntoId { get; init; }
        public long? PublishedVerdictId { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public DateTimeOffset? LadderDueAt { get; init; }
        public long ClaimantId { get; init; }
        public string ClaimantName { get; init; } = "";
        public string ClaimantKind { get; init; } = "";
        public string? ClaimantAffiliation { get; init; }
    }

    /// Properties, not a constructor: Outgoing and IsPublic are computed columns.
    private sealed class LinkRow
    {
        public string Relation { get; init; } = "";
        public bool Outgoing { get; init; }
        public long ClaimId { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public string Claimant { get; init; } = "";
        public string? RatingKey { get; init; }
        public bool IsPublic { get; init; }
    }

    private sealed record VersionRow(
        long Id, long Version, string Rating, string? Attribution, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, string? ChangeNote);

    private sealed record CorrectionRow(
        DateTimeOffset? PublishedAt, DateTimeOffset OpenedAt, string Reason, string? WhatChanged, long OldVersion, string OldRating, long? NewVersion, string? NewRating,
        string? ChangedLanguages);

    public async ValueTask<PublicClaimLookup> Handle(GetPublicVerdict query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Slug) || query.Slug.Length > 200)
        {
            return Missing;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var claim = await LoadClaimAsync(connection, "c.slug = @Slug", new { query.Slug }, cancellationToken);

        // A merged claim's address moves to the claim it was merged into (following a chain of merges, bounded).
        for (var hops = 0; claim is { Status: "merged", MergedIntoId: { } target } && hops < 5; hops++)
        {
            var into = await LoadClaimAsync(connection, "c.id = @Id", new { Id = target }, cancellationToken);
            if (into is not null && into.Status != "merged")
            {
                return IsPublic(into) ? new PublicClaimLookup(PublicClaimLookup.Moved, null, null, into.Slug) : Missing;
            }

            claim = into;
        }

        if (claim is null || !IsPublic(claim))
        {
            return Missing;
        }

        var claimant = new PublicClaimant(claim.ClaimantId, claim.ClaimantName, claim.ClaimantKind, claim.ClaimantAffiliation);
        if (claim.PublishedVerdictId is null)
        {
            // The claim's own due date is the desk's target for the verdict; the running stage deadline stands in without one.
            var target = claim.DueAt ?? claim.LadderDueAt;
            return new PublicClaimLookup(
                PublicClaimLookup.BeingCheckedOutcome, null,
                new PublicBeingChecked(claim.Id, claim.Slug, claim.Title, claimant, target) { Merges = await MergesAsync(connection, claim.Id, cancellationToken) },
                null);
        }

        var page = await LoadVerdictPageAsync(connection, claim, claimant, cancellationToken);
        return new PublicClaimLookup(PublicClaimLookup.Verdict, page with { Merges = await MergesAsync(connection, claim.Id, cancellationToken) }, null, null);
    }

    /// Duplicates readers have seen (public at some time) that were merged into this claim, oldest merge first.
    private static async Task<IReadOnlyList<PublicMerge>> MergesAsync(DbConnection connection, long claimId, CancellationToken ct) =>
        (await connection.QueryAsync<PublicMerge>(new CommandDefinition(
            $"""
            SELECT m.slug AS Slug, m.title AS Title, l.created_at AS MergedAt
            FROM claim_links l JOIN claims m ON m.id = l.from_claim_id
            WHERE l.to_claim_id = @claimId AND l.relation = 'same-as' AND m.status = 'merged'
              AND EXISTS (SELECT 1 FROM claim_transitions t WHERE t.claim_id = m.id AND t.to_status IN ({Claims.PublicAddress.PublicStates}))
            ORDER BY l.created_at, l.id
            """,
            new { claimId },
            cancellationToken: ct))).ToList();

    private static bool IsPublic(ClaimRow claim) => Claims.PublicAddress.IsPublic(claim.Status, claim.PublishedVerdictId);

    private static Task<ClaimRow?> LoadClaimAsync(DbConnection connection, string where, object args, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(
            $"""
            SELECT c.id AS Id, c.slug AS Slug, c.title AS Title, c.text AS Text, c.language AS Language, c.translation_en AS TranslationEn,
                   c.said_on AS SaidOn, c.place AS Place, c.kind AS Kind, c.figure_low AS FigureLow, c.figure_high AS FigureHigh,
                   c.figure_unit AS FigureUnit, c.figure_as_of AS FigureAsOf, c.status AS Status, c.merged_into_id AS MergedIntoId,
                   c.published_verdict_id AS PublishedVerdictId, c.due_at AS DueAt,
                   (SELECT l.due_at FROM ladders l WHERE l.claim_id = c.id AND l.ended_at IS NULL) AS LadderDueAt,
                   p.id AS ClaimantId, p.name AS ClaimantName, p.kind AS ClaimantKind, p.affiliation AS ClaimantAffiliation
            FROM claims c JOIN claimants p ON p.id = c.claimant_id
            WHERE {where}
            """,
            args,
            cancellationToken: ct));

    private async Task<PublicVerdictPage> LoadVerdictPageAsync(DbConnection connection, ClaimRow claim, PublicClaimant claimant, CancellationToken ct)
    {
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT v.id AS Id, v.version AS Version, v.rating AS Rating, v.attribution AS Attribution,
                   v.published_at AS PublishedAt, v.updated_at AS UpdatedAt, v.change_note AS ChangeNote
            FROM verdicts v WHERE v.claim_id = @Id AND v.state IN ('published', 'superseded')
            ORDER BY v.version DESC;

            SELECT language AS Language, title AS Title, summary AS Summary, explanation AS Explanation
            FROM verdict_texts WHERE verdict_id = @VerdictId ORDER BY language = 'en', language;

            SELECT k.published_at AS PublishedAt, k.opened_at AS OpenedAt, k.reason AS Reason, n.change_note AS WhatChanged,
                   o.version AS OldVersion, o.rating AS OldRating, n.version AS NewVersion, n.rating AS NewRating,
                   k.changed_languages AS ChangedLanguages
            FROM corrections k JOIN verdicts o ON o.id = k.previous_verdict_id LEFT JOIN verdicts n ON n.id = k.new_verdict_id
            WHERE k.claim_id = @Id ORDER BY k.id DESC;

            SELECT e.url AS Url, e.title AS Title, e.stance AS Stance, e.note AS Note, e.published_on AS PublishedOn
            FROM verdict_evidence ve JOIN evidence e ON e.id = ve.evidence_id
            WHERE ve.verdict_id = @VerdictId ORDER BY e.id;

            SELECT url AS Url, outlet AS Outlet, published_on AS PublishedOn, first_seen AS FirstSeen
            FROM appearances WHERE claim_id = @Id ORDER BY first_seen DESC, published_on, id;

            SELECT ct.topic AS Name, coalesce(t.slug, '') AS Slug, coalesce(t.label_id, ct.topic) AS LabelId, coalesce(t.label_en, ct.topic) AS LabelEn
            FROM claim_topics ct LEFT JOIN topics t ON t.name = ct.topic
            WHERE ct.claim_id = @Id ORDER BY ct.topic;

            -- Every link in both directions: the public ones are shown, and all of them tag the cached page, so a
            -- linked claim that becomes public later still evicts it.
            SELECT l.relation AS Relation, 1 AS Outgoing, o.id AS ClaimId, o.slug AS Slug, o.title AS Title, p.name AS Claimant,
                   v.rating AS RatingKey, (o.published_verdict_id IS NOT NULL OR o.status IN ({BeingCheckedStates})) AS IsPublic
            FROM claim_links l JOIN claims o ON o.id = l.to_claim_id JOIN claimants p ON p.id = o.claimant_id
            LEFT JOIN verdicts v ON v.id = o.published_verdict_id
            WHERE l.from_claim_id = @Id
            UNION ALL
            SELECT l.relation, 0, o.id, o.slug, o.title, p.name, v.rating, (o.published_verdict_id IS NOT NULL OR o.status IN ({BeingCheckedStates}))
            FROM claim_links l JOIN claims o ON o.id = l.from_claim_id JOIN claimants p ON p.id = o.claimant_id
            LEFT JOIN verdicts v ON v.id = o.published_verdict_id
            WHERE l.to_claim_id = @Id
            ORDER BY 1, 3;
            """,
            new { claim.Id, VerdictId = claim.PublishedVerdictId },
            cancellationToken: ct));
        var versions = (await results.ReadAsync<VersionRow>()).ToList();
        var texts = (await results.ReadAsync<(string Language, string Title, string Summary, string Explanation)>())
            .Select(t => new PublicVerdictText(t.Language, t.Title, t.Summary, SafeMarkdown.ToHtml(t.Explanation))).ToList();
        var corrections = (await results.ReadAsync<CorrectionRow>()).ToList();
        var evidence = (await results.ReadAsync<PublicEvidence>()).ToList();
        var appearances = (await results.ReadAsync<PublicAppearance>()).ToList();
        var topicLinks = (await results.ReadAsync<PublicTopic>()).ToList();
        var topics = topicLinks.Select(t => t.Name).ToList();
        var allLinks = (await results.ReadAsync<LinkRow>()).ToList();
        var links = allLinks.Where(l => l.IsPublic && l.Relation != "same-as")
            .Select(l => new PublicLink(l.Relation, l.Outgoing, l.ClaimId, l.Slug, l.Title, l.Claimant, l.RatingKey, scale.Find(l.RatingKey)))
            .ToList();
        var linkedIds = allLinks.Select(l => l.ClaimId).Distinct().ToList();

        var current = versions.First(v => v.Id == claim.PublishedVerdictId);
        var rating = scale.Find(current.Rating);
        var verdict = new PublicRatedVerdict(
            (int)current.Version, current.Rating, rating, rating?.Polarity ?? "neither", current.Attribution, texts,
            current.PublishedAt, current.UpdatedAt);
        var published = corrections.Where(k => k.PublishedAt is not null && k.NewVersion is not null)
            .Select(k => new PublicCorrection(k.PublishedAt!.Value, k.Reason, k.WhatChanged, (int)k.OldVersion, k.OldRating, (int)k.NewVersion!.Value, k.NewRating!,
                k.ChangedLanguages?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []))
            .ToList();
        var open = corrections.FirstOrDefault(k => k.PublishedAt is null)?.OpenedAt;
        var firstPublished = versions.Min(v => v.PublishedAt);
        var modified = new[] { current.UpdatedAt, current.PublishedAt }.Concat(published.Select(p => p.PublishedAt)).Max();

        return new PublicVerdictPage(
            claim.Id, claim.Slug, claim.Title, claim.Text, claim.Language, claim.TranslationEn, claim.SaidOn, claim.Place,
            claim.Kind, claim.FigureLow, claim.FigureHigh, claim.FigureUnit, claim.FigureAsOf, claimant, topics,
            verdict,
            versions.Select(v => new PublicVersion((int)v.Version, v.Rating, scale.Find(v.Rating), v.PublishedAt, v.ChangeNote, v.Id == claim.PublishedVerdictId)).ToList(),
            published, open, evidence, appearances, links, firstPublished, modified)
        {
            LinkedClaimIds = linkedIds,
            TopicLinks = topicLinks,
        };
    }
}
