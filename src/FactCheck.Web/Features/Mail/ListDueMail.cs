using Dapper;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Mail;

/// The outbox rows whose time has come, oldest due first. Reading them takes no lock; ClaimMail decides who sends.
[SystemOnly]
public sealed record ListDueMail(int BatchSize = 50) : IQuery<IReadOnlyList<long>>;

public sealed class ListDueMailHandler(Db db, TimeProvider clock, IOptions<FactCheckOptions> options) : IQueryHandler<ListDueMail, IReadOnlyList<long>>
{
    public async ValueTask<IReadOnlyList<long>> Handle(ListDueMail query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT id FROM mail_outbox
            WHERE sent_at IS NULL AND next_attempt_at <= @Now AND attempts < @MaxAttempts
            ORDER BY next_attempt_at, id
            LIMIT @BatchSize
            """,
            new { Now = clock.GetUtcNow(), options.Value.Smtp.MaxAttempts, query.BatchSize },
            cancellationToken: cancellationToken));
        return ids.ToList();
    }
}
