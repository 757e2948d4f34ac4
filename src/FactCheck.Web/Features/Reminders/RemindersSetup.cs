using FactCheck.Web.Infrastructure;
using Hangfire;

namespace FactCheck.Web.Features.Reminders;

public static class RemindersSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddScoped<ReminderSweepJob>();
        return services;
    }

    public static void MapReminders(this IEndpointRouteBuilder app) => app.MapDeadlineEndpoints();

    public static void ScheduleReminderJobs(this IRecurringJobManager jobs, FactCheckOptions options) =>
        jobs.AddOrUpdate<ReminderSweepJob>(ReminderSweepJob.JobId, j => j.SweepReminders(CancellationToken.None), options.Reminders.SweepCron);
}
