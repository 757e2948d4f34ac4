using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Maintenance;

/// Nightly upkeep: fold the WAL back into the database file and let SQLite refresh its query-planner statistics.
/// It changes no records, so it runs outside a command transaction (a checkpoint cannot run inside one).
[SystemOnly]
public sealed record MaintainDatabase : IRequest<MaintenanceReport>;

public sealed record MaintenanceReport(long WalPagesCheckpointed, bool CheckpointBusy);

public sealed class MaintainDatabaseHandler(Db db) : IRequestHandler<MaintainDatabase, MaintenanceReport>
{
    public async ValueTask<MaintenanceReport> Handle(MaintainDatabase request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var checkpoint = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>(
            new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA optimize", cancellationToken: cancellationToken));
        return new MaintenanceReport(checkpoint.Checkpointed, checkpoint.Busy != 0);
    }
}
