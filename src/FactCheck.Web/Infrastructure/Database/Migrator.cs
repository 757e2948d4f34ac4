using System.Reflection;
using DbUp;
using DbUp.Engine.Output;

namespace FactCheck.Web.Infrastructure.Database;

public sealed class MigrationFailedException(string message, Exception? inner) : Exception(message, inner);

/// Applies the numbered scripts from db/migrations (SQLite) or db/postgres (embedded in this assembly) with DbUp.
/// All pending scripts run in one transaction: a failing script leaves the database exactly as it was.
public static class Migrator
{
    public const string ResourcePrefix = "FactCheck.Migrations.";

    /// db/postgres: the same numbered scripts, written for PostgreSQL.
    public const string PostgresResourcePrefix = "FactCheck.PostgresMigrations.";

    public static IReadOnlyList<string> Apply(Db db, ILogger logger) =>
        Apply(db, logger, typeof(Migrator).Assembly, db.IsPostgres ? PostgresResourcePrefix : ResourcePrefix);

    public static IReadOnlyList<string> Apply(Db db, ILogger logger, Assembly assembly, string resourcePrefix)
    {
        var target = db.IsPostgres
            ? DeployChanges.To.PostgresqlDatabase(db.ConnectionString)
            : DeployChanges.To.SqliteDatabase(db.ConnectionString);
        var engine = target
            .WithScriptsEmbeddedInAssembly(assembly, name => name.StartsWith(resourcePrefix, StringComparison.Ordinal))
            .WithTransaction()
            .LogTo(new UpgradeLog(logger))
            .Build();

        var pending = engine.GetScriptsToExecute().Select(s => s.Name).ToList();
        if (pending.Count == 0)
        {
            return pending;
        }

        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            var script = result.ErrorScript?.Name ?? "(unknown script)";
            throw new MigrationFailedException(
                $"Database migration failed in {script}: {result.Error?.Message}. No migration was applied; the database is unchanged.",
                result.Error);
        }

        return pending;
    }

#pragma warning disable CA2254 // DbUp hands over its own format strings.
    private sealed class UpgradeLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
#pragma warning restore CA2254
}
