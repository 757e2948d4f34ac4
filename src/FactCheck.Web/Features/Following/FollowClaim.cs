using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Following;

/// Start or stop following a claim: its state changes and comments then reach (or stop reaching) your inbox.
[AllowAnyStaff]
public sealed record FollowClaim(long ClaimId, bool Follow) : ICommand<FollowState>, Claims.IChangesClaims
{
    public IEnumerable<Claims.ClaimTouch> ClaimsTouched() => [new(ClaimId, Claims.ClaimChange.Discussion)];
}

public sealed record FollowState
{
    public long ClaimId { get; init; }

    public bool Following { get; init; }

    public string? Reason { get; init; }
}

public sealed class FollowClaimHandler : ICommandHandler<FollowClaim, FollowState>
{
    internal const string StateSql =
        """
        SELECT c.id AS ClaimId,
               CASE WHEN f.following IS NOT NULL THEN f.following
                    WHEN c.created_by = @me OR c.assignee_id = @me THEN 1 ELSE 0 END AS Following,
               CASE WHEN f.following = 1 THEN f.reason
                    WHEN f.following = 0 THEN NULL
                    WHEN c.assignee_id = @me THEN 'assignee'
                    WHEN c.created_by = @me THEN 'recorded' END AS Reason
        FROM claims c LEFT JOIN claim_follows f ON f.claim_id = c.id AND f.user_id = @me
        WHERE c.id = @ClaimId
        """;

    public async ValueTask<FollowState> Handle(FollowClaim command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var me = context.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to follow claims.");
        var before = await context.QuerySingleOrDefaultAsync<FollowState>(StateSql, new { me, command.ClaimId }, cancellationToken)
            ?? throw new NotFoundException($"Claim {command.ClaimId} does not exist.");
        if (before.Following == command.Follow)
        {
            return before;
        }

        await context.ExecuteAsync(
            """
            INSERT INTO claim_follows (claim_id, user_id, following, reason, at) VALUES (@ClaimId, @me, @Follow, 'chose', @Now)
            ON CONFLICT (claim_id, user_id) DO UPDATE SET following = excluded.following, reason = 'chose', at = excluded.at
            """,
            new { command.ClaimId, me, command.Follow, context.Now },
            cancellationToken);
        context.Audit("claim_follow", $"{command.ClaimId}:{me}", new { before.Following }, new { Following = command.Follow });
        return new FollowState { ClaimId = command.ClaimId, Following = command.Follow, Reason = command.Follow ? "chose" : null };
    }
}
