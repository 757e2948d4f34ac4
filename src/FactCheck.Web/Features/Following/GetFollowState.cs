using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Following;

/// Whether the caller follows the claim, and why (chose, assigned, commented, recorded, assignee), or null.
[AllowAnyStaff]
public sealed record GetFollowState(long ClaimId) : IQuery<FollowState>;

public sealed class GetFollowStateHandler(Db db, CurrentActor current) : IQueryHandler<GetFollowState, FollowState>
{
    public async ValueTask<FollowState> Handle(GetFollowState query, CancellationToken cancellationToken)
    {
        var me = current.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to follow claims.");
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<FollowState>(new CommandDefinition(FollowClaimHandler.StateSql, new { me, query.ClaimId }, cancellationToken: cancellationToken))
            ?? throw new NotFoundException($"Claim {query.ClaimId} does not exist.");
    }
}
