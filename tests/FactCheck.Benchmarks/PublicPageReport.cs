using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace FactCheck.Benchmarks;

/// The public-page scenario's figures as Markdown: per target the median over the rounds, then issue 6's ratios, each
/// taken within a round (against peers measured minutes apart) and then the median of the three.
public sealed class PublicPageReport(
    PublicPageSettings settings, IReadOnlyList<(string Name, string Url)> targets, IReadOnlyList<(string Target, TargetRun Run)> runs,
    int cachedBytes, int uncachedBytes, double othersBefore, double loadBefore, double loadAfter)
{
    public const string Cached = "verdict page, cached";
    public const string Uncached = "verdict page, cache off";
    public const string KestrelStatic = "Kestrel static file";
    public const string NginxStatic = "nginx static file";

    private readonly List<Check> checks =
    [
        new("cached / Kestrel static", "≥ 1.00x", Ratios(runs, Cached, KestrelStatic), x => x >= 1.0, "x"),
        new("cached / nginx", "≥ 0.80x", Ratios(runs, Cached, NginxStatic), x => x >= 0.8, "x"),
        new("cached p99", "< 5 ms", runs.Where(r => r.Target == Cached).Select(r => r.Run.Wrk.P99).ToList(), x => x < 5, " ms"),
        new("cache off / Kestrel static", "≥ 0.25x", Ratios(runs, Uncached, KestrelStatic), x => x >= 0.25, "x"),
    ];

    public bool AllPassed => checks.All(c => c.Passed);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"## Public verdict page on loopback: wrk -t{settings.Threads} -c{settings.Connections} -d{settings.Seconds}s, median of {runs.Max(r => r.Run.Round)} rounds");
        text.AppendLine();
        text.AppendLine(inv, $"{DateTime.Now:yyyy-MM-dd HH:mm}; {Environment.ProcessorCount} cores ({Cpu()}), Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}, {RuntimeInformation.FrameworkDescription}; {Packages()}.");
        text.AppendLine(inv, $"Page {PublicPageScenario.PagePath}: {cachedBytes:N0} bytes ({uncachedBytes:N0} from the cache-off instance); the static peers serve the cached page's bytes.");
        text.AppendLine(inv, $"Other processes took {othersBefore:F0} % of the machine just before the rounds (load average {loadBefore:F2}, {loadAfter:F2} after, this run's own included) and {Median(runs.Select(r => r.Run.OtherCpuPercent)):F0} % of the machine during a median run (max {runs.Max(r => r.Run.OtherCpuPercent):F0} %).");
        text.AppendLine();
        text.AppendLine("| target | req/s (median) | req/s per round | p50 ms | p99 ms | server CPU µs/req | server CPU % of a core | wrk CPU % of a core |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, _) in targets)
        {
            var mine = runs.Where(r => r.Target == name).Select(r => r.Run).OrderBy(r => r.Round).ToList();
            text.AppendLine(inv,
                $"| {name} | {Median(mine.Select(r => r.Wrk.RequestsPerSecond)):N0} | {string.Join(" / ", mine.Select(r => r.Wrk.RequestsPerSecond.ToString("N0", inv)))} " +
                $"| {Median(mine.Select(r => r.Wrk.P50)):F2} | {Median(mine.Select(r => r.Wrk.P99)):F2} | {Median(mine.Select(r => r.ServerMicrosPerRequest)):F0} " +
                $"| {Median(mine.Select(r => r.ServerCpuPercent)):F0} | {Median(mine.Select(r => r.ClientCpuPercent)):F0} |");
        }

        text.AppendLine();
        text.AppendLine("| check | per round | median | target | result |");
        text.AppendLine("|---|---:|---:|---:|---|");
        foreach (var check in checks)
        {
            text.AppendLine(inv,
                $"| {check.Name} | {string.Join(" / ", check.Values.Select(v => v.ToString("F2", inv) + check.Unit))} | {check.Median:F2}{check.Unit} | {check.Target} | {(check.Passed ? "PASS" : "FAIL")} |");
        }

        var errors = runs.Where(r => r.Run.Errors is not null).Select(r => $"round {r.Run.Round}, {r.Target}: {r.Run.Errors}").ToList();
        if (errors.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("wrk reported: " + string.Join("; ", errors));
        }

        text.AppendLine();
        text.AppendLine(inv, $"Targets: {string.Join(", ", targets.Select(t => $"{t.Name} {t.Url}"))}.");
        return text.ToString();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static List<double> Ratios(IReadOnlyList<(string Target, TargetRun Run)> runs, string measured, string peer) =>
        runs.Where(r => r.Target == measured)
            .Join(runs.Where(r => r.Target == peer), m => m.Run.Round, p => p.Run.Round, (m, p) => m.Run.Wrk.RequestsPerSecond / p.Run.Wrk.RequestsPerSecond)
            .ToList();

    public static string Cpu() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    private static string Packages()
    {
        var versions = new[] { "/var/lib/dpkg/status" }.Where(File.Exists).SelectMany(File.ReadLines).ToList();
        string Version(string package)
        {
            var at = versions.IndexOf($"Package: {package}");
            var line = at < 0 ? null : versions.Skip(at).TakeWhile(l => l.Length > 0).FirstOrDefault(l => l.StartsWith("Version: ", StringComparison.Ordinal));
            return $"{package} {line?["Version: ".Length..] ?? "?"}";
        }

        return $"{Version("wrk")}, {Version("nginx-light")}";
    }

    private sealed record Check(string Name, string Target, List<double> Values, Func<double, bool> Meets, string Unit)
    {
        public double Median => PublicPageReport.Median(Values);

        public bool Passed => Values.Count > 0 && Meets(Median);
    }
}
