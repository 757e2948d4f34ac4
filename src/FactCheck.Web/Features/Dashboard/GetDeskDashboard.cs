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

    /// Computes the dashboard from the database, ignoring the shared snapshots (the benchmark times this).
    public async Task<DeskDashboard> ComputeAsync(DashboardFilter filter)
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
        var states = (await connection.QueryAsync<(string Status, long Count)>(
            $"SELECT c.status, count(*) FROM claims c WHERE {where} GROUP BY c.status", parameters)).ToDictionary(r => r.Status, r => r.Count);

        var overdue = await DeadlinesAsync(connection, where, $"{ListQueueHandler.StageDue} < @Now", parameters);
        var dueSoon = await DeadlinesAsync(connection, where, $"{ListQueueHandler.StageDue} >= @Now AND {ListQueueHandler.IsDueSoon}", parameters);
        var unassigned = await UnassignedAsync(connection, where, parameters);
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

        var history = await DeskHistory.ReadAsync(connection, filter, period, where, parameters, scale);
        var topics = (await connection.QueryAsync<string>(
            "SELECT topic FROM claim_topics GROUP BY topic ORDER BY count(*) DESC, topic LIMIT 200")).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var languages = (await connection.QueryAsync<string>("SELECT DISTINCT language FROM claims ORDER BY language")).ToList();

        return new DeskDashboard(
            filter, now, period.From, zone.Id,
            ClaimStatus.All.Select(s => new StateCount(s, states.GetValueOrDefault(s))).ToList(),
            overdue, dueSoon, unassigned, workload,
            history.Throughput, history.TimeToVerdict, history.Verdicts, history.Sides, history.Claimants,
            topics, languages);
    }

    private static async Task<DeadlineList> DeadlinesAsync(SqliteConnection connection, string where, string condition, object parameters)
    {
        var rows = (await connection.QueryAsync<DeadlineRow>(
            $"""
            SELECT c.id AS ClaimId, c.slug AS Slug, c.title AS Title, c.status AS Status, c.priority AS Priority,
                   a.display_name AS Assignee, {ListQueueHandler.StageDue} AS DueAt, count(*) OVER () AS Total
            FROM claims c
            LEFT JOIN users a ON a.id = c.assignee_id
            {ListQueueHandler.WithLadder}
            WHERE c.status IN @OpenStates AND {where} AND {condition}
            ORDER BY {ListQueueHandler.StageDue}, c.id
            LIMIT @Limit
            """,
            parameters)).ToList();
        return new DeadlineList(rows, rows.Count == 0 ? 0 : rows[0].Total);
    }

    private static async Task<UnassignedAges> UnassignedAsync(SqliteConnection connection, string where, object parameters)
    {
        const string Unassigned = "c.status IN @OpenStates AND c.assignee_id IS NULL";
        var ages = await connection.QuerySingleAsync<(long Day, long ThreeDays, long Week, long Older)>(
            $"""
            SELECT count(CASE WHEN c.created_at >= @Day1 THEN 1 END),
                   count(CASE WHEN c.created_at < @Day1 AND c.created_at >= @Day3 THEN 1 END),
                   count(CASE WHEN c.created_at < @Day3 AND c.created_at >= @Day7 THEN 1 END),
                   count(CASE WHEN c.created_at < @Day7 THEN 1 END)
            FROM claims c WHERE {Unassigned} AND {where}
            """,
            parameters);
        var oldest = (await connection.QueryAsync<WaitingClaim>(
            $"""
            SELECT c.id AS ClaimId, c.slug AS Slug, c.title AS Title, c.status AS Status, c.created_at AS CreatedAt
            FROM claims c WHERE {Unassigned} AND {where}
            ORDER BY c.created_at, c.id LIMIT @Limit
            """,
            parameters)).ToList();
        return new UnassignedAges(
            [new("under 1 day", ages.Day), new("1–3 days", ages.ThreeDays), new("3–7 days", ages.Week), new("over 7 days", ages.Older)],
            oldest);
    }
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
