using FactCheck.Web.Features.Maintenance;
using FactCheck.Web.Infrastructure.Jobs;
using FactCheck.Web.Infrastructure.Pipeline;
using Hangfire;
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
            var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == SystemJobs.MaintenanceJobId);
            Assert.Equal("17 3 * * *", job.Cron);
        }

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(SystemJobs.MaintenanceJobId);
        string jobId;
        using (var connection = storage.GetConnection())
        {
            jobId = Assert.Single(connection.GetRecurringJobs(), j => j.Id == SystemJobs.MaintenanceJobId).LastJobId;
        }

        // Other recurring jobs (the reminder sweep runs every few seconds) succeed on the same server meanwhile:
        // follow this job's own states. One that throws is scheduled for a retry rather than failed, so stop on either.
        var monitoring = storage.GetMonitoringApi();
        var finalStates = new[] { "Succeeded", "Failed", "Scheduled" };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!monitoring.JobDetails(jobId).History.Any(h => finalStates.Contains(h.StateName)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var details = monitoring.JobDetails(jobId);
        var history = string.Join(" | ", details.History.Select(h => h.StateName + " " + h.Reason + " " + string.Join("; ", h.Data.Select(kv => kv.Key + "=" + kv.Value))));
        Assert.Equal(nameof(SystemJobs.MaintainDatabase), details.Job.Method.Name);
        Assert.True(details.History[0].StateName == "Succeeded", "The maintenance job did not succeed: " + history);
    }
}
