using Dapper;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Mail;

/// Takes one due message for sending: counts the attempt and leases the row (next_attempt_at moves past the
/// lease) in a short transaction of its own, so a concurrent delivery skips it and the send itself happens with
/// no database lock held. Null when the row was sent, taken by another delivery or is no longer due.
[SystemOnly]
public sealed record ClaimMail(long Id) : ICommand<OutgoingMail?>;

/// A message to send: Attempt counts this try (1 for the first).
public sealed record OutgoingMail(long Id, string ToAddress, string? ToName, string Subject, string Body, long? ClaimId, long Attempt)
{
    public OutgoingMail()
        : this(0, "", null, "", "", null, 0)
    {
    }
}

public sealed class ClaimMailHandler(IOptions<FactCheckOptions> options) : ICommandHandler<ClaimMail, OutgoingMail?>
{
    /// Longer than a send can take (MailKit's own timeout bounds each step), so a lease expires only when the
    /// delivery that took it died; the message is then tried again (at-least-once).
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public async ValueTask<OutgoingMail?> Handle(ClaimMail command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var claimed = await context.QuerySingleOrDefaultAsync<long?>(
            """
            UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = @LeaseUntil
            WHERE id = @Id AND sent_at IS NULL AND next_attempt_at <= @Now AND attempts < @MaxAttempts
            RETURNING attempts
            """,
            new { command.Id, context.Now, LeaseUntil = context.Now + Lease, options.Value.Smtp.MaxAttempts },
            cancellationToken);
        if (claimed is null)
        {
            return null;
        }

        context.Audit("mail", command.Id, null, new { Attempt = claimed, LeaseUntil = context.Now + Lease });
        return await context.QuerySingleOrDefaultAsync<OutgoingMail>(
            """
            SELECT m.id AS Id, m.to_address AS ToAddress, m.to_name AS ToName, m.subject AS Subject, m.body AS Body,
                   n.claim_id AS ClaimId, m.attempts AS Attempt
            FROM mail_outbox m LEFT JOIN notifications n ON n.id = m.notification_id
            WHERE m.id = @Id
            """,
            new { command.Id },
            cancellationToken);
    }
}
