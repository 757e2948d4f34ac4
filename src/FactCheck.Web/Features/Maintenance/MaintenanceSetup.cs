using FactCheck.Web.Infrastructure;
using Hangfire;

namespace FactCheck.Web.Features.Maintenance;

public static class MaintenanceSetup
{
    public static IServiceCollection AddMaintenance(this IServiceCollection services) => services.AddScoped<MaintenanceJob>();

    public static void ScheduleMaintenanceJobs(this IRecurringJobManager jobs, FactCheckOptions options) =>
        jobs.AddOrUpdate<MaintenanceJob>(MaintenanceJob.JobId, j => j.MaintainDatabase(CancellationToken.None), options.Jobs.MaintenanceCron);
}
