using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Mail;

/// What happened to a claimed message: sent, or failed with the server's error. A failure waits 30 s × 2^(n-1)
/// after the n-th attempt (capped at an hour) before the next; after FactCheck:Smtp:MaxAttempts the row stays
/// unsent with its last error, for an admin to see. Returns whether the row changed (false if it was sent already).
[SystemOnly]
public sealed record RecordMailAttempt : ICommand<bool>, IValidatableObject
{
    public long Id { get; init; }

    public bool Sent { get; init; }

    [MaxLength(2000)]
    public string? Error { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Sent && string.IsNullOrWhiteSpace(Error))
        {
            yield return new ValidationResult("Say why the message could not be sent.", [nameof(Error)]);
        }
    }
}

public sealed class RecordMailAttemptHandler(IOptions<FactCheckOptions> options, ILogger<RecordMailAttemptHandler> logger)
    : ICommandHandler<RecordMailAttempt, bool>
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    /// How long to wait after the given number of failed attempts.
    public static TimeSpan Backoff(long attempts)
    {
        var wait = FirstRetry * (1 << (int)Math.Clamp(attempts - 1, 0, 7));
        return wait < LongestRetry ? wait : LongestRetry;
    }

    public async ValueTask<bool> Handle(RecordMailAttempt command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        if (command.Sent)
        {
            var sent = await context.ExecuteAsync(
                "UPDATE mail_outbox SET sent_at = @Now, last_error = NULL WHERE id = @Id AND sent_at IS NULL",
                new { command.Id, context.Now },
                cancellationToken);
            if (sent > 0)
            {
                context.Audit("mail", command.Id, null, new { Sent = true });
            }

            return sent > 0;
        }

        var attempts = await context.QuerySingleOrDefaultAsync<long?>(
            "SELECT attempts FROM mail_outbox WHERE id = @Id AND sent_at IS NULL", new { command.Id }, cancellationToken);
        if (attempts is null)
        {
            return false;
        }

        var retryAt = context.Now + Backoff(attempts.Value);
        await context.ExecuteAsync(
            "UPDATE mail_outbox SET last_error = @Error, next_attempt_at = @retryAt WHERE id = @Id",
            new { command.Id, command.Error, retryAt },
            cancellationToken);
        var gaveUp = attempts >= options.Value.Smtp.MaxAttempts;
        if (gaveUp)
        {
            logger.LogWarning("Mail {MailId} not sent after {Attempts} attempts; giving up: {Error}", command.Id, attempts, command.Error);
        }

        context.Audit("mail", command.Id, null, new { Sent = false, Attempts = attempts, command.Error, RetryAt = gaveUp ? (DateTimeOffset?)null : retryAt, GaveUp = gaveUp });
        return true;
    }
}
