using FactCheck.Web.Infrastructure.Pipeline;
using Hangfire;
using Mediator;

namespace FactCheck.Web.Features.Maintenance;

/// The nightly database upkeep (FactCheck:Jobs:MaintenanceCron), sent as the system.
public sealed class MaintenanceJob(IMediator mediator, CurrentActor actor)
{
    public const string JobId = "database-maintenance";

    [AutomaticRetry(Attempts = 3)]
    public async Task MaintainDatabase(CancellationToken cancellationToken)
    {
        actor.Actor = Actor.System;
        await mediator.Send(new MaintainDatabase(), cancellationToken);
    }
}
