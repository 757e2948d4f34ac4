using FactCheck.Web.Infrastructure.Pipeline;
using Hangfire;
using Mediator;

namespace FactCheck.Web.Features.Mail;

public sealed class MailDeliveryJob(IMediator mediator, CurrentActor actor)
{
    public const string JobId = "mail-delivery";

    /// Sends the outbox's due mail, a batch at a time, until a batch comes back short. Every message is claimed
    /// in our tables before it is sent, so two deliveries at once never send the same message.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task DeliverMail(CancellationToken cancellationToken)
    {
        actor.Actor = Actor.System;
        const int batch = 50;
        while ((await mediator.Send(new DeliverMail(batch), cancellationToken)).Due == batch)
        {
        }
    }
}
