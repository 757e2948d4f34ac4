using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using MailKit.Net.Smtp;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Mail;

/// Sends one batch of due outbox mail over SMTP. Not a command: the network I/O must happen outside any database
/// transaction (a transaction would hold SQLite's write lock for as long as the mail server takes). Each message
/// is claimed in a tiny transaction of its own (ClaimMail), sent, then its outcome recorded (RecordMailAttempt).
/// The guarantee is at-least-once: a crash after the server accepted a message and before its outcome was
/// recorded sends that one message again once its lease runs out; nothing else is ever sent twice.
[SystemOnly]
public sealed record DeliverMail(int BatchSize = 50) : IRequest<MailDelivery>;

/// Due: rows found due; Sent and Failed: what happened to those this delivery claimed.
public sealed record MailDelivery(int Due, int Sent, int Failed);

public sealed class DeliverMailHandler(IMediator mediator, IOptions<FactCheckOptions> options, ILogger<DeliverMailHandler> logger)
    : IRequestHandler<DeliverMail, MailDelivery>
{
    public async ValueTask<MailDelivery> Handle(DeliverMail request, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (!smtp.Enabled)
        {
            return new MailDelivery(0, 0, 0);
        }

        var due = await mediator.Send(new ListDueMail(request.BatchSize), cancellationToken);
        int sent = 0, failed = 0;
        SmtpClient? client = null;
        string? serverDown = null;
        try
        {
            foreach (var id in due)
            {
                var mail = await mediator.Send(new ClaimMail(id), cancellationToken);
                if (mail is null)
                {
                    continue;
                }

                // One failed connection fails the rest of the batch without trying again: a dead server would
                // otherwise cost a connect timeout per message.
                var error = serverDown;
                if (error is null)
                {
                    try
                    {
                        client ??= await SmtpPost.ConnectAsync(smtp, cancellationToken);
                    }
                    catch (Exception ex) when (IsDeliveryFailure(ex, cancellationToken))
                    {
                        error = serverDown = ex is SmtpNotEncryptedException ? ex.Message : $"Cannot reach {smtp.Host}:{smtp.Port}: {ex.Message}";
                    }
                }

                if (error is null)
                {
                    try
                    {
                        await client!.SendAsync(SmtpPost.Compose(smtp, mail, options.Value.PublicUrl), cancellationToken);
                    }
                    catch (Exception ex) when (IsDeliveryFailure(ex, cancellationToken))
                    {
                        error = ex.Message;
                        if (!client!.IsConnected)
                        {
                            client.Dispose();
                            client = null;
                        }
                    }
                }

                if (error is not null)
                {
                    logger.LogWarning("Mail {MailId} to {Address}, attempt {Attempt}, failed: {Error}", mail.Id, mail.ToAddress, mail.Attempt, error);
                }

                // Recorded even when the job is being stopped: the server has already answered.
                await mediator.Send(new RecordMailAttempt { Id = mail.Id, Sent = error is null, Error = Shorten(error) }, CancellationToken.None);
                if (error is null)
                {
                    sent++;
                }
                else
                {
                    failed++;
                }
            }
        }
        finally
        {
            if (client is not null)
            {
                await Quit(client);
            }
        }

        return new MailDelivery(due.Count, sent, failed);
    }

    private static bool IsDeliveryFailure(Exception ex, CancellationToken ct) =>
        ex is not OutOfMemoryException && !(ex is OperationCanceledException && ct.IsCancellationRequested);

    private static string? Shorten(string? error) => error is { Length: > 1000 } ? error[..1000] : error;

    private async Task Quit(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Every message is already recorded; a QUIT that fails changes nothing.
            logger.LogDebug(ex, "SMTP disconnect failed");
        }
        finally
        {
            client.Dispose();
        }
    }
}
