using FactCheck.Web.Features.Maintenance;
using FactCheck.Web.Infrastructure.Jobs;
using FactCheck.Web.Infrastructure.Pipeline;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Jobs;

public sealed class MaintenanceJobTests
{
    [Fact]
    public async Task Maintenance_checkpoints_the_write_ahead_log()
    {
        using var app = new TestApp().Start();

        // An idle open connection keeps SQLite from deleting the WAL when other tests clear the connection pools.
        await using var keepAlive = await app.Db.OpenAsync();
        await app.SendAsync(new Web.Features.Claims.SubmitClaim
        {
            Title = "Something to write", Text = "Teks", Language = "id", ClaimantName = "Someone", ClaimantKind = "person", Kind = "statement",
        }, await app.ActorAsync("editor"));
        Assert.True(new FileInfo(app.DatabasePath + "-wal").Length > 0);

        var report = await app.RequestAsync(new MaintainDatabase(), Actor.System);

        Assert.False(report.CheckpointBusy, $"report: {report}");
        Assert.Equal(0, report.WalBytes);

        Assert.Equal(0, new FileInfo(app.DatabasePath + "-wal").Length);
    }

    [Fact]
    public async Task The_recurring_maintenance_job_is_registered_and_runs_to_success_on_the_job_server()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:Jobs:Enabled"] = "true" }).Start();
        var storage = app.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == MaintenanceJob.JobId);
            Assert.Equal("17 3 * * *", job.Cron);
        }

        // Told by Hangfire itself when this host's maintenance job ends: other recurring jobs (the reminder sweep runs
        // every few seconds) succeed on the same server meanwhile. A job that throws is scheduled for a retry, so that
        // ends the wait too.
        var ended = new JobEnded(storage, nameof(MaintenanceJob.MaintainDatabase));
        GlobalJobFilters.Filters.Add(ended);
        try
        {
            app.Services.GetRequiredService<IRecurringJobManager>().Trigger(MaintenanceJob.JobId);
            var (jobId, state) = await ended.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var details = storage.GetMonitoringApi().JobDetails(jobId);
            var history = string.Join(" | ", details.History.Select(h => h.StateName + " " + h.Reason + " " + string.Join("; ", h.Data.Select(kv => kv.Key + "=" + kv.Value))));
            Assert.True(state == SucceededState.StateName, "The maintenance job did not succeed: " + history);
        }
        finally
        {
            GlobalJobFilters.Filters.Remove(ended);
        }
    }

    /// Completes when a job of the given method on the given storage reaches a state that ends a run.
    private sealed class JobEnded(JobStorage storage, string method) : IApplyStateFilter
    {
        private static readonly string[] Ends = [SucceededState.StateName, FailedState.StateName, ScheduledState.StateName];

        private readonly TaskCompletionSource<(string JobId, string State)> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<(string JobId, string State)> Task => ended.Task;

        public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
        {
            if (ReferenceEquals(context.Storage, storage) && context.BackgroundJob.Job?.Method.Name == method
                && Ends.Contains(context.NewState.Name))
            {
                ended.TrySetResult((context.BackgroundJob.Id, context.NewState.Name));
            }
        }

        public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
        {
        }
    }
}
