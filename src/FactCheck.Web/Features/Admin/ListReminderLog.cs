using System.ComponentModel.DataAnnotations;
using Dapper;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Admin;

/// What the reminder sweep did, newest first, filtered by step and claim, with the state of the mail outbox:
/// the admin's answer to "did checker get told?" and "is mail going out?".
[AllowRoles(Roles.Admin)]
public sealed record ListReminderLog : IQuery<ReminderLog>, IValidatableObject
{
    public static readonly IReadOnlyList<string> Steps = ["due-soon", "overdue", "escalation", "waiting-for-review"];

    public string? Step { get; init; }

    [Range(1, long.MaxValue, ErrorMessage = "A claim id is a positive number.")]
    public long? ClaimId { get; init; }

    [Range(1, 10_000)]
    public int Page { get; init; } = 1;

    [Range(1, 200)]
    public int PageSize { get; init; } = 25;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Step is not null && !Steps.Contains(Step))
        {
            yield return new ValidationResult($"Step is one of: {string.Join(", ", Steps)}.", [nameof(Step)]);
        }
    }
}

public sealed record ReminderLog(IReadOnlyList<ReminderLogRow> Items, long Total, int Page, int PageSize, OutboxState Outbox);

public sealed record ReminderLogRow
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public long ClaimId { get; init; }

    public string ClaimTitle { get; init; } = "";

    public string Step { get; init; } = "";

    public string Recipient { get; init; } = "";

    public string Outcome { get; init; } = "";
}

/// Pending: not sent and still being tried. Failed: gave up after FactCheck:Smtp:MaxAttempts.
/// Problems: unsent mail whose last attempt failed, retrying or given up, newest first.
public sealed record OutboxState(long Pending, long Sent, long Failed, int MaxAttempts, bool MailConfigured, IReadOnlyList<OutboxProblem> Problems);

public sealed record OutboxProblem
{
    public long Id { get; init; }

    public string ToAddress { get; init; } = "";

    public string Subject { get; init; } = "";

    public long Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public string LastError { get; init; } = "";
}

public sealed class ListReminderLogHandler(Db db, IOptions<FactCheckOptions> options) : IQueryHandler<ListReminderLog, ReminderLog>
{
    private const string Filter = "(@Step IS NULL OR r.step = @Step) AND (@ClaimId IS NULL OR r.claim_id = @ClaimId)";

    public async ValueTask<ReminderLog> Handle(ListReminderLog query, CancellationToken cancellationToken)
    {
        var maxAttempts = options.Value.Smtp.MaxAttempts;
        var filter = new { query.Step, query.ClaimId, Offset = (query.Page - 1) * query.PageSize, Limit = query.PageSize };
        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM reminders r WHERE {Filter}", filter, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<ReminderLogRow>(new CommandDefinition(
            $"""
            SELECT r.id AS Id, r.at AS At, r.claim_id AS ClaimId, c.title AS ClaimTitle, r.step AS Step,
                   u.display_name AS Recipient, r.outcome AS Outcome
            FROM reminders r
            JOIN claims c ON c.id = r.claim_id
            JOIN users u ON u.id = r.recipient_id
            WHERE {Filter}
            ORDER BY r.at DESC, r.id DESC
            LIMIT @Limit OFFSET @Offset
            """,
            filter,
            cancellationToken: cancellationToken));
        var counts = await connection.QuerySingleAsync<OutboxCounts>(new CommandDefinition(
            """
            SELECT count(*) FILTER (WHERE sent_at IS NULL AND attempts < @maxAttempts) AS Pending,
                   count(*) FILTER (WHERE sent_at IS NOT NULL) AS Sent,
                   count(*) FILTER (WHERE sent_at IS NULL AND attempts >= @maxAttempts) AS Failed
            FROM mail_outbox
            """,
            new { maxAttempts },
            cancellationToken: cancellationToken));
        var problems = await connection.QueryAsync<OutboxProblem>(new CommandDefinition(
            """
            SELECT id AS Id, to_address AS ToAddress, subject AS Subject, attempts AS Attempts,
                   next_attempt_at AS NextAttemptAt, last_error AS LastError
            FROM mail_outbox
            WHERE sent_at IS NULL AND last_error IS NOT NULL
            ORDER BY id DESC
            LIMIT 50
            """,
            cancellationToken: cancellationToken));
        return new ReminderLog(
            items.ToList(),
            total,
            query.Page,
            query.PageSize,
            new OutboxState(counts.Pending, counts.Sent, counts.Failed, maxAttempts, options.Value.Smtp.Enabled, problems.ToList()));
    }

    private sealed record OutboxCounts
    {
        public long Pending { get; init; }

        public long Sent { get; init; }

        public long Failed { get; init; }
    }
}
