using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Notifications;

/// The work notifications a daily digest recalls: each person's still unread ones since their last digest
/// (at most a day back), newest first, for people who want a digest and have not had today's.
public static class DigestNotices
{
    public const int MaxListed = 20;

    public static async Task<ILookup<long, DigestNotice>> UnreadAsync(CommandContext context, DateOnly today, CancellationToken ct) =>
        (await context.QueryAsync<DigestNotice>(
            """
            SELECT n.user_id AS UserId, n.kind AS Kind, n.title AS Title, n.claim_id AS ClaimId, n.message AS Message
            FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE n.event_key IS NOT NULL AND n.read_at IS NULL AND u.is_active = 1 AND u.daily_digest = 1
              AND n.created_at > coalesce((SELECT max(d.at) FROM digests d WHERE d.user_id = u.id), @DayBefore)
              AND n.created_at > @DayBefore
              AND NOT EXISTS (SELECT 1 FROM digests d WHERE d.user_id = u.id AND d.local_date = @today)
            ORDER BY n.id DESC
            """,
            new { DayBefore = context.Now.AddDays(-1), today },
            ct)).ToLookup(n => n.UserId);
}

public sealed record DigestNotice
{
    public long UserId { get; init; }

    public string Kind { get; init; } = "";

    public string Title { get; init; } = "";

    public long? ClaimId { get; init; }

    public string? Message { get; init; }
}
