using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;

namespace FactCheck.Web.Features.Backup;

/// `dotnet run --project src/FactCheck.Web -- backup <file>` and `-- restore <file>`: the same configuration as the
/// app (appsettings, environment, `--ConnectionStrings:FactCheck=...`), no web server. Backup is safe while the app
/// serves traffic; restore expects the app stopped.
public static class BackupCommandLine
{
    public static bool Handles(string[] args) => args is ["backup" or "restore", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [var verb, var file, ..] || file.StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"Usage: dotnet run --project src/FactCheck.Web -- {args[0]} <file>");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(args[2..]);
        await using var db = ServiceSetup.CreateDb(builder.Configuration, builder.Environment);
        if (db.IsPostgres)
        {
            // A PostgreSQL desk is backed up with PostgreSQL's own tools, which also restore to a point in time.
            await error.WriteLineAsync($"{verb} works on the SQLite database; on PostgreSQL use pg_dump / pg_restore (see src/FactCheck.Web/README.md).");
            return 2;
        }

        try
        {
            if (verb == "backup")
            {
                var result = await DatabaseBackup.WriteAsync(db, file);
                await output.WriteLineAsync($"Backed up {Path.GetFullPath(db.DataSource)} to {result.Path}: {result.Bytes:N0} bytes in {result.Elapsed.TotalSeconds:F1} s, integrity ok.");
            }
            else
            {
                var kept = await DatabaseBackup.RestoreAsync(db, file, TimeProvider.System);
                await output.WriteLineAsync($"Restored {Path.GetFullPath(file)} into {Path.GetFullPath(db.DataSource)}."
                    + (kept.Length > 0 ? $" The database it replaced is kept as {kept}." : ""));
            }

            return 0;
        }
        catch (BackupException ex)
        {
            await error.WriteLineAsync($"{verb} refused: {ex.Message}");
            return 1;
        }
    }
}
