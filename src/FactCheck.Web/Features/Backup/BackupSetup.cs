using FactCheck.Web.Infrastructure;
using Hangfire;

namespace FactCheck.Web.Features.Backup;

public static class BackupSetup
{
    /// The scheduled backup copies the SQLite file; a PostgreSQL desk is backed up with pg_dump or the server's own archiving.
    public static void ScheduleBackupJobs(this IRecurringJobManager jobs, FactCheckOptions options, bool isPostgres = false)
    {
        if (options.Backup.Enabled && !isPostgres)
        {
            jobs.AddOrUpdate<BackupJob>(BackupJob.JobId, j => j.Run(CancellationToken.None), options.Backup.Cron);
        }
        else
        {
            jobs.RemoveIfExists(BackupJob.JobId);
        }
    }
}
