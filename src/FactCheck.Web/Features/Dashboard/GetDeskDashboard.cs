using System.ComponentModel.DataAnnotations;
using Dapper;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Queue;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Dashboard;

/// The editor dashboard: where every claim is, what is late, who carries the work, and (over the period) how many
/// verdicts came out, how long they took, what they found and which claimants and sides were checked.
[AllowRoles(Roles.Editor, Roles.Admin)]
public sealed record GetDeskDashboard(DashboardFilter Filter) : IQuery<DeskDashboard>, IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => DashboardChecks.Validate(Filter);
}

public sealed class GetDeskDashboardHandler(Db db, TimeProvider clock, RatingScale scale, DashboardSnapshots snapshots, IOptions<FactCheckOptions> options)
    : IQueryHandler<GetDeskDashboard, DeskDashboard>
{
    public const int ListSize = 8;
    public const int ClaimantRows = 15;

    public async ValueTask<DeskDashboard> Handle(GetDeskDashboard query, CancellationToken cancellationToken) =>
        await snapshots.GetAsync(query.Filter, () => ComputeAsync(query.Filter), cancellationToken);

    /// Reads the dashboard from the database. The history part is reused while its stamp says nothing it counts has
    /// changed, unless reuseHistory is off (the benchmark times a cold read that way).
    public async Task<DeskDashboard> ComputeAsync(DashboardFilter filter, bool reuseHistory = true)
    {
        var zone = QueueFormat.Zone(options.Value.TimeZone);
        var now = clock.GetUtcNow();
        var period = DashboardPeriod.Of(filter, now, zone);
        var where = DashboardPeriod.ClaimFilter(filter);
        var parameters = new
        {
            ReviewActions.OpenStates,
            filter.Topic,
            filter.Language,
            Now = now,
            DueSoonLimit = now.AddDays(1),
            WeekEnd = period.WeekEnd,
            From = period.From ?? DateTimeOffset.UnixEpoch,
            Day1 = now.AddDays(-1),
            Day3 = now.AddDays(-3),
            Day7 = now.AddDays(-7),
            Limit = ListSize,
        };

        await using var connection = await db.OpenAsync();
        var current = await CurrentAsync(connection, where, parameters);
        var stamp = await connection.QuerySingleAsync<HistoryStamp>(HistoryStamp.Sql);
        var history = reuseHistory
            ? await snapshots.HistoryAsync(filter, period.Today, stamp, () => DeskHistory.ReadAsync(connection, filter, period, where, parameters, scale))
            : await DeskHistory.ReadAsync(connection, filter, period, where, parameters, scale);
        var (topics, languages) = reuseHistory
            ? await snapshots.PickersAsync(stamp.LastClaim ?? 0, () => PickersAsync(connection))
            : await PickersAsync(connection);
        return new DeskDashboard(filter, now, period.From, zone.Id, current, history, topics, languages);
    }

    private static async Task<DeskNow> CurrentAsync(SqliteConnection connection, string where, object parameters)
    {
        var states = (await connection.QueryAsync<(string Status, long Count)>(
            $"SELECT c.status, count(*) FROM claims c WHERE {where} GROUP BY c.status", parameters)).ToDictionary(r => r.Status, r => r.Count);

        // One pass over the open claims for every count; the lists below read only their first rows.
        var counts = await connection.QuerySingleAsync<OpenCounts>(
            $"""
            SELECT count(CASE WHEN {ListQueueHandler.StageDue} < @Now THEN 1 END) AS Overdue,
                   count(CASE WHEN {ListQueueHandler.StageDue} >= @Now AND {ListQueueHandler.IsDueSoon} THEN 1 END) AS DueSoon,
                   count(CASE WHEN c.assignee_id IS NULL AND c.created_at >= @Day1 THEN 1 END) AS Day,
                   count(CASE WHEN c.assignee_id IS NULL AND c.created_at < @Day1 AND c.created_at >= @Day3 THEN 1 END) AS ThreeDays,
                   count(CASE WHEN c.assignee_id IS NULL AND c.created_at < @Day3 AND c.created_at >= @Day7 THEN 1 END) AS Week,
                   count(CASE WHEN c.assignee_id IS NULL AND c.created_at < @Day7 THEN 1 END) AS Older
            FROM claims c {ListQueueHandler.WithLadder}
            WHERE c.status IN @OpenStates AND {where}
            """,
            parameters);

        var overdue = await DeadlinesAsync(connection, where, $"{ListQueueHandler.StageDue} < @Now", parameters);
        var dueSoon = await DeadlinesAsync(connection, where, $"{ListQueueHandler.StageDue} >= @Now AND {ListQueueHandler.IsDueSoon}", parameters);
        var oldest = (await connection.QueryAsync<WaitingClaim>(
            $"""
            SELECT c.id AS ClaimId, c.slug AS Slug, c.title AS Title, c.status AS Status, c.created_at AS CreatedAt
            FROM claims c WHERE c.status IN @OpenStates AND c.assignee_id IS NULL AND {where}
            ORDER BY c.created_at, c.id LIMIT @Limit
            """,
            parameters)).ToList();
        var workload = (await connection.QueryAsync<Workload>(
            $"""
            SELECT u.id AS UserId, u.display_name AS Name, count(c.id) AS Open,
                   count(CASE WHEN {ListQueueHandler.StageDue} < @Now THEN 1 END) AS Overdue,
                   count(CASE WHEN {ListQueueHandler.StageDue} >= @Now AND {ListQueueHandler.StageDue} < @WeekEnd THEN 1 END) AS DueThisWeek,
                   count(CASE WHEN c.status = 'in_review' THEN 1 END) AS InReview
            FROM users u
            LEFT JOIN claims c ON c.assignee_id = u.id AND c.status IN @OpenStates AND {where}
            {ListQueueHandler.WithLadder}
            WHERE u.is_active = 1
              AND (c.id IS NOT NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'factchecker'))
            GROUP BY u.id
            ORDER BY Open DESC, Overdue DESC, u.display_name
            """,
            parameters)).ToList();

        return new DeskNow(
            ClaimStatus.All.Select(s => new StateCount(s, states.GetValueOrDefault(s))).ToList(),
            new DeadlineList(overdue, counts.Overdue),
            new DeadlineList(dueSoon, counts.DueSoon),
            new UnassignedAges(
                [new("under 1 day", counts.Day), new("1–3 days", counts.ThreeDays), new("3–7 days", counts.Week), new("over 7 days", counts.Older)],
                oldest),
            workload);
    }

    private static async Task<List<DeadlineRow>> DeadlinesAsync(SqliteConnection connection, string where, string condition, object parameters) =>
        (await connection.QueryAsync<DeadlineRow>(
            $"""
            SELECT c.id AS ClaimId, c.slug AS Slug, c.title AS Title, c.status AS Status, c.priority AS Priority,
                   a.display_name AS Assignee, {ListQueueHandler.StageDue} AS DueAt
            FROM claims c
            LEFT JOIN users a ON a.id = c.assignee_id
            {ListQueueHandler.WithLadder}
            WHERE c.status IN @OpenStates AND {where} AND {condition}
            ORDER BY {ListQueueHandler.StageDue}, c.id
            LIMIT @Limit
            """,
            parameters)).ToList();

    /// The filter pickers' choices: the most used topics, and every language.
    private static async Task<(IReadOnlyList<string> Topics, IReadOnlyList<string> Languages)> PickersAsync(SqliteConnection connection)
    {
        var topics = (await connection.QueryAsync<string>(
            "SELECT topic FROM claim_topics GROUP BY topic ORDER BY count(*) DESC, topic LIMIT 200")).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var languages = (await connection.QueryAsync<string>("SELECT DISTINCT language FROM claims ORDER BY language")).ToList();
        return (topics, languages);
    }

    private sealed record OpenCounts
    {
        public long Overdue { get; init; }
        public long DueSoon { get; init; }
        public long Day { get; init; }
        public long ThreeDays { get; init; }
        public long Week { get; init; }
        public long Older { get; init; }
    }
}

/// What the history part of the dashboard depends on, read in a few index lookups: the newest claim, the newest
/// move into or out of a closed state (published, rejected, merged), the newest publication (a correction moves
/// it), and the newest change to a claimant (a side). While it stays the same, so do the period's numbers.
public sealed record HistoryStamp
{
    public const string Sql =
        """
        SELECT (SELECT max(id) FROM claims) AS LastClaim,
               (SELECT id FROM claim_transitions
                WHERE to_status IN ('published', 'rejected', 'merged') OR from_status IN ('published', 'rejected', 'merged')
                ORDER BY id DESC LIMIT 1) AS LastClosing,
               (SELECT max(published_at) FROM verdicts WHERE published_at IS NOT NULL) AS LastPublished,
               (SELECT max(id) FROM audit_log WHERE entity = 'claimant') AS LastClaimantChange
        """;

    public long? LastClaim { get; init; }
    public long? LastClosing { get; init; }
    public string? LastPublished { get; init; }
    public long? LastClaimantChange { get; init; }
}

internal static class DashboardChecks
{
    public static IEnumerable<ValidationResult> Validate(DashboardFilter? filter)
    {
        if (filter is null)
        {
            return [new ValidationResult("Filter is required.", ["Filter"])];
        }

        // Runs the filter's own Validate too once its attributes pass.
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(filter, new ValidationContext(filter), results, validateAllProperties: true);
        return results;
    }
}
