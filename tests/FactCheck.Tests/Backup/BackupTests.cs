using Dapper;
using FactCheck.Web.Features.Backup;
using FactCheck.Web.Features.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Backup;

/// Online backups (`-- backup <file>` and the scheduled job) and restoring one: a backup taken while the app writes
/// holds whole commands only, a backup never overwrites, and a restore brings the database back to the copy.
public sealed class BackupTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose()
    {
        app.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private string FileIn(string name) => Path.Combine(app.Folder, "out", name);

    private static async Task<T> ScalarInAsync<T>(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private async Task<long> SubmitAsync(string title)
    {
        var checker = await app.ActorAsync("checker");
        return (await app.SendAsync(
            new SubmitClaim
            {
                Title = title, Text = $"{title} ({Guid.NewGuid():N})", Language = "id",
                ClaimantName = "Backup Test Ministry", ClaimantKind = "government", Kind = "statement",
            },
            checker)).Id;
    }

    [Fact]
    public async Task A_backup_taken_while_claims_are_written_holds_whole_commands_and_passes_the_integrity_check()
    {
        var before = await app.ScalarAsync<long>("SELECT count(*) FROM claims");
        using var stop = new CancellationTokenSource();
        var written = 0;
        var firstWrite = new TaskCompletionSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await SubmitAsync($"Written during a backup {written}");
                Interlocked.Increment(ref written);
                firstWrite.TrySetResult();
            }
        });
        await firstWrite.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var result = await DatabaseBackup.WriteAsync(app.Db, FileIn("during-writes.db"));
        await stop.CancelAsync();
        await writer;

        var inCopy = await ScalarInAsync<long>(result.Path, "SELECT count(*) FROM claims");
        var after = await app.ScalarAsync<long>("SELECT count(*) FROM claims");
        Assert.InRange(inCopy, before + 1, after);
        Assert.True(after > inCopy, "the writer went on after the copy");
        Assert.Equal("ok", await ScalarInAsync<string>(result.Path, "PRAGMA integrity_check"));
        // Every claim in the copy came with its audit row: no command is half in it.
        Assert.Equal(0, await ScalarInAsync<long>(
            result.Path,
            "SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'claim' AND a.entity_id = CAST(c.id AS TEXT))"));
        Assert.Equal(new FileInfo(result.Path).Length, result.Bytes);
        Assert.False(File.Exists(result.Path + ".partial"));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_and_leaves_nothing_behind_when_refused()
    {
        var target = FileIn("taken.db");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllTextAsync(target, "someone else's file");

        var refused = await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.WriteAsync(app.Db, target));

        Assert.Contains("already exists", refused.Message, StringComparison.Ordinal);
        Assert.Equal("someone else's file", await File.ReadAllTextAsync(target));
        Assert.Equal([target], Directory.GetFiles(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public async Task A_restore_brings_back_the_copy_and_keeps_the_database_it_replaced()
    {
        var kept = await SubmitAsync("In the backup");
        var backup = await DatabaseBackup.WriteAsync(app.Db, FileIn("before-change.db"));
        var lost = await SubmitAsync("Written after the backup");

        var replaced = await DatabaseBackup.RestoreAsync(app.Db, backup.Path, app.Clock);

        Assert.Equal(1, await app.ScalarAsync<long>("SELECT count(*) FROM claims WHERE id = @kept", new { kept }));
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM claims WHERE id = @lost", new { lost }));
        Assert.Equal("ok", await app.IntegrityCheckAsync());
        Assert.Equal(1, await ScalarInAsync<long>(replaced, $"SELECT count(*) FROM claims WHERE id = {lost}"));
        // The app goes on writing to the restored database.
        Assert.True(await SubmitAsync("Written after the restore") > 0);
    }

    [Fact]
    public async Task A_file_that_is_not_a_sound_factcheck_database_is_refused_before_anything_is_replaced()
    {
        var junk = FileIn("junk.db");
        Directory.CreateDirectory(Path.GetDirectoryName(junk)!);
        await File.WriteAllBytesAsync(junk, new byte[8192]);
        var claims = await app.ScalarAsync<long>("SELECT count(*) FROM claims");

        var refused = await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.RestoreAsync(app.Db, junk, app.Clock));

        Assert.Contains("not a sound FactCheck database", refused.Message, StringComparison.Ordinal);
        Assert.Equal(claims, await app.ScalarAsync<long>("SELECT count(*) FROM claims"));
        Assert.Empty(Directory.GetFiles(app.Folder, "*before-restore*"));
    }

    [Fact]
    public async Task The_scheduled_job_writes_into_the_backup_folder_and_keeps_only_the_newest()
    {
        using var keeping2 = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:Backup:Keep"] = "2" }).Start();
        await using var scope = keeping2.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<BackupJob>(scope.ServiceProvider);
        var written = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await job.Run(CancellationToken.None);
            written.Add(DatabaseBackup.Scheduled(job.Folder)[0]);
            keeping2.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(Path.Combine(keeping2.Folder, "backups"), job.Folder);
        Assert.Equal(written.TakeLast(2).Reverse(), DatabaseBackup.Scheduled(job.Folder));
        Assert.Equal(3, written.Distinct().Count());
    }

    [Fact]
    public async Task The_command_line_backs_up_the_configured_database_and_says_why_it_refuses()
    {
        var target = FileIn("from-the-command-line.db");
        var connection = $"--ConnectionStrings:FactCheck=Data Source={app.DatabasePath}";
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.True(BackupCommandLine.Handles(["backup", target]));
        Assert.Equal(0, await BackupCommandLine.RunAsync(["backup", target, connection], output, error));
        Assert.Contains("integrity ok", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            await app.ScalarAsync<long>("SELECT count(*) FROM claims"),
            await ScalarInAsync<long>(target, "SELECT count(*) FROM claims"));

        Assert.Equal(1, await BackupCommandLine.RunAsync(["backup", target, connection], output, error));
        Assert.Contains("already exists", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await BackupCommandLine.RunAsync(["backup"], output, error));
        Assert.Contains("Usage", error.ToString(), StringComparison.Ordinal);
        Assert.False(BackupCommandLine.Handles(["--urls", "http://127.0.0.1:5080"]));

        var after = await SubmitAsync("Written after the command-line backup");
        Assert.Equal(0, await BackupCommandLine.RunAsync(["restore", target, connection], output, error));
        Assert.Contains("Restored", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM claims WHERE id = @after", new { after }));
    }
}
