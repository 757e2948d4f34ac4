using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dapper;
using FactCheck.Web.Infrastructure.Database;

namespace FactCheck.Web.Infrastructure;

/// The app's metrics (System.Diagnostics.Metrics, meter "FactCheck"): read them with `dotnet-counters monitor -n
/// FactCheck.Web --counters FactCheck` or any OpenTelemetry exporter.
/// - factcheck.messages: every mediator message, tagged message (its type) and outcome (ok, refused, failed);
/// - factcheck.message.duration (ms), with the same tags;
/// - factcheck.reminders.sent: reminders sent so far (the rows of the reminders table, which records each one once);
/// - factcheck.claims: claims per state now (from the trigger-kept claim_state_counts), tagged status.
public sealed class FactCheckMetrics : IDisposable
{
    public const string MeterName = "FactCheck";

    private readonly Meter meter;
    private readonly ILogger<FactCheckMetrics> logger;
    private readonly Counter<long> messages;
    private readonly Histogram<double> durations;

    public FactCheckMetrics(IMeterFactory meters, Db db, ILogger<FactCheckMetrics> logger)
    {
        this.logger = logger;
        meter = meters.Create(MeterName);
        messages = meter.CreateCounter<long>("factcheck.messages", description: "Mediator messages handled, by message and outcome");
        durations = meter.CreateHistogram<double>("factcheck.message.duration", unit: "ms", description: "Time to handle a mediator message");
        meter.CreateObservableCounter("factcheck.reminders.sent", () => Observe(() => [new Measurement<long>(Scalar(db, "SELECT count(*) FROM reminders"))]), description: "Reminders sent");
        meter.CreateObservableGauge("factcheck.claims", () => Observe(() => ClaimsByState(db)), description: "Claims in each workflow state");
    }

    /// This app's meter (a test host or a second app in the process has its own).
    public Meter Meter => meter;

    public void Message(string name, string outcome, double milliseconds)
    {
        var tags = new TagList { { "message", name }, { "outcome", outcome } };
        messages.Add(1, tags);
        durations.Record(milliseconds, tags);
    }

    /// An observation that fails (the database away) reports nothing rather than breaking the collector.
    private List<Measurement<long>> Observe(Func<List<Measurement<long>>> read)
    {
        try
        {
            return read();
        }
        catch (System.Data.Common.DbException ex)
        {
            logger.LogWarning(ex, "A metric could not be read from the database");
            return [];
        }
    }

    private static long Scalar(Db db, string sql)
    {
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        return connection.ExecuteScalar<long>(sql);
    }

    private static List<Measurement<long>> ClaimsByState(Db db)
    {
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<(string Status, long Claims)>("SELECT status, sum(claims) FROM claim_state_counts GROUP BY status")
            .Select(row => new Measurement<long>(row.Claims, new KeyValuePair<string, object?>("status", row.Status)))
            .ToList();
    }

    public void Dispose() => meter.Dispose();
}
