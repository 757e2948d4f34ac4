using System.Globalization;
using Dapper;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Reminders;

/// Once a day, after FactCheck:Reminders:DigestTime in the newsroom's time zone, each person who wants a digest
/// and has work gets one: their claims by due time (overdue first) and, for editors, verdicts waiting for review.
/// The (person, local day) key makes it once a day whatever restarts happen; a person with nothing to do that
/// morning gets the key too, and no digest. Returns how many were sent.
[SystemOnly]
public sealed record SendDailyDigests : ICommand<int>;

public sealed class SendDailyDigestsHandler(IOptions<FactCheckOptions> options, Deadlines deadlines) : ICommandHandler<SendDailyDigests, int>
{
    public async ValueTask<int> Handle(SendDailyDigests command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var local = TimeZoneInfo.ConvertTime(context.Now, deadlines.Time.Zone);
        if (TimeOnly.FromDateTime(local.DateTime) < options.Value.Reminders.DigestTime)
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(local.DateTime);
        var work = (await context.QueryAsync<WorkItem>(
            """
            SELECT u.id AS UserId, c.id AS ClaimId, c.title AS Title, c.status AS Status, coalesce(l.due_at, c.due_at) AS DueAt
            FROM users u
            JOIN claims c ON c.assignee_id = u.id AND c.status IN ('assigned', 'researching')
            LEFT JOIN ladders l ON l.claim_id = c.id AND l.ended_at IS NULL
            WHERE u.is_active = 1 AND u.daily_digest = 1
              AND NOT EXISTS (SELECT 1 FROM digests d WHERE d.user_id = u.id AND d.local_date = @today)
            UNION ALL
            SELECT u.id, c.id, c.title, c.status, l.due_at
            FROM users u
            JOIN user_roles r ON r.user_id = u.id AND r.role = 'editor'
            JOIN claims c ON c.status = 'in_review'
            JOIN verdicts v ON v.claim_id = c.id AND v.state = 'in_review' AND v.author_id <> u.id
            LEFT JOIN ladders l ON l.claim_id = c.id AND l.ended_at IS NULL
            WHERE u.is_active = 1 AND u.daily_digest = 1
              AND NOT EXISTS (SELECT 1 FROM digests d WHERE d.user_id = u.id AND d.local_date = @today)
              AND NOT EXISTS (SELECT 1 FROM verdict_votes vv WHERE vv.verdict_id = v.id AND vv.voter_id = u.id)
            """,
            new { today },
            cancellationToken)).ToList();
        var sent = 0;
        var byPerson = work.ToLookup(w => w.UserId);
        var unread = await DigestNotices.UnreadAsync(context, today, cancellationToken);
        foreach (var userId in byPerson.Select(p => p.Key).Union(unread.Select(p => p.Key)).Order())
        {
            var inserted = await context.ExecuteAsync(
                "INSERT INTO digests (user_id, local_date, at) VALUES (@userId, @today, @Now) ON CONFLICT DO NOTHING",
                new { userId, today, context.Now },
                cancellationToken);
            if (inserted == 0)
            {
                continue;
            }

            var items = byPerson[userId].OrderBy(w => w.DueAt ?? DateTimeOffset.MaxValue).ToList();
            var overdue = items.Count(w => w.DueAt <= context.Now);
            var notices = unread[userId].ToList();
            var message = new NotificationMessage
            {
                Key = NotificationMessages.Digest,
                Args = { ["unread"] = notices.Count.ToString(CultureInfo.InvariantCulture) },
                Work = items.Select(w => new DigestLine(w.ClaimId, w.Title, w.Status, w.DueAt, w.DueAt <= context.Now)).ToList(),
                Unread = notices.Take(DigestNotices.MaxListed).Select(n => new DigestUnread(n.ClaimId, n.Title, NotificationMessage.FromJson(n.Message))).ToList(),
            };
            await Inbox.NotifyAsync(context, options.Value, userId, null, "digest", message, cancellationToken);
            context.Audit("user", userId, null, new { Digest = today, Items = items.Count, Overdue = overdue, Unread = notices.Count }, "SendDailyDigest");
            sent++;
        }

        // The first run after the digest time settles the day for everyone who wants a digest, so work assigned
        // at 15:00 waits for tomorrow's digest instead of bringing a second "daily" message in the afternoon.
        // A run missed at 08:00 (the app was down) still catches up: the day is settled by whichever run comes first.
        await context.ExecuteAsync(
            """
            INSERT INTO digests (user_id, local_date, at)
            SELECT id, @today, @Now FROM users WHERE is_active = 1 AND daily_digest = 1
            ON CONFLICT DO NOTHING
            """,
            new { today, context.Now },
            cancellationToken);
        return sent;
    }

    private sealed record WorkItem(long UserId, long ClaimId, string Title, string Status, DateTimeOffset? DueAt);
}
