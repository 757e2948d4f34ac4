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
    private readonly Counter<long> messages;
    private readonly Histogram<double> durations;

    public FactCheckMetrics(IMeterFactory meters, Db db)
    {
        meter = meters.Create(MeterName);
        messages = meter.CreateCounter<long>("factcheck.messages", description: "Mediator messages handled, by message and outcome");
        durations = meter.CreateHistogram<double>("factcheck.message.duration", unit: "ms", description: "Time to handle a mediator message");
        meter.CreateObservableCounter("factcheck.reminders.sent", () => Scalar(db, "SELECT count(*) FROM reminders"), description: "Reminders sent");
        meter.CreateObservableGauge("factcheck.claims", () => ClaimsByState(db), description: "Claims in each workflow state");
    }

    public void Message(string name, string outcome, double milliseconds)
    {
        var tags = new TagList { { "message", name }, { "outcome", outcome } };
        messages.Add(1, tags);
        durations.Record(milliseconds, tags);
    }

    private static long Scalar(Db db, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(db.ConnectionString);
        connection.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    private static List<Measurement<long>> ClaimsByState(Db db)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(db.ConnectionString);
        connection.Open();
        return connection.Query<(string Status, long Claims)>("SELECT status, sum(claims) FROM claim_state_counts GROUP BY status")
            .Select(row => new Measurement<long>(row.Claims, new KeyValuePair<string, object?>("status", row.Status)))
            .ToList();
    }

    public void Dispose() => meter.Dispose();
}
