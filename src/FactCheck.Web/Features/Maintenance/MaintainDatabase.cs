using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Maintenance;

/// Nightly upkeep: fold the WAL back into the database file and let SQLite refresh its query-planner statistics.
/// It changes no records, so it runs outside a command transaction (a checkpoint cannot run inside one).
[SystemOnly]
public sealed record MaintainDatabase : IRequest<MaintenanceReport>;

/// WalBytes is the write-ahead log's size after the checkpoint: 0 unless a reader kept it from being emptied.
public sealed record MaintenanceReport(long WalBytes, bool CheckpointBusy);

public sealed class MaintainDatabaseHandler(Db db) : IRequestHandler<MaintainDatabase, MaintenanceReport>
{
    public async ValueTask<MaintenanceReport> Handle(MaintainDatabase request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (db.IsPostgres)
        {
            // PostgreSQL's autovacuum keeps statistics and its own log; a fresh ANALYZE after a busy day does no harm.
            await connection.ExecuteAsync(new CommandDefinition("ANALYZE", cancellationToken: cancellationToken));
            return new MaintenanceReport(0, false);
        }

        // optimize may write fresh statistics, so it runs before the checkpoint that empties the WAL.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA optimize", cancellationToken: cancellationToken));
        var (busy, _, _) = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>(
            new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
        var walBytes = File.Exists(db.DataSource + "-wal") ? new FileInfo(db.DataSource + "-wal").Length : 0;
        return new MaintenanceReport(walBytes, busy != 0);
    }
}
