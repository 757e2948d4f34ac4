using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Clock;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Notifications;

/// Writes a notification to a person's in-app inbox and, when e-mail is configured and they want it, queues the
/// same message in the mail outbox, both in the caller's transaction. The message is kept for the inbox to write in
/// whatever language its reader reads then; the stored title and the e-mail are in the recipient's language now.
public static class Inbox
{
    public static async Task<long> NotifyAsync(
        CommandContext context, FactCheckOptions options, long userId, long? claimId, string kind, NotificationMessage message, CancellationToken ct)
    {
        var language = await context.QuerySingleOrDefaultAsync<string?>("SELECT language FROM users WHERE id = @userId", new { userId }, ct);
        var (title, body) = NotificationText.For(language, NewsroomTime.Of(options).Zone).Render(message);
        body ??= title;
        var id = await context.ExecuteScalarAsync<long>(
            """
            INSERT INTO notifications (user_id, claim_id, kind, title, body, created_at, message)
            VALUES (@userId, @claimId, @kind, @title, @body, @Now, @message)
            RETURNING id
            """,
            new { userId, claimId, kind, title, body, context.Now, message = message.ToJson() },
            ct);
        if (options.Smtp.Enabled)
        {
            await context.ExecuteAsync(
                """
                INSERT INTO mail_outbox (notification_id, to_address, to_name, subject, body, created_at, next_attempt_at)
                SELECT @id, u.email, u.display_name, @title, @body, @Now, @Now
                FROM users u
                WHERE u.id = @userId AND u.is_active = 1 AND u.email_reminders = 1 AND u.email IS NOT NULL AND u.email <> ''
                """,
                new { id, userId, title, body, context.Now },
                ct);
        }

        context.UserNotified(userId);
        return id;
    }
}
