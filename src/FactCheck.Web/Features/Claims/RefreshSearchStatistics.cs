using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Copies the document frequency of common terms from the full-text index into search_term_stats (migration 0006).
/// Derived data, not a record of the desk's work, so it is not audited. Idempotent; run by a recurring job
/// and at start-up when the cache is empty.
[SystemOnly]
public sealed record RefreshSearchStatistics : IRequest<long>;

public sealed class RefreshSearchStatisticsHandler(Db db, TimeProvider clock) : IRequestHandler<RefreshSearchStatistics, long>
{
    /// Terms in fewer documents than this are cheap to count live, and are left out of the cache.
    public const int CommonTermDocuments = 20;

    public async ValueTask<long> Handle(RefreshSearchStatistics request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM search_term_stats", transaction: transaction, cancellationToken: cancellationToken));
        var terms = await connection.ExecuteAsync(new CommandDefinition(
            db.IsPostgres
                ? "INSERT INTO search_term_stats (term, docs) SELECT word, ndoc FROM ts_stat('SELECT search_vector(title, body) FROM claim_search_terms') WHERE ndoc >= @CommonTermDocuments"
                : "INSERT INTO search_term_stats (term, docs) SELECT term, doc FROM claim_search_vocab WHERE doc >= @CommonTermDocuments",
            new { CommonTermDocuments },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO search_stats_meta (id, refreshed_at, documents) VALUES (1, @now, (SELECT count(*) FROM claims))
            ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at, documents = excluded.documents
            """,
            new { now = clock.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return terms;
    }
}
