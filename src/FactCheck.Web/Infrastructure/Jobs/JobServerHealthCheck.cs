using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Infrastructure.Jobs;

/// Part of /healthz: with FactCheck:Jobs:Enabled the job server in this process must have reported a heartbeat in
/// the last two minutes, or reminders, digests, mail and backups have stopped. With it off, the jobs run elsewhere.
public sealed class JobServerHealthCheck(IOptions<FactCheckOptions> options, JobStorage storage, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan MaxSilence = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Jobs.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The job server is off here (FactCheck:Jobs:Enabled=false)."));
        }

        var servers = storage.GetMonitoringApi().Servers();
        var now = clock.GetUtcNow().UtcDateTime;
        var alive = servers.Count(s => s.Heartbeat is { } beat && now - DateTime.SpecifyKind(beat, DateTimeKind.Utc) < MaxSilence);
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} job server(s) alive.")
            : HealthCheckResult.Unhealthy($"No job server has reported in the last {MaxSilence.TotalMinutes:F0} minutes ({servers.Count} registered)."));
    }
}
