namespace FactCheck.Web.Infrastructure.Database;

/// Runs before the server accepts requests: applies migrations and chains audit rows written before the hash chain.
/// What the features do with a fresh database (first accounts, the demo case) runs after it, from FeatureSetup.
public sealed class DatabaseStartup(Db db, ILogger<DatabaseStartup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await db.ConfigureFileAsync(cancellationToken);
        var applied = Migrator.Apply(db, logger);
        if (applied.Count > 0)
        {
            logger.LogInformation("Applied {Count} migration(s): {Scripts}", applied.Count, string.Join(", ", applied));
        }

        if (await AuditChain.ChainOlderRowsAsync(db, cancellationToken) is > 0 and var chained)
        {
            logger.LogInformation("Chained {Count} audit row(s) written before the audit log's hash chain", chained);
        }
    }
}
