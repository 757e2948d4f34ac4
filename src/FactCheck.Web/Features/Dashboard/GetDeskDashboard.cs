using System.ComponentModel.DataAnnotations;
using Dapper;
using FactCheck.Web.Features.Queue;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using System.Data.Common;
using Microsoft.Extensions.Options;
using FactCheck.Web.Infrastructure.Clock;

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

    /// What both dashboards call "due within a day": the stage deadline in the next 24 hours. (The queue's "due soon"
    /// chip is the reminder ladder's, which for a three-day deadline starts only 18 hours before it.)
    internal const string DueWithinADay = $"({ListQueueHandler.StageDue} >= @Now AND {ListQueueHandler.StageDue} <= @DueSoonLimit)";
    public const int ClaimantRows = 15;

    public async ValueTask<DeskDashboard> Handle(GetDeskDashboard query, CancellationToken cancellationToken) =>
        await snapshots.GetAsync(query.Filter, () => ComputeAsync(query.Filter), cancellationToken);

    /// Reads the dashboard from the database. The history part is reused while its stamp says nothing it counts has
    /// changed, unless reuseHistory is off (the benchmark times a cold read that way).
    public async Task<DeskDashboard> ComputeAsync(DashboardFilter filter, bool reuseHistory = true)
    {
        var zone = NewsroomTime.FindZone(options.Value.TimeZone);
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
            From = period.From ?? DateTimeOffset.UnixEpoch,
        };

        await using var connection = await db.OpenAsync();
        var current = await CurrentAsync(connection, where, now, period.WeekEnd, parameters);
        var stamp = await connection.QuerySingleAsync<HistoryStamp>(HistoryStamp.Sql);
        var history = reuseHistory
            ? await snapshots.HistoryAsync(filter, period.Today, stamp, () => DeskHistory.ReadAsync(connection, filter, period, parameters, scale))
            : await DeskHistory.ReadAsync(connection, filter, period, parameters, scale);
        var (topics, languages) = reuseHistory
            ? await snapshots.PickersAsync(stamp.LastClaim ?? 0, () => PickersAsync(connection))
            : await PickersAsync(connection);
        return new DeskDashboard(filter, now, period.From, zone.Id, current, history, topics, languages);
    }

    private static async Task<DeskNow> CurrentAsync(DbConnection connection, string where, DateTimeOffset now, DateTimeOffset weekEnd, object parameters)
    {
        // Every open claim once, with its stage deadline; the counts, lists and workload are made from these rows.
        // A desk has a few thousand open claims at most, and one pass costs a fraction of a query per list. The pass
        // reads only columns of ix_claims_open_desk (migration 0013), never the claim rows with their long texts, and
        // each running ladder from ix_ladders_open_due (migration 0015); titles are fetched for the few claims the
        // lists show. The join is ListQueueHandler.WithLadder's, with the covering index named.
        var open = (await connection.QueryAsync<OpenClaim>(
            $"""
            SELECT c.id AS ClaimId, c.status AS Status, c.priority AS Priority,
                   c.assignee_id AS AssigneeId, c.created_at AS CreatedAt, {ListQueueHandler.StageDue} AS DueAt,
                   coalesce({DueWithinADay}, FALSE) AS DueSoon
            FROM claims c LEFT JOIN ladders l {(connection.IsPostgres() ? "" : "INDEXED BY ix_ladders_open_due")} ON l.claim_id = c.id AND l.ended_at IS NULL
            WHERE c.status IN @OpenStates AND {where}
            """,
            parameters)).ToList();
        var people = (await connection.QueryAsync<Person>(
            """
            SELECT u.id AS Id, u.display_name AS Name, u.is_active AS Active,
                   EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'factchecker') AS FactChecker
            FROM users u
            """)).ToDictionary(p => p.Id);

        var overdueRows = Urgent(open.Where(c => c.DueAt < now));
        var dueSoonRows = Urgent(open.Where(c => c.DueAt >= now && c.DueSoon));
        var unassigned = open.Where(c => c.AssigneeId is null).ToList();
        long Aged(int? fromDays, int? toDays) => unassigned.LongCount(c => (fromDays is null || now - c.CreatedAt >= TimeSpan.FromDays(fromDays.Value)) && (toDays is null || now - c.CreatedAt < TimeSpan.FromDays(toDays.Value)));
        var oldestRows = unassigned.OrderBy(c => c.CreatedAt).ThenBy(c => c.ClaimId).Take(ListSize).ToList();

        var shown = overdueRows.Items.Concat(dueSoonRows.Items).Concat(oldestRows).Select(c => c.ClaimId).Distinct().ToList();
        var names = shown.Count == 0
            ? []
            : (await connection.QueryAsync<(long Id, string Slug, string Title)>("SELECT id, slug, title FROM claims WHERE id IN @shown", new { shown }))
                .ToDictionary(c => c.Id);
        DeadlineRow Row(OpenClaim c) => new()
        {
            ClaimId = c.ClaimId, Slug = names[c.ClaimId].Slug, Title = names[c.ClaimId].Title, Status = c.Status, Priority = c.Priority,
            Assignee = c.AssigneeId is { } id && people.TryGetValue(id, out var person) ? person.Name : null, DueAt = c.DueAt!.Value,
        };
        var overdue = new DeadlineList(overdueRows.Items.Select(Row).ToList(), overdueRows.Total);
        var dueSoon = new DeadlineList(dueSoonRows.Items.Select(Row).ToList(), dueSoonRows.Total);
        var oldest = oldestRows
            .Select(c => new WaitingClaim { ClaimId = c.ClaimId, Slug = names[c.ClaimId].Slug, Title = names[c.ClaimId].Title, Status = c.Status, CreatedAt = c.CreatedAt }).ToList();

        var assigned = open.Where(c => c.AssigneeId is not null).ToLookup(c => c.AssigneeId!.Value);
        var workload = people.Values
            .Where(p => p.Active && (p.FactChecker || assigned.Contains(p.Id)))
            .Select(p => new Workload
            {
                UserId = p.Id,
                Name = p.Name,
                Open = assigned[p.Id].LongCount(),
                Overdue = assigned[p.Id].LongCount(c => c.DueAt < now),
                DueThisWeek = assigned[p.Id].LongCount(c => c.DueAt >= now && c.DueAt < weekEnd),
                InReview = assigned[p.Id].LongCount(c => c.Status == "in_review"),
            })
            .OrderByDescending(w => w.Open).ThenByDescending(w => w.Overdue).ThenBy(w => w.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        return new DeskNow(
            ReviewActions.OpenStates.Select(s => new StateCount(s, open.LongCount(c => c.Status == s))).ToList(),
            overdue,
            dueSoon,
            new UnassignedAges(
                [new("under 1 day", Aged(null, 1)), new("1–3 days", Aged(1, 3)), new("3–7 days", Aged(3, 7)), new("over 7 days", Aged(7, null))],
                oldest),
            workload);
    }

    /// The filter pickers' choices: the most used topics, and every language, from the per-state counts migration
    /// 0014's triggers keep (a few hundred rows, where counting claim_topics took ~25 ms at 100,000 claims).
    private static async Task<(IReadOnlyList<string> Topics, IReadOnlyList<string> Languages)> PickersAsync(DbConnection connection)
    {
        var topics = (await connection.QueryAsync<string>(
            "SELECT topic FROM topic_state_counts GROUP BY topic HAVING sum(claims) > 0 ORDER BY sum(claims) DESC, topic LIMIT 200"))
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
        var languages = (await connection.QueryAsync<string>(
            "SELECT language FROM claim_state_counts GROUP BY language HAVING sum(claims) > 0 ORDER BY language")).ToList();
        return (topics, languages);
    }

    /// The most urgent first, and how many there are in all.
    private static (List<OpenClaim> Items, long Total) Urgent(IEnumerable<OpenClaim> rows)
    {
        var ordered = rows.OrderBy(c => c.DueAt).ThenBy(c => c.ClaimId).ToList();
        return (ordered.Take(ListSize).ToList(), ordered.Count);
    }

    private sealed record OpenClaim
    {
        public long ClaimId { get; init; }
        public string Status { get; init; } = "";
        public string? Priority { get; init; }
        public long? AssigneeId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public bool DueSoon { get; init; }
    }

    private sealed record Person
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public bool Active { get; init; }
        public bool FactChecker { get; init; }
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
