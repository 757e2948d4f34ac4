using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Notifications;

/// One person told of one event. EventKey names the event (e.g. "claim:12:v7", "comment:40"): with the person it is
/// unique in notifications, so the same event never reaches the same person twice.
public sealed record Notice(long UserId, string Kind, long? ClaimId, string EventKey, NotificationMessage Message);

/// Writes work notifications in the command's transaction: to the inbox (the bell lights up once it commits) and,
/// for people who chose e-mail for the kind, to the mail outbox. Never to the person who acted, never to a
/// deactivated account, never twice for one event, and the first notice for a person in a batch wins (a mention
/// says more than "a comment on a claim you follow"). The stored title, body and e-mail are in the recipient's language.
public static class WorkNotices
{
    public static async Task<int> SendAsync(CommandContext context, FactCheckOptions options, IEnumerable<Notice> notices, CancellationToken ct)
    {
        var sent = 0;
        var told = new HashSet<(long, string)>();
        var zone = Infrastructure.Clock.NewsroomTime.Of(options).Zone;
        foreach (var notice in notices)
        {
            if (notice.UserId == context.Actor.UserId || !told.Add((notice.UserId, notice.EventKey)))
            {
                continue;
            }

            var recipient = await context.QuerySingleOrDefaultAsync<Recipient>(
                """
                SELECT coalesce(s.delivery, @Default) AS Delivery, u.language AS Language FROM users u
                LEFT JOIN notification_settings s ON s.user_id = u.id AND s.kind = @Kind
                WHERE u.id = @UserId AND u.is_active = 1
                """,
                new { Default = NotificationKinds.DefaultFor(notice.Kind), notice.Kind, notice.UserId },
                ct);
            if (recipient is not { Delivery: var delivery and not NotificationKinds.Off, Language: var language })
            {
                continue;
            }

            var (title, body) = NotificationText.For(language, zone).Render(notice.Message);

            var id = await context.QuerySingleOrDefaultAsync<long?>(
                """
                INSERT INTO notifications (user_id, claim_id, kind, title, body, created_at, event_key, message)
                VALUES (@UserId, @ClaimId, @Kind, @title, @body, @Now, @EventKey, @Message)
                ON CONFLICT DO NOTHING
                RETURNING id
                """,
                new { notice.UserId, notice.ClaimId, notice.Kind, title, body, context.Now, notice.EventKey, Message = notice.Message.ToJson() },
                ct);
            if (id is null)
            {
                continue;
            }

            if (delivery == NotificationKinds.Email && options.Smtp.Enabled)
            {
                await context.ExecuteAsync(
                    """
                    INSERT INTO mail_outbox (notification_id, to_address, to_name, subject, body, created_at, next_attempt_at)
                    SELECT @id, u.email, u.display_name, @Title, @Body, @Now, @Now
                    FROM users u WHERE u.id = @UserId AND u.email IS NOT NULL AND u.email <> ''
                    """,
                    new { id, Title = title, Body = string.IsNullOrEmpty(body) ? title : body, context.Now, notice.UserId },
                    ct);
            }

            context.UserNotified(notice.UserId);
            sent++;
        }

        return sent;
    }

    private sealed record Recipient(string Delivery, string? Language);
}
