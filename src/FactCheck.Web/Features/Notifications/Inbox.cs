using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Notifications;

/// Writes a notification to a person's in-app inbox and, when e-mail is configured and they want it, queues the
/// same message in the mail outbox, both in the caller's transaction.
public static class Inbox
{
    public static async Task<long> NotifyAsync(
        CommandContext context, FactCheckOptions options, long userId, long? claimId, string kind, string title, string body, CancellationToken ct)
    {
        var id = await context.ExecuteScalarAsync<long>(
            """
            INSERT INTO notifications (user_id, claim_id, kind, title, body, created_at)
            VALUES (@userId, @claimId, @kind, @title, @body, @Now)
            RETURNING id
            """,
            new { userId, claimId, kind, title, body, context.Now },
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
