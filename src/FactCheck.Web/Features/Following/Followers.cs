using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Following;

/// Who follows a claim: whoever chose to, was assigned it or commented on it, plus whoever recorded it and its
/// current assignee, unless they chose to stop. Only active accounts.
public static class Followers
{
    private const string FollowingSql =
        """
        SELECT f.user_id FROM claim_follows f WHERE f.claim_id = @claimId AND f.following = 1
        UNION
        SELECT x.user_id FROM (
            SELECT c.created_by AS user_id FROM claims c WHERE c.id = @claimId AND c.created_by IS NOT NULL
            UNION SELECT c.assignee_id FROM claims c WHERE c.id = @claimId AND c.assignee_id IS NOT NULL) x
        WHERE NOT EXISTS (SELECT 1 FROM claim_follows f WHERE f.claim_id = @claimId AND f.user_id = x.user_id AND f.following = 0)
        """;

    public static readonly string ActiveFollowersSql =
        $"SELECT u.id FROM users u WHERE u.is_active = 1 AND u.id IN ({FollowingSql}) ORDER BY u.id";

    public static async Task<IReadOnlyList<long>> OfAsync(CommandContext context, long claimId, CancellationToken ct) =>
        (await context.QueryAsync<long>(ActiveFollowersSql, new { claimId }, ct)).ToList();

    /// Being given a claim makes you follow it even after you stopped; commenting respects a choice to stop.
    public static async Task AutoFollowAsync(CommandContext context, long claimId, long userId, string reason, CancellationToken ct)
    {
        var sql = reason == "assigned"
            ? """
              INSERT INTO claim_follows (claim_id, user_id, following, reason, at) VALUES (@claimId, @userId, 1, @reason, @Now)
              ON CONFLICT (claim_id, user_id) DO UPDATE SET following = 1, reason = excluded.reason, at = excluded.at WHERE claim_follows.following = 0
              """
            : """
              INSERT INTO claim_follows (claim_id, user_id, following, reason, at) VALUES (@claimId, @userId, 1, @reason, @Now)
              ON CONFLICT (claim_id, user_id) DO NOTHING
              """;
        await context.ExecuteAsync(sql, new { claimId, userId, reason, context.Now }, ct);
    }
}
