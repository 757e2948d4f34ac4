using System.Diagnostics.Metrics;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Infrastructure;

/// Metrics for every message and the claims per state, and a health check that tells whether the job server lives.
public sealed class ObservabilityTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Each_message_is_counted_by_outcome_and_the_claims_per_state_are_observable()
    {
        var counted = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        var ours = app.Services.GetRequiredService<FactCheckMetrics>().Meter;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this app's meter: other tests' apps in the process have their own.
            if (ReferenceEquals(instrument.Meter, ours) && instrument.Meter.Name == FactCheckMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (counted)
            {
                counted.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();
        var checker = await app.ActorAsync("checker");

        await app.SendAsync(new SubmitClaim { Title = "Counted", Text = $"Dihitung {Guid.NewGuid():N}", Language = "id", ClaimantName = "Metrics Ministry", ClaimantKind = "government", Kind = "statement" }, checker);
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.SendAsync(new SubmitClaim { Title = "", Text = "", Language = "id", Kind = "statement" }, checker));
        listener.RecordObservableInstruments();

        List<(string Instrument, long Value, Dictionary<string, object?> Tags)> seen;
        lock (counted)
        {
            seen = counted.ToList();
        }

        Assert.Contains(seen, m => m.Instrument == "factcheck.messages" && (string?)m.Tags["message"] == "SubmitClaim" && (string?)m.Tags["outcome"] == "ok");
        Assert.Contains(seen, m => m.Instrument == "factcheck.messages" && (string?)m.Tags["message"] == "SubmitClaim" && (string?)m.Tags["outcome"] == "refused");
        var newClaims = seen.Where(m => m.Instrument == "factcheck.claims" && (string?)m.Tags["status"] == "new").Select(m => m.Value).LastOrDefault();
        Assert.Equal(await app.ScalarAsync<long>("SELECT count(*) FROM claims WHERE status = 'new'"), newClaims);
        Assert.Equal(await app.ScalarAsync<long>("SELECT count(*) FROM reminders"), seen.Last(m => m.Instrument == "factcheck.reminders.sent").Value);
    }

    [Fact]
    public async Task The_health_check_reports_the_database_and_whether_a_job_server_has_reported_lately()
    {
        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Entries["database"].Status);
        Assert.Contains("off here", report.Entries["jobs"].Description, StringComparison.Ordinal); // this test app runs no job server

        var storage = new Hangfire.InMemory.InMemoryStorage();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var check = new Web.Infrastructure.Jobs.JobServerHealthCheck(
            Microsoft.Extensions.Options.Options.Create(new FactCheckOptions { Jobs = new FactCheckOptions.JobOptions { Enabled = true } }), storage, clock);
        async Task<HealthCheckResult> CheckAsync() => await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
        using (var connection = storage.GetConnection())
        {
            connection.AnnounceServer("factcheck-test", new Hangfire.Server.ServerContext { Queues = ["default"], WorkerCount = 1 });
        }

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
    }
}
