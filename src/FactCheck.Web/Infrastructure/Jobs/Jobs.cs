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
    public const string ReminderSweepJobId = "reminder-sweep";
    public const string MailDeliveryJobId = "mail-delivery";

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

    /// Sends every reminder that is due, a batch per transaction, then the daily digests. Safe to run twice at
    /// once or after a restart: what was sent is recorded in our tables under unique keys.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task SweepReminders(CancellationToken cancellationToken)
    {
        actor.Actor = Actor.System;
        const int batch = 1000;
        while (await mediator.Send(new Features.Reminders.SendDueReminders(batch), cancellationToken) == batch)
        {
        }

        await mediator.Send(new Features.Reminders.SendDailyDigests(), cancellationToken);
    }

    /// Sends the outbox's due mail, a batch at a time, until a batch comes back short. Every message is claimed
    /// in our tables before it is sent, so two deliveries at once never send the same message.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task DeliverMail(CancellationToken cancellationToken)
    {
        actor.Actor = Actor.System;
        const int batch = 50;
        while ((await mediator.Send(new Features.Mail.DeliverMail(batch), cancellationToken)).Due == batch)
        {
        }
    }
}

/// The dashboard at /jobs is for admins only. The endpoint also requires the admin policy; this filter keeps
/// Hangfire from falling back to its "local requests only" rule, which a reverse proxy on the same host would pass.
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Admin);
}
