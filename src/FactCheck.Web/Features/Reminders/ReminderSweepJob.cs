using FactCheck.Web.Infrastructure.Pipeline;
using Hangfire;
using Mediator;

namespace FactCheck.Web.Features.Reminders;

/// Durable state lives in our tables; Hangfire's in-memory storage only drives this idempotent sweep.
public sealed class ReminderSweepJob(IMediator mediator, CurrentActor actor)
{
    public const string JobId = "reminder-sweep";

    /// Sends every reminder that is due, a batch per transaction, then the daily digests. Safe to run twice at
    /// once or after a restart: what was sent is recorded in our tables under unique keys.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task SweepReminders(CancellationToken cancellationToken)
    {
        actor.Actor = Actor.System;
        const int batch = 1000;
        while (await mediator.Send(new SendDueReminders(batch), cancellationToken) == batch)
        {
        }

        await mediator.Send(new SendDailyDigests(), cancellationToken);
    }
}
