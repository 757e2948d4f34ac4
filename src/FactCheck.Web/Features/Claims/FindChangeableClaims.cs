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
        var states = (await ClaimChangeState.LoadAsync(connection, null, ids, cancellationToken)).Values;
        return states.Where(s => policy.Decide(s, current.Actor, query.Change).Allowed).Select(s => s.ClaimId).ToHashSet();
    }
}
