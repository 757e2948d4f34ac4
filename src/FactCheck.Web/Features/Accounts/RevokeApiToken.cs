using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

/// Revokes one token: the caller's own, or anyone's for an admin. Someone else's token is "not found" to a non-admin.
[AllowAnyStaff]
[AllowedBeforePasswordChange]
public sealed record RevokeApiToken(long TokenId) : ICommand<ApiTokenInfo>;

public sealed class RevokeApiTokenHandler : ICommandHandler<RevokeApiToken, ApiTokenInfo>
{
    public async ValueTask<ApiTokenInfo> Handle(RevokeApiToken command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var token = await context.QuerySingleOrDefaultAsync<ApiTokenInfo>(
            $"{ApiTokenSql.Columns} WHERE t.id = @TokenId AND (t.user_id = @UserId OR @Admin = 1)",
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
