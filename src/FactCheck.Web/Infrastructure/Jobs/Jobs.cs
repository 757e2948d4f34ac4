using FactCheck.Web.Features.Maintenance;
using FactCheck.Web.Infrastructure.Pipeline;
using Hangfire;
using Hangfire.Dashboard;
using Mediator;

namespace FactCheck.Web.Infrastructure.Jobs;

/// Hangfire job methods: each sends one command as the system. Durable state lives in our tables;
/// Hangfire's in-memory storage only drives idempotent sweeps.
public sealed class SystemJobs(IMediator mediator, CurrentActor actor)
{
    public const string MaintenanceJobId = "database-maintenance";
    public const string SearchStatisticsJobId = "search-statistics";

    [AutomaticRetry(Attempts = 3)]
    public async Task MaintainDatabase(CancellationToken cancellationToken)
    {
        actor.Actor = Actor.System;
        await mediator.Send(new MaintainDatabase(), cancellationToken);
    }

    [AutomaticRetry(Attempts = 3)]
    public async Task RefreshSearchStatistics(CancellationToken cancellationToken)
    {
        actor.Actor = Actor.System;
        await mediator.Send(new Features.Claims.RefreshSearchStatistics(), cancellationToken);
    }
}

/// The dashboard at /jobs is for admins only. The endpoint also requires the admin policy; this filter keeps
/// Hangfire from falling back to its "local requests only" rule, which a reverse proxy on the same host would pass.
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Admin);
}
