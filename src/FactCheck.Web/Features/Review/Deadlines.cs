using Dapper;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.Extensions.Options;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Features.Review;

/// Keeps each claim's reminder ladder in step with its workflow state, inside the command that changes it:
/// research towards a verdict (assigned, researching) has a ladder for the assignee, a verdict in review has one
/// for the editors; any other state has none. A new assignee, a new stage or an extended deadline starts a new
/// ladder, so the steps already sent for the old one never block the new one and never repeat.
public sealed class Deadlines(IOptions<FactCheckOptions> options)
{
    private readonly Lazy<WorkingTime> time = new(() => WorkingTime.From(options.Value));

    public WorkingTime Time => time.Value;

    public TimeSpan ResearchTime(string? priority) => priority switch
    {
        "high" => options.Value.Sla.High,
        "low" => options.Value.Sla.Low,
        _ => options.Value.Sla.Normal,
    };

    public DateTimeOffset DueSoonAt(DateTimeOffset start, DateTimeOffset due)
    {
        var share = Math.Clamp(options.Value.Reminders.DueSoonShare, 0, 1);
        return Time.Add(start, Time.Between(start, due) * share);
    }

    /// Brings the claim's ladder in line with its state; `dueOverride` restarts the ladder with that deadline.
    public async Task SyncAsync(CommandContext context, long claimId, CancellationToken ct, DateTimeOffset? dueOverride = null)
    {
        var claim = await context.QuerySingleOrDefaultAsync<ClaimRow>(
            "SELECT status AS Status, assignee_id AS AssigneeId, assigned_by AS AssignedBy, due_at AS DueAt, priority AS Priority FROM claims WHERE id = @claimId",
            new { claimId },
            ct) ?? throw new NotFoundException($"Claim {claimId} does not exist.");
        var open = await context.QuerySingleOrDefaultAsync<LadderRow>(
            "SELECT id AS Id, stage AS Stage, actor_id AS ActorId FROM ladders WHERE claim_id = @claimId AND ended_at IS NULL",
            new { claimId },
            ct);
        var stage = claim.Status switch
        {
            "assigned" or "researching" => "verdict",
            "in_review" => "review",
            _ => null,
        };
        var actor = stage == "verdict" ? claim.AssigneeId : null;
        var keep = open is not null && stage is not null && open.Stage == stage && open.ActorId == actor && dueOverride is null;
        if (open is not null && !keep)
        {
            await context.ExecuteAsync("UPDATE ladders SET ended_at = @Now WHERE id = @Id", new { context.Now, open.Id }, ct);
        }

        if (stage is null || keep)
        {
            return;
        }

        var now = context.Now;
        var due = dueOverride
            ?? (stage == "review"
                ? Time.Add(now, options.Value.Sla.Review)
                : claim.DueAt is { } given && given > now ? given : Time.Add(now, ResearchTime(claim.Priority)));
        var dueSoon = DueSoonAt(now, due);
        var escalateTo = stage == "verdict" ? claim.AssignedBy : null;
        DateTimeOffset? escalateAt = escalateTo is null ? null : Time.Add(due, options.Value.Reminders.EscalationGrace);
        await context.ExecuteAsync(
            """
            INSERT INTO ladders (claim_id, stage, actor_id, escalate_to, started_at, due_at, due_soon_at, escalate_at, next_at)
            VALUES (@claimId, @stage, @actor, @escalateTo, @now, @due, @dueSoon, @escalateAt, @next)
            """,
            new { claimId, stage, actor, escalateTo, now, due, dueSoon, escalateAt, next = stage == "review" ? due : dueSoon },
            ct);
    }

    private sealed record ClaimRow(string Status, long? AssigneeId, long? AssignedBy, DateTimeOffset? DueAt, string? Priority);

    private sealed record LadderRow(long Id, string Stage, long? ActorId);
}
