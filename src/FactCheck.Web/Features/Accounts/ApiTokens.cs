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

/// The caller's own tokens (GET /api/tokens), or with All every staff member's (admins only), newest first.
[AllowAnyStaff]
[AllowedBeforePasswordChange]
public sealed record ListApiTokens(bool All = false) : IQuery<IReadOnlyList<ApiTokenInfo>>;

/// Revokes one token: the caller's own, or anyone's for an admin. Someone else's token is "not found" to a non-admin.
[AllowAnyStaff]
[AllowedBeforePasswordChange]
public sealed record RevokeApiToken(long TokenId) : ICommand<ApiTokenInfo>;

public sealed class ApiTokensHandler(Db db, CurrentActor current, TimeProvider clock)
    : IQueryHandler<ListApiTokens, IReadOnlyList<ApiTokenInfo>>, ICommandHandler<RevokeApiToken, ApiTokenInfo>
{
    private const string Columns =
        """
        SELECT t.id AS Id, t.user_id AS UserId, u.username AS Owner, t.name AS Name, t.created_at AS CreatedAt, t.last_used_at AS LastUsedAt,
               t.expires_at AS ExpiresAt, t.revoked_at AS RevokedAt,
               (t.revoked_at IS NULL AND t.expires_at > @Now AND u.is_active = 1 AND t.security_stamp IS u.security_stamp) AS Active
        FROM api_tokens t JOIN users u ON u.id = t.user_id
        """;

    public async ValueTask<IReadOnlyList<ApiTokenInfo>> Handle(ListApiTokens query, CancellationToken cancellationToken)
    {
        if (query.All && !current.Actor.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("Only an admin sees every staff member's API tokens.");
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiTokenInfo>(new CommandDefinition(
            $"{Columns} WHERE @All OR t.user_id = @UserId ORDER BY t.id DESC LIMIT 1000",
            new { query.All, current.Actor.UserId, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async ValueTask<ApiTokenInfo> Handle(RevokeApiToken command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var token = await context.QuerySingleOrDefaultAsync<ApiTokenInfo>(
            $"{Columns} WHERE t.id = @TokenId AND (t.user_id = @UserId OR @Admin)",
            new { command.TokenId, context.Actor.UserId, Admin = context.Actor.IsInRole(Roles.Admin), context.Now },
            cancellationToken) ?? throw new NotFoundException($"You have no API token {command.TokenId}.");
        if (token.RevokedAt is not null)
        {
            return token;
        }

        await context.ExecuteAsync("UPDATE api_tokens SET revoked_at = @Now WHERE id = @TokenId", new { context.Now, command.TokenId }, cancellationToken);
        context.Audit("api_token", command.TokenId, new { token.UserId, token.Name }, new { token.UserId, token.Name, RevokedAt = context.Now }, "RevokeApiToken");
        return token with { RevokedAt = context.Now, Active = false };
    }
}
