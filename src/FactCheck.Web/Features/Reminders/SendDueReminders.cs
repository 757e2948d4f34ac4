using System.Globalization;
using FactCheck.Web.Infrastructure;
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

public sealed class SendDueRemindersHandler(IOptions<FactCheckOptions> options, Deadlines deadlines) : ICommandHandler<SendDueReminders, int>
{
    public async ValueTask<int> Handle(SendDueReminders command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
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
        foreach (var ladder in ladders)
        {
            await SendAsync(context, ladder, cancellationToken);
        }

        return ladders.Count;
    }

    private async Task SendAsync(CommandContext context, DueLadder ladder, CancellationToken ct)
    {
        var now = context.Now;
        var steps = new List<(string Step, DateTimeOffset At, long? Recipient)>();
        if (ladder.Stage == "verdict")
        {
            steps.Add(("due-soon", ladder.DueSoonAt, ladder.ActorId));
            steps.Add(("overdue", ladder.DueAt, ladder.ActorId));
            if (ladder.EscalateAt is { } escalateAt)
            {
                steps.Add(("escalation", escalateAt, ladder.EscalateTo));
            }
        }
        else
        {
            var editors = await context.QueryAsync<long>(
                """
                SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'editor'
                WHERE u.is_active = 1 AND u.id IS NOT @AuthorId
                """,
                new { ladder.AuthorId },
                ct);
            steps.AddRange(editors.Select(e => ("waiting-for-review", ladder.DueAt, (long?)e)));
        }

        var due = steps.Where(s => s.At <= now && s.Recipient is not null).ToList();
        foreach (var (step, _, recipient) in due)
        {
            // A sweep that comes late (the app was down) tells the assignee only the latest news: overdue, not due soon too.
            var outcome = step == "due-soon" && due.Any(s => s.Step == "overdue") ? "skipped" : "sent";
            var reminderId = await context.QuerySingleOrDefaultAsync<long?>(
                """
                INSERT INTO reminders (ladder_id, claim_id, step, recipient_id, outcome, at)
                SELECT @LadderId, @ClaimId, @step, @recipient, @outcome, @now
                WHERE EXISTS (SELECT 1 FROM users WHERE id = @recipient AND is_active = 1)
                ON CONFLICT (ladder_id, step, recipient_id) DO NOTHING
                RETURNING id
                """,
                new { LadderId = ladder.Id, ladder.ClaimId, step, recipient, outcome, now },
                ct);
            if (reminderId is null || outcome == "skipped")
            {
                continue;
            }

            var (title, body) = Message(step, ladder);
            await Inbox.NotifyAsync(context, options.Value, recipient!.Value, ladder.ClaimId, step, title, body, ct);
            context.Audit("claim", ladder.ClaimId, null, new { Reminder = reminderId, Step = step, RecipientId = recipient, LadderId = ladder.Id }, "SendReminder");
        }

        DateTimeOffset? next = steps.Where(s => s.At > now).Select(s => (DateTimeOffset?)s.At).Min();
        await context.ExecuteAsync("UPDATE ladders SET next_at = @next WHERE id = @Id", new { next, ladder.Id }, ct);
    }

    private (string Title, string Body) Message(string step, DueLadder ladder)
    {
        var due = Local(ladder.DueAt);
        return step switch
        {
            "due-soon" => ($"Due soon: {ladder.Title}", $"Your verdict on “{ladder.Title}” is due {due}."),
            "overdue" => ($"Overdue: {ladder.Title}", $"Your verdict on “{ladder.Title}” was due {due}. Submit it, or ask your editor for more time."),
            "escalation" => ($"Late: {ladder.Title}", $"{ladder.Assignee ?? "The assignee"}'s verdict on “{ladder.Title}”, which you assigned, was due {due} and has not been submitted."),
            _ => ($"Waiting for review: {ladder.Title}", $"A verdict on “{ladder.Title}” has waited for an editor's review since before {due}."),
        };
    }

    private string Local(DateTimeOffset at)
    {
        var zone = deadlines.Time.Zone;
        return TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
    }

    private sealed record DueLadder(
        long Id, long ClaimId, string Stage, long? ActorId, long? EscalateTo, DateTimeOffset DueAt, DateTimeOffset DueSoonAt,
        DateTimeOffset? EscalateAt, string Title, string? Assignee, long? AuthorId);
}
