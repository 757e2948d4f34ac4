using FactCheck.Tests.Review;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Reminders;

/// Drives reminder ladders on a TestApp of the test's own (the tests move its clock): claims with a chosen
/// deadline, sweeps sent as the job sends them, and what each person was told.
public sealed class ReminderDriver(TestApp app, ReviewDriver review)
{
    public ReviewDriver Review => review;

    public DateTimeOffset Now => app.Clock.GetUtcNow();

    public static async Task<ReminderDriver> CreateAsync(TestApp app) => new(app, await ReviewDriver.CreateAsync(app));

    public void At(DateTimeOffset instant) => app.Clock.SetUtcNow(instant);

    public Task<int> SweepAsync() => app.SendAsync(new SendDueReminders(), Actor.System);

    /// Sweeps as the job does: batch after batch until one comes back short.
    public async Task SweepAllAsync(int batch)
    {
        while (await app.SendAsync(new SendDueReminders(batch), Actor.System) == batch)
        {
        }
    }

    /// A triaged claim that `by` (default: editor) assigns to `to` (default: checker), due `dueIn` from now, research started.
    public async Task<long> ResearchingAsync(TimeSpan dueIn, Actor? to = null, Actor? by = null)
    {
        var id = await review.ClaimInStateAsync("triaged");
        await review.ActAsync(
            new AssignClaim { ClaimId = id, Version = await review.VersionAsync(id), AssigneeId = (to ?? review.Checker).UserId!.Value, DueAt = Now + dueIn },
            by ?? review.Editor);
        await review.StartAsync(id, to ?? review.Checker);
        return id;
    }

    /// A triaged claim of the given priority handed to the checker without a due date, so the SLA sets its deadline.
    public async Task<long> AssignedWithoutDueDateAsync(string priority)
    {
        var id = await review.NewClaimAsync();
        await review.ActAsync(new TriageClaim { ClaimId = id, Version = await review.VersionAsync(id), Priority = priority }, review.Editor);
        await review.ActAsync(new ReassignClaim { ClaimId = id, Version = await review.VersionAsync(id), AssigneeId = review.Checker.UserId!.Value }, review.Editor);
        return id;
    }

    public async Task SubmitAsync(long id, Actor? by = null)
    {
        await review.AddEvidenceAsync(id, by);
        await review.SubmitAsync(id, by: by);
    }

    /// The reminders the person was told about the claim, oldest first (other notifications left out).
    public Task<List<string>> ToldAsync(Actor who, long claimId) =>
        app.RowsAsync<string>(
            """
            SELECT kind FROM notifications
            WHERE user_id = @UserId AND claim_id = @claimId AND kind IN ('due-soon', 'overdue', 'escalation', 'waiting-for-review')
            ORDER BY id
            """,
            new { who.UserId, claimId });

    public Task<List<ReminderRow>> RemindersAsync(long claimId) =>
        app.RowsAsync<ReminderRow>(
            "SELECT ladder_id AS LadderId, step AS Step, recipient_id AS RecipientId, outcome AS Outcome FROM reminders WHERE claim_id = @claimId ORDER BY id",
            new { claimId });

    public Task<List<LadderRow>> LaddersAsync(long claimId) =>
        app.RowsAsync<LadderRow>(
            """
            SELECT id AS Id, stage AS Stage, actor_id AS ActorId, escalate_to AS EscalateTo, started_at AS StartedAt, due_at AS DueAt,
                   due_soon_at AS DueSoonAt, escalate_at AS EscalateAt, ended_at AS EndedAt
            FROM ladders WHERE claim_id = @claimId ORDER BY id
            """,
            new { claimId });

    public async Task<LadderRow> OpenLadderAsync(long claimId) => (await LaddersAsync(claimId)).Single(l => l.EndedAt is null);

    public Task<long> SentAuditsAsync(long claimId) =>
        app.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'SendReminder' AND entity = 'claim' AND entity_id = CAST(@claimId AS TEXT)", new { claimId });
}

public sealed record ReminderRow(long LadderId, string Step, long RecipientId, string Outcome);

public sealed record LadderRow(
    long Id, string Stage, long? ActorId, long? EscalateTo, DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset DueSoonAt,
    DateTimeOffset? EscalateAt, DateTimeOffset? EndedAt);
