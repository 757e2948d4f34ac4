using FactCheck.Web.Infrastructure.Pipeline;
using Hangfire;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Keeps the similar-claims search's word statistics current (FactCheck:Jobs:SearchStatisticsCron).
public sealed class SearchStatisticsJob(IMediator mediator, CurrentActor actor)
{
    public const string JobId = "search-statistics";

    [AutomaticRetry(Attempts = 3)]
    public async Task RefreshSearchStatistics(CancellationToken cancellationToken)
    {
        actor.Actor = Actor.System;
        await mediator.Send(new RefreshSearchStatistics(), cancellationToken);
    }
}
