using System.Diagnostics;
using System.Globalization;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using Microsoft.Data.Sqlite;

namespace FactCheck.Web.Features.Backup;

/// A refused backup or restore, with a message for the operator.
public sealed class BackupException(string message) : Exception(message);

public sealed record BackupResult(string Path, long Bytes, TimeSpan Elapsed);

/// Online backups of the SQLite database, and restoring one.
/// A backup is SQLite's VACUUM INTO: it copies one consistent snapshot (a single read transaction, so a command
/// committed half-way through is either wholly in the copy or not at all) while the app goes on serving and writing
/// (the database is in WAL mode, so readers and the writer do not block each other). The copy is written beside its
/// target, checked with PRAGMA integrity_check, and only then renamed into place: a backup file that exists is whole.
public static class DatabaseBackup
{
    public const string ScheduledPrefix = "factcheck-";

    public static async Task<BackupResult> WriteAsync(Db db, string target, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var path = Path.GetFullPath(target);
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new BackupException($"{path} already exists; give a new file name (a backup never overwrites one).");
        }

        if (!File.Exists(Path.GetFullPath(db.DataSource)))
        {
            throw new BackupException($"There is no database at {Path.GetFullPath(db.DataSource)} to back up.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        File.Delete(partial);
        try
        {
            await using (var connection = await db.OpenAsync(cancellationToken))
            {
                await connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @partial", new { partial }, cancellationToken: cancellationToken));
            }

            await CheckAsync(partial, cancellationToken);
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }

        return new BackupResult(path, new FileInfo(path).Length, Stopwatch.GetElapsedTime(started));
    }

    /// Copies a backup over the database through SQLite's backup API, after checking the backup and keeping the
    /// current database beside it as "<name>.before-restore-<UTC time>.db". Stop the app first: pages open at the
    /// time would go on showing what they had cached. Migrations missing from an older backup are applied when the
    /// app next starts.
    public static async Task<string> RestoreAsync(Db db, string backup, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(backup);
        if (!File.Exists(source))
        {
            throw new BackupException($"There is no backup at {source}.");
        }

        await CheckAsync(source, cancellationToken);
        var live = Path.GetFullPath(db.DataSource);
        string? kept = null;
        if (File.Exists(live))
        {
            kept = Path.Combine(
                Path.GetDirectoryName(live)!,
                $"{Path.GetFileNameWithoutExtension(live)}.before-restore-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.db");
            await WriteAsync(db, kept, cancellationToken);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(live)!);
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await from.OpenAsync(cancellationToken);
        await using var to = (SqliteConnection)await db.OpenAsync(cancellationToken);
        from.BackupDatabase(to);
        SqliteConnection.ClearPool(to);
        return kept ?? "";
    }

    /// A scheduled backup into the folder, named by its UTC time, then the oldest beyond `keep` deleted.
    public static async Task<BackupResult> WriteScheduledAsync(Db db, string folder, int keep, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var name = ScheduledPrefix + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".db";
        var result = await WriteAsync(db, Path.Combine(folder, name), cancellationToken);
        foreach (var old in Scheduled(folder).Skip(Math.Max(1, keep)))
        {
            File.Delete(old);
        }

        return result;
    }

    /// The scheduled backups in a folder, newest first (their names sort by time).
    public static IReadOnlyList<string> Scheduled(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, ScheduledPrefix + "*.db").Order(StringComparer.Ordinal).Reverse().ToList()
            : [];

    private static async Task CheckAsync(string file, CancellationToken cancellationToken)
    {
        string result;
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            result = string.Join("; ", await connection.QueryAsync<string>("PRAGMA integrity_check"));
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'claims'") == 0)
            {
                result = "it holds no FactCheck tables";
            }
        }
        catch (SqliteException ex)
        {
            result = ex.Message;
        }

        if (result != "ok")
        {
            throw new BackupException($"{file} is not a sound FactCheck database: {result}");
        }
    }
}
