using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace FactCheck.Benchmarks;

/// A running .NET server's memory as DashboardCircuits reports it (the managed heap and the working set after a full
/// collection), read from outside through the runtime's diagnostics port, so that the server measured is the app as
/// published, with no benchmark endpoint in it. An EventPipe session that enables the runtime's GCHeapCollect keyword
/// makes the server run a full, blocking collection (as dotnet-gcdump does); the System.Runtime counters sampled after
/// that collection give gc-heap-size (GC.GetTotalMemory) and working-set (Environment.WorkingSet), and SignalR's
/// counters how many connections (here: circuits) the server holds open. The counters are in units of 10^6 bytes.
public static class ServerMemory
{
    private const string HeapCounter = "gc-heap-size";
    private const string WorkingSetCounter = "working-set";
    private const string ConnectionsCounter = "current-connections";

    public static async Task<ServerMemorySample> ReadAsync(int processId, CancellationToken cancellationToken)
    {
        var everySecond = new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" };
        EventPipeProvider[] providers =
        [
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect)),
            new("System.Runtime", EventLevel.Informational, 0, everySecond),
            new("Microsoft.AspNetCore.Http.Connections", EventLevel.Informational, 0, everySecond),
        ];
        var client = new DiagnosticsClient(processId);
        using var session = await client.StartEventPipeSessionAsync(providers, requestRundown: false, token: cancellationToken);
        using var source = new EventPipeEventSource(session.EventStream);
        var induced = false;
        var collected = false;
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Clr.GCStart += gc => induced |= gc.Depth == 2 && gc.Reason is GCReason.Induced or GCReason.InducedNotForced;
        source.Clr.GCStop += gc => collected |= induced && gc.Depth == 2;
        source.Dynamic.All += e =>
        {
            if (!collected || e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> wrapper
                || wrapper["Payload"] is not IDictionary<string, object> counter)
            {
                return;
            }

            // Only counters sampled after the collection: the first samples may predate it.
            var name = counter["Name"].ToString()!;
            values[name] = Convert.ToDouble(counter.TryGetValue("Mean", out var mean) ? mean : counter["Increment"], System.Globalization.CultureInfo.InvariantCulture);
            if (values.ContainsKey(HeapCounter) && values.ContainsKey(WorkingSetCounter) && values.ContainsKey(ConnectionsCounter))
            {
                done.TrySetResult();
            }
        };
        var processing = Task.Run(source.Process, CancellationToken.None);
        var sampled = await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
        if (sampled != done.Task && !values.ContainsKey(HeapCounter))
        {
            // SignalR's counters may be missing; the runtime's must not be. Give them longer.
            await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(15), cancellationToken));
        }

        await session.StopAsync(CancellationToken.None);
        await processing;
        cancellationToken.ThrowIfCancellationRequested();
        if (!values.TryGetValue(HeapCounter, out var heap) || !values.TryGetValue(WorkingSetCounter, out var workingSet))
        {
            throw new ScenarioFailedException(
                $"Process {processId} sent no {HeapCounter}/{WorkingSetCounter} counters after a full collection (collection seen: {collected}).");
        }

        return new ServerMemorySample(
            (long)(heap * 1e6), (long)(workingSet * 1e6), values.TryGetValue(ConnectionsCounter, out var connections) ? (int)connections : null);
    }
}

/// The server's managed heap and working set in bytes, and the SignalR connections it holds (null if it did not say).
public sealed record ServerMemorySample(long ManagedBytes, long WorkingSetBytes, int? OpenConnections);
