using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

/// A personal API token as its owner (and admins) see it: never the token itself, which is shown only once. Active is
/// false once it is revoked, expired, or older than the account's last password change, reset or role change.
public sealed record ApiTokenInfo(long Id, long UserId, string Owner, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, bool Active)
{
    public ApiTokenInfo()
        : this(0, 0, "", "", default, null, default, null, false)
    {
    }
}

internal static class ApiTokenSql
{
    public const string Columns =
        """
        SELECT t.id AS Id, t.user_id AS UserId, u.username AS Owner, t.name AS Name, t.created_at AS CreatedAt, t.last_used_at AS LastUsedAt,
               t.expires_at AS ExpiresAt, t.revoked_at AS RevokedAt,
               (t.revoked_at IS NULL AND t.expires_at > @Now AND u.is_active = 1 AND t.security_stamp IS NOT DISTINCT FROM u.security_stamp) AS Active
        FROM api_tokens t JOIN users u ON u.id = t.user_id
        """;
}
