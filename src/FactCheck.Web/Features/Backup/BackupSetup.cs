using FactCheck.Web.Infrastructure;
using Hangfire;

namespace FactCheck.Web.Features.Backup;

public static class BackupSetup
{
    public static void ScheduleBackupJobs(this IRecurringJobManager jobs, FactCheckOptions options)
    {
        if (options.Backup.Enabled)
        {
            jobs.AddOrUpdate<BackupJob>(BackupJob.JobId, j => j.Run(CancellationToken.None), options.Backup.Cron);
        }
        else
        {
            jobs.RemoveIfExists(BackupJob.JobId);
        }
    }
}
