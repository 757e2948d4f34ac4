using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Which of the listed claims the caller may link to, merge with or add appearances to (ClaimChangePolicy), so forms
/// offer those controls only where the pipeline will let them through. At most 1,000 claims per question.
[AllowAnyStaff]
public sealed record FindChangeableClaims(IReadOnlyList<long> ClaimIds, ClaimChange Change) : IQuery<IReadOnlySet<long>>;

public sealed class FindChangeableClaimsHandler(Db db, CurrentActor current, ClaimChangePolicy policy) : IQueryHandler<FindChangeableClaims, IReadOnlySet<long>>
{
    public async ValueTask<IReadOnlySet<long>> Handle(FindChangeableClaims query, CancellationToken cancellationToken)
    {
        var ids = query.ClaimIds.Distinct().Take(1000).ToList();
        if (ids.Count == 0)
        {
            return new HashSet<long>();
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        // The columns the policy reads; the verdict and vote details of ReviewState do not matter to it.
        var states = await connection.QueryAsync<ReviewState>(new CommandDefinition(
            """
            SELECT c.id AS ClaimId, c.status AS Status, c.version AS Version, c.kind AS Kind, c.assignee_id AS AssigneeId,
                   u.display_name AS AssigneeName, c.assigned_by AS AssignedBy, c.published_verdict_id AS PublishedVerdictId, c.created_by AS CreatedBy
            FROM claims c LEFT JOIN users u ON u.id = c.assignee_id
            WHERE c.id IN @ids
            """,
            new { ids },
            cancellationToken: cancellationToken));
        return states.Where(s => policy.Decide(s, current.Actor, query.Change).Allowed).Select(s => s.ClaimId).ToHashSet();
    }
}
