using System.Text.Json;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Reminders;

/// The reminder sweep: sends every ladder step whose time has come, once. Idempotent by construction: each
/// reminder is recorded under a unique (ladder, step, recipient) key in the same transaction that writes its
/// notification and queues its e-mail, and a ladder ends in the transaction that ends its stage. Returns how
/// many ladders it looked at; the job sends it again while a full batch came back.
[SystemOnly]
public sealed record SendDueReminders(int BatchSize = 1000) : ICommand<int>;

public sealed class SendDueRemindersHandler(IOptions<FactCheckOptions> options) : ICommandHandler<SendDueReminders, int>
{
    public async ValueTask<int> Handle(SendDueReminders command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var now = context.Now;
        var ladders = (await context.QueryAsync<DueLadder>(
            """
            SELECT l.id AS Id, l.claim_id AS ClaimId, l.stage AS Stage, l.actor_id AS ActorId, l.escalate_to AS EscalateTo,
                   l.due_at AS DueAt, l.due_soon_at AS DueSoonAt, l.escalate_at AS EscalateAt,
                   c.title AS Title, a.display_name AS Assignee, v.author_id AS AuthorId
            FROM ladders l
            JOIN claims c ON c.id = l.claim_id
            LEFT JOIN users a ON a.id = l.actor_id
            LEFT JOIN verdicts v ON v.claim_id = l.claim_id AND v.state = 'in_review'
            WHERE l.ended_at IS NULL AND l.next_at <= @Now AND (l.snoozed_until IS NULL OR l.snoozed_until <= @Now)
            ORDER BY l.next_at
            LIMIT @BatchSize
            """,
            new { context.Now, command.BatchSize },
            cancellationToken)).ToList();
        if (ladders.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<long> editors = ladders.Any(l => l.Stage == "review")
            ? (await context.QueryAsync<long>(
                "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'editor' WHERE u.is_active = 1", null, cancellationToken)).ToList()
            : [];

        // In claim order, so that the rows a batch writes land on neighbouring index pages.
        ladders.Sort((a, b) => a.ClaimId.CompareTo(b.ClaimId));
        var due = new List<DueStep>();
        var next = new List<NextStep>();
        foreach (var ladder in ladders)
        {
            var steps = Steps(ladder, editors);
            var reached = steps.Where(s => s.At <= now).ToList();
            foreach (var (step, _, recipient) in reached)
            {
                // A sweep that comes late (the app was down) tells the assignee only the latest news: overdue, not due soon too.
                var outcome = step == "due-soon" && reached.Any(s => s.Step == "overdue") ? "skipped" : "sent";
                due.Add(new DueStep(ladder.Id, ladder.ClaimId, step, recipient, outcome));
            }

            var after = steps.Where(s => s.At > now).Select(s => (DateTimeOffset?)s.At).Min();
            next.Add(new NextStep(ladder.Id, after is { } at ? DapperTypeHandlers.Format(at) : null));
        }

        // One statement for the batch's reminders and one for its ladders, not a few per ladder: that halves a sweep
        // with a thousand due ladders (tests/FactCheck.Benchmarks reminder-sweep). The unique key still decides what
        // is new: a step another sweep already recorded is not returned, so it is not sent again.
        // The JSON array's elements: json_each on SQLite, json_array_elements on PostgreSQL (whose ->> is always text).
        var elements = context.IsPostgres ? "json_array_elements(CAST(@{0} AS json))" : "json_each(@{0})";
        var recorded = (await context.QueryAsync<(long Id, long LadderId, string Step, long RecipientId)>(
            $"""
            INSERT INTO reminders (ladder_id, claim_id, step, recipient_id, outcome, at)
            SELECT CAST(s.value ->> 'LadderId' AS BIGINT), CAST(s.value ->> 'ClaimId' AS BIGINT), s.value ->> 'Step',
                   CAST(s.value ->> 'RecipientId' AS BIGINT), s.value ->> 'Outcome', @now
            FROM {string.Format(System.Globalization.CultureInfo.InvariantCulture, elements, "steps")} AS s CROSS JOIN users AS u
            WHERE u.id = CAST(s.value ->> 'RecipientId' AS BIGINT) AND u.is_active = 1
            ON CONFLICT (ladder_id, step, recipient_id) DO NOTHING
            RETURNING id, ladder_id, step, recipient_id
            """,
            new { now, steps = JsonSerializer.Serialize(due) },
            cancellationToken)).ToDictionary(r => (r.LadderId, r.Step, r.RecipientId), r => r.Id);
        await context.ExecuteAsync(
            $"UPDATE ladders SET next_at = n.value ->> 'NextAt' FROM {string.Format(System.Globalization.CultureInfo.InvariantCulture, elements, "next")} AS n WHERE ladders.id = CAST(n.value ->> 'LadderId' AS BIGINT)",
            new { next = JsonSerializer.Serialize(next) },
            cancellationToken);

        var byId = ladders.ToDictionary(l => l.Id);
        foreach (var step in due.Where(s => s.Outcome == "sent"))
        {
            if (!recorded.TryGetValue((step.LadderId, step.Step, step.RecipientId), out var reminderId))
            {
                continue;
            }

            var ladder = byId[step.LadderId];
            await Inbox.NotifyAsync(context, options.Value, step.RecipientId, ladder.ClaimId, step.Step, Message(step.Step, ladder), cancellationToken);
            context.Audit("claim", ladder.ClaimId, null, new { Reminder = reminderId, step.Step, step.RecipientId, LadderId = ladder.Id }, "SendReminder");
        }

        return ladders.Count;
    }

    /// The ladder's steps with who gets each: the assignee (due soon, overdue), the assigning editor (escalation),
    /// or every active editor but the verdict's author (waiting for review).
    private static List<(string Step, DateTimeOffset At, long Recipient)> Steps(DueLadder ladder, IReadOnlyList<long> editors)
    {
        if (ladder.Stage != "verdict")
        {
            return editors.Where(e => e != ladder.AuthorId).Select(e => ("waiting-for-review", ladder.DueAt, e)).ToList();
        }

        var steps = new List<(string Step, DateTimeOffset At, long Recipient)>();
        if (ladder.ActorId is { } actor)
        {
            steps.Add(("due-soon", ladder.DueSoonAt, actor));
            steps.Add(("overdue", ladder.DueAt, actor));
        }

        if (ladder is { EscalateAt: { } escalateAt, EscalateTo: { } editor })
        {
            steps.Add(("escalation", escalateAt, editor));
        }

        return steps;
    }

    private static NotificationMessage Message(string step, DueLadder ladder) => NotificationMessage.Of(
        step switch
        {
            "due-soon" => NotificationMessages.DueSoon,
            "overdue" => NotificationMessages.Overdue,
            "escalation" => NotificationMessages.Escalation,
            _ => NotificationMessages.WaitingForReview,
        },
        ladder.DueAt,
        ("claim", ladder.Title),
        ("assignee", ladder.Assignee));

    private sealed record DueStep(long LadderId, long ClaimId, string Step, long RecipientId, string Outcome);

    private sealed record NextStep(long LadderId, string? NextAt);

    private sealed record DueLadder(
        long Id, long ClaimId, string Stage, long? ActorId, long? EscalateTo, DateTimeOffset DueAt, DateTimeOffset DueSoonAt,
        DateTimeOffset? EscalateAt, string Title, string? Assignee, long? AuthorId);
}
