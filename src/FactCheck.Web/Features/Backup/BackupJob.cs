using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Backup;

/// The scheduled backup (FactCheck:Backup): an online copy into the backup folder, then the oldest beyond Keep
/// deleted. The files themselves are the durable record; running twice only makes one more copy.
public sealed class BackupJob(Db db, IOptions<FactCheckOptions> options, TimeProvider clock, ILogger<BackupJob> logger)
{
    public const string JobId = "database-backup";

    public string Folder => Path.Combine(db.DataFolder, options.Value.Backup.Folder);

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task Run(CancellationToken cancellationToken)
    {
        var result = await DatabaseBackup.WriteScheduledAsync(db, Folder, options.Value.Backup.Keep, clock, cancellationToken);
        logger.LogInformation("Backed up the database to {Path}: {Bytes} bytes in {ElapsedMs:F0} ms", result.Path, result.Bytes, result.Elapsed.TotalMilliseconds);
    }
}
