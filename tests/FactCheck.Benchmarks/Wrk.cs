using System.Globalization;
using System.Text.RegularExpressions;

namespace FactCheck.Benchmarks;

/// What one `wrk --latency` run measured. Latencies in milliseconds; Errors holds wrk's socket-error and non-2xx
/// lines when it printed any.
public sealed record WrkResult(double RequestsPerSecond, long Requests, double P50, double P75, double P90, double P99, string? Errors);

public static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(
        ChildProcesses processes, string url, int threads, int connections, int seconds, CancellationToken cancellationToken)
    {
        var output = await processes.RunAsync(
            "wrk", "wrk", [$"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "-H", $"{TlsProxy.Header}: https", url], cancellationToken);
        return Parse(output);
    }

    public static WrkResult Parse(string output)
    {
        var rps = RequestsPerSecond().Match(output);
        var requests = RequestCount().Match(output);
        var percentiles = Percentile().Matches(output).ToDictionary(m => m.Groups[1].Value, m => Milliseconds(m.Groups[2].Value, m.Groups[3].Value));
        if (!rps.Success || !requests.Success || !percentiles.TryGetValue("50", out var p50) || !percentiles.TryGetValue("99", out var p99))
        {
            throw new ScenarioFailedException($"Could not read wrk's output:\n{output}");
        }

        var errors = string.Join("; ", ErrorLine().Matches(output).Select(m => m.Value.Trim()));
        return new WrkResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            p50, percentiles.GetValueOrDefault("75"), percentiles.GetValueOrDefault("90"), p99,
            errors.Length == 0 ? null : errors);
    }

    private static double Milliseconds(string value, string unit) =>
        double.Parse(value, CultureInfo.InvariantCulture) * unit switch
        {
            "us" => 0.001,
            "ms" => 1,
            "s" => 1000,
            "m" => 60_000,
            _ => throw new ScenarioFailedException($"Unknown wrk latency unit '{unit}'."),
        };

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex RequestCount();

    // The --latency distribution: "     99%    3.01ms".
    [GeneratedRegex(@"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"^\s*(Socket errors:.*|Non-2xx or 3xx responses:.*)$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
