using Dapper;
using FactCheck.Web.Features.Queue;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Dashboard;

/// A fact-checker's own desk: their open claims by when they are due, what is waiting on them, their recent verdicts.
[AllowRoles(Roles.FactChecker, Roles.Editor)]
public sealed record GetMyDashboard : IQuery<MyDashboard>;

public sealed record MyDashboard(
    DateTimeOffset Now,
    string Zone,
    IReadOnlyList<MyClaim> Open,
    IReadOnlyList<WaitingItem> Waiting,
    IReadOnlyList<MyVerdict> RecentVerdicts,
    long PublishedLast30Days)
{
    public long Overdue => Open.Count(c => c.Overdue);

    public long DueSoon => Open.Count(c => c.DueSoon);
}

public sealed record MyClaim
{
    public long ClaimId { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Priority { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public bool Overdue { get; init; }
    public bool DueSoon { get; init; }
}

/// Why a claim waits on this person: "changes-requested" (a verdict sent back), "not-started" (assigned, research not
/// begun), or "approval" (an editor's vote on someone else's verdict).
public sealed record WaitingItem
{
    public long ClaimId { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string Reason { get; init; } = "";
    public DateTimeOffset Since { get; init; }
}

public sealed record MyVerdict
{
    public long ClaimId { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string Rating { get; init; } = "";
    public string RatingLabel { get; init; } = "";
    public string State { get; init; } = "";
    public long? Version { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
}

public sealed class GetMyDashboardHandler(Db db, CurrentActor current, TimeProvider clock, RatingScale scale, IOptions<FactCheckOptions> options)
    : IQueryHandler<GetMyDashboard, MyDashboard>
{
    public const int RecentVerdicts = 10;

    public async ValueTask<MyDashboard> Handle(GetMyDashboard query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var now = clock.GetUtcNow();
        var parameters = new
        {
            ReviewActions.OpenStates,
            Me = actor.UserId ?? 0,
            IsEditor = actor.IsInRole(Roles.Editor),
            Now = now,
            DueSoonLimit = now.AddDays(1),
            Month = now.AddDays(-30),
            Limit = RecentVerdicts,
        };

        await using var connection = await db.OpenAsync(cancellationToken);
        var open = (await connection.QueryAsync<MyClaim>(new CommandDefinition(
            $"""
            SELECT c.id AS ClaimId, c.slug AS Slug, c.title AS Title, c.status AS Status, c.priority AS Priority,
                   {ListQueueHandler.StageDue} AS DueAt,
                   coalesce({ListQueueHandler.StageDue} < @Now, FALSE) AS Overdue,
                   coalesce({GetDeskDashboardHandler.DueWithinADay}, FALSE) AS DueSoon
            FROM claims c {ListQueueHandler.WithLadder}
            WHERE c.assignee_id = @Me AND c.status IN @OpenStates
            ORDER BY {ListQueueHandler.StageDue} IS NULL, {ListQueueHandler.StageDue}, c.created_at, c.id
            """,
            parameters,
            cancellationToken: cancellationToken))).ToList();

        var waiting = (await connection.QueryAsync<WaitingItem>(new CommandDefinition(
            $"""
            SELECT c.id AS ClaimId, c.slug AS Slug, c.title AS Title, 'changes-requested' AS Reason, v.updated_at AS Since
            FROM claims c JOIN verdicts v ON v.claim_id = c.id AND v.state = 'returned'
            WHERE c.assignee_id = @Me AND c.status = 'researching'
              AND v.id = (SELECT max(v2.id) FROM verdicts v2 WHERE v2.claim_id = c.id)
            UNION ALL
            SELECT c.id, c.slug, c.title, 'not-started', c.stage_started_at
            FROM claims c WHERE c.assignee_id = @Me AND c.status = 'assigned'
            UNION ALL
            SELECT c.id, c.slug, c.title, 'approval', c.stage_started_at
            FROM claims c WHERE c.status = 'in_review' AND {ListQueueHandler.AwaitsMyApproval}
            ORDER BY Since
            """,
            parameters,
            cancellationToken: cancellationToken))).ToList();

        var verdicts = (await connection.QueryAsync<MyVerdict>(new CommandDefinition(
            """
            SELECT v.claim_id AS ClaimId, c.slug AS Slug, c.title AS Title, v.rating AS Rating, v.state AS State, v.version AS Version,
                   v.submitted_at AS SubmittedAt, v.published_at AS PublishedAt
            FROM verdicts v JOIN claims c ON c.id = v.claim_id
            WHERE v.author_id = @Me
            ORDER BY v.submitted_at DESC, v.id DESC
            LIMIT @Limit
            """,
            parameters,
            cancellationToken: cancellationToken)))
            .Select(v => v with { RatingLabel = scale.Ratings.FirstOrDefault(r => r.Key == v.Rating)?.LabelEn ?? v.Rating })
            .ToList();

        var published = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM verdicts v WHERE v.author_id = @Me AND v.published_at >= @Month",
            parameters,
            cancellationToken: cancellationToken));
        return new MyDashboard(now, options.Value.TimeZone, open, waiting, verdicts, published);
    }
}
