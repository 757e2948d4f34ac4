using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Queue;

/// The open claims of one queue tab, filtered and sorted, one page at a time, with every tab's count under the same filters.
[AllowRoles(Roles.Editor, Roles.FactChecker)]
[SuppressMessage("Naming", "CA1711", Justification = "The review queue is the newsroom's word; this is a query, not a Queue<T>.")]
public sealed record ListQueue : IQuery<QueuePage>, IValidatableObject
{
    public const int MaxPageSize = 100;

    public string Tab { get; init; } = QueueTabs.All;

    public string Sort { get; init; } = QueueTabs.PrioritySort;

    public string? Topic { get; init; }

    public long? ClaimantId { get; init; }

    /// Part of the claimant's name, for callers that have no claimant id (the API, a typed filter).
    [StringLength(200)]
    public string? Claimant { get; init; }

    public string? Language { get; init; }

    /// One open state (ReviewActions.OpenStates), e.g. from the dashboard's claims-by-state counts; null: all of them.
    public string? Status { get; init; }

    [Range(1, int.MaxValue)]
    public int Page { get; init; } = 1;

    /// Capped at MaxPageSize rather than refused, like the claims list.
    public int PageSize { get; init; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!QueueTabs.Tabs.Contains(Tab))
        {
            yield return new ValidationResult($"Tab must be one of: {string.Join(", ", QueueTabs.Tabs)}.", [nameof(Tab)]);
        }

        if (!QueueTabs.Sorts.Contains(Sort))
        {
            yield return new ValidationResult($"Sort must be one of: {string.Join(", ", QueueTabs.Sorts)}.", [nameof(Sort)]);
        }

        if (!string.IsNullOrWhiteSpace(Status) && !ReviewActions.OpenStates.Contains(Status))
        {
            yield return new ValidationResult($"Status must be one of the open states: {string.Join(", ", ReviewActions.OpenStates)}.", [nameof(Status)]);
        }
    }
}

public static class QueueTabs
{
    public const string Mine = "mine";
    public const string Unassigned = "unassigned";
    public const string InReview = "in-review";
    public const string Overdue = "overdue";
    public const string All = "all";

    public const string PrioritySort = "priority";
    public const string DueSort = "due";
    public const string AgeSort = "age";

    public static readonly IReadOnlyList<string> Tabs = [Mine, Unassigned, InReview, Overdue, All];

    public static readonly IReadOnlyList<string> Sorts = [PrioritySort, DueSort, AgeSort];
}

/// Counts holds every tab's number under the page's filters, so a badge says what clicking the tab would show.
/// Topics and Languages are those of open claims, for the filter pickers; ClaimantName names the ClaimantId filter.
public sealed record QueuePage(
    IReadOnlyList<QueueRow> Items, long Total, int Page, int PageSize, IReadOnlyDictionary<string, long> Counts, DateTimeOffset Now,
    IReadOnlyList<string> Topics, IReadOnlyList<string> Languages, string? ClaimantName);

/// Init properties: SQLite reports no column type for expressions, and Dapper matches constructors by column type.
public sealed record QueueRow
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Priority { get; init; }
    public DateTimeOffset? DueAt { get; init; }

    /// When the current stage's work is due: the running ladder's deadline (research, or a verdict waiting for
    /// review), or the claim's due date while no stage runs. Overdue and DueSoon are judged by it.
    public DateTimeOffset? StageDueAt { get; init; }

    /// verdict or review while a deadline runs, else null.
    public string? Stage { get; init; }

    public bool DueSoon { get; init; }
    public long? AssigneeId { get; init; }
    public string? Assignee { get; init; }
    public long ClaimantId { get; init; }
    public string Claimant { get; init; } = "";
    public string Language { get; init; } = "";
    public string? TopicList { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StageStartedAt { get; init; }
    public long Version { get; init; }
    public bool Overdue { get; init; }

    /// An editor's vote is what the verdict in review waits for (see the "mine" tab).
    public bool AwaitsMyApproval { get; init; }

    public IReadOnlyList<string> Topics => string.IsNullOrEmpty(TopicList) ? [] : TopicList.Split('\u001f');
}

internal sealed record TabCounts
{
    public long Mine { get; init; }
    public long Unassigned { get; init; }
    public long InReview { get; init; }
    public long Overdue { get; init; }
    public long All { get; init; }
}

public sealed class ListQueueHandler(Db db, CurrentActor current, TimeProvider clock) : IQueryHandler<ListQueue, QueuePage>
{
    // A verdict in review that this editor did not write and has not approved yet. Editors approve, so such a claim
    // is waiting on them as much as an assigned one is: it belongs in their "My work" even though it is not theirs.
    internal const string AwaitsMyApproval =
        """
        (@IsEditor = 1 AND c.status = 'in_review' AND EXISTS (
            SELECT 1 FROM verdicts v
            WHERE v.claim_id = c.id AND v.state = 'in_review' AND v.author_id <> @Me
              AND NOT EXISTS (SELECT 1 FROM verdict_votes vv WHERE vv.verdict_id = v.id AND vv.voter_id = @Me)))
        """;

    // The open ladder (at most one per claim) holds the current stage's deadline. While researching, the claim's own
    // due date counts too when it is earlier (a date that had passed when the ladder started still makes the claim late).
    internal const string WithLadder = "LEFT JOIN ladders l ON l.claim_id = c.id AND l.ended_at IS NULL";

    internal const string StageDue =
        "(CASE WHEN l.id IS NULL THEN c.due_at WHEN l.stage = 'verdict' AND c.due_at < l.due_at THEN c.due_at ELSE l.due_at END)";

    // Without a ladder there is no due-soon time: a day before the due date stands in for it.
    internal const string IsDueSoon = "(CASE WHEN l.id IS NULL THEN c.due_at <= @DueSoonLimit ELSE l.due_soon_at <= @Now END)";

    private static readonly Dictionary<string, string> TabConditions = new()
    {
        [QueueTabs.Mine] = $"(c.assignee_id = @Me OR {AwaitsMyApproval})",
        [QueueTabs.Unassigned] = "c.assignee_id IS NULL",
        [QueueTabs.InReview] = "c.status = 'in_review'",
        [QueueTabs.Overdue] = $"{StageDue} < @Now",
        [QueueTabs.All] = "1 = 1",
    };

    private const string PriorityRank = "CASE c.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 WHEN 'low' THEN 2 ELSE 3 END";

    // Ties end on the claim's age and id, so a page never shuffles between two loads.
    private static readonly Dictionary<string, string> Orders = new()
    {
        [QueueTabs.PrioritySort] = $"{PriorityRank}, {StageDue} IS NULL, {StageDue}, c.created_at, c.id",
        [QueueTabs.DueSort] = $"{StageDue} IS NULL, {StageDue}, {PriorityRank}, c.created_at, c.id",
        [QueueTabs.AgeSort] = "c.created_at, c.id",
    };

    public async ValueTask<QueuePage> Handle(ListQueue query, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize, 1, ListQueue.MaxPageSize);
        var actor = current.Actor;
        var filters = new List<string> { "c.status IN @OpenStates" };
        if (!string.IsNullOrWhiteSpace(query.Topic))
        {
            filters.Add("EXISTS (SELECT 1 FROM claim_topics t WHERE t.claim_id = c.id AND t.topic = @Topic)");
        }

        if (query.ClaimantId is not null)
        {
            filters.Add("c.claimant_id = @ClaimantId");
        }

        if (!string.IsNullOrWhiteSpace(query.Claimant))
        {
            filters.Add(db.IsPostgres ? "strpos(lower(p.name), lower(@Claimant)) > 0" : "instr(lower(p.name), lower(@Claimant)) > 0");
        }

        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            filters.Add("c.language = @Language");
        }

        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            filters.Add("c.status = @Status");
        }

        var where = string.Join(" AND ", filters);
        var now = clock.GetUtcNow();
        var parameters = new
        {
            ReviewActions.OpenStates,
            Topic = query.Topic?.Trim(),
            query.ClaimantId,
            Claimant = query.Claimant?.Trim(),
            Language = query.Language?.Trim(),
            query.Status,
            Me = actor.UserId ?? 0,
            IsEditor = actor.IsInRole(Roles.Editor),
            Now = now,
            DueSoonLimit = now.AddDays(1),
            Limit = size,
            Offset = (long)(query.Page - 1) * size,
        };

        await using var connection = await db.OpenAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<TabCounts>(new CommandDefinition(
            $"""
            SELECT count(CASE WHEN {TabConditions[QueueTabs.Mine]} THEN 1 END) AS Mine,
                   count(CASE WHEN {TabConditions[QueueTabs.Unassigned]} THEN 1 END) AS Unassigned,
                   count(CASE WHEN {TabConditions[QueueTabs.InReview]} THEN 1 END) AS InReview,
                   count(CASE WHEN {TabConditions[QueueTabs.Overdue]} THEN 1 END) AS Overdue,
                   count(*) AS "All"
            FROM claims c JOIN claimants p ON p.id = c.claimant_id {WithLadder}
            WHERE {where}
            """,
            parameters,
            cancellationToken: cancellationToken));
        var byTab = new Dictionary<string, long>
        {
            [QueueTabs.Mine] = counts.Mine,
            [QueueTabs.Unassigned] = counts.Unassigned,
            [QueueTabs.InReview] = counts.InReview,
            [QueueTabs.Overdue] = counts.Overdue,
            [QueueTabs.All] = counts.All,
        };
        var total = byTab[query.Tab];

        IReadOnlyList<QueueRow> rows = [];
        if (parameters.Offset < total)
        {
            rows = (await connection.QueryAsync<QueueRow>(new CommandDefinition(
                $"""
                SELECT c.id AS Id, c.slug AS Slug, c.title AS Title, c.status AS Status, c.priority AS Priority, c.due_at AS DueAt,
                       c.assignee_id AS AssigneeId, a.display_name AS Assignee, c.claimant_id AS ClaimantId, p.name AS Claimant,
                       c.language AS Language,
                       (SELECT string_agg(t.topic, {(db.IsPostgres ? "chr(31)" : "char(31)")} ORDER BY t.topic) FROM claim_topics t WHERE t.claim_id = c.id) AS TopicList,
                       c.created_at AS CreatedAt, c.stage_started_at AS StageStartedAt, c.version AS Version,
                       {StageDue} AS StageDueAt, l.stage AS Stage,
                       coalesce({StageDue} < @Now, FALSE) AS Overdue,
                       coalesce({StageDue} >= @Now AND {IsDueSoon}, FALSE) AS DueSoon,
                       {AwaitsMyApproval} AS AwaitsMyApproval
                FROM claims c
                JOIN claimants p ON p.id = c.claimant_id
                LEFT JOIN users a ON a.id = c.assignee_id
                {WithLadder}
                WHERE {where} AND {TabConditions[query.Tab]}
                ORDER BY {Orders[query.Sort]}
                LIMIT @Limit OFFSET @Offset
                """,
                parameters,
                cancellationToken: cancellationToken))).ToList();
        }

        var topics = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT t.topic FROM claim_topics t JOIN claims c ON c.id = t.claim_id
            WHERE c.status IN @OpenStates ORDER BY t.topic LIMIT 500
            """,
            parameters,
            cancellationToken: cancellationToken))).ToList();
        var languages = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT c.language FROM claims c WHERE c.status IN @OpenStates ORDER BY c.language",
            parameters,
            cancellationToken: cancellationToken))).ToList();
        var claimantName = query.ClaimantId is null
            ? null
            : await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT name FROM claimants WHERE id = @ClaimantId", parameters, cancellationToken: cancellationToken));
        return new QueuePage(rows, total, query.Page, size, byTab, now, topics, languages, claimantName);
    }
}
