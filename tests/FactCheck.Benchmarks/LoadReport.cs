using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace FactCheck.Benchmarks;

/// The load scenario's figures as Markdown: the requests per class, the CPU the server and this driver spent, the
/// circuits and the server's memory per circuit, and the pass criterion (zero errors; every circuit open, connected and
/// re-rendered during the window).
public sealed class LoadReport(LoadSettings settings)
{
    public int WarmupSeconds { get; set; }
    public int DemoVerdicts { get; set; }
    public int ServerProcessId { get; set; }
    public LoadRecorder Recorder { get; set; } = new([]);
    public int Published { get; set; }
    public int VerdictPages { get; set; }
    public OpenedCircuits? Circuits { get; set; }
    public long[] RenderBatches { get; set; } = [];
    public int Connected { get; set; }
    public int CaughtUp { get; set; }
    public List<string> CircuitErrors { get; set; } = [];
    public ServerMemorySample? MemoryBefore { get; set; }
    public ServerMemorySample? MemoryWithCircuits { get; set; }
    public ServerMemorySample? MemoryAfterLoad { get; set; }
    public double LoadBefore { get; set; }
    public double LoadAfter { get; set; }
    public string ServerOutput { get; set; } = "";

    private double serverCpuSeconds;
    private double clientCpuSeconds;
    private double otherMachinePercent;

    private int Opened => Circuits?.Opened ?? 0;

    private bool CircuitsHeld => Opened == settings.Circuits && Connected == settings.Circuits;

    private bool CircuitsRerendered => RenderBatches.Length == settings.Circuits && RenderBatches.All(b => b > 0);

    public bool Passed => Recorder.TotalErrors == 0 && CircuitsHeld && CircuitsRerendered;

    /// The server's CPU (its process and any children), this driver's own, and other processes' share of the machine.
    public void SetCpu(CpuTime before, CpuTime after, int server)
    {
        var serverTicks = after.Tree(server) - before.Tree(server);
        var ours = after.Tree(Environment.ProcessId) - before.Tree(Environment.ProcessId);
        serverCpuSeconds = serverTicks / CpuTime.TicksPerSecond;
        clientCpuSeconds = (ours - serverTicks) / CpuTime.TicksPerSecond;
        otherMachinePercent = 100.0 * Math.Max(0, after.MachineBusy - before.MachineBusy - ours) / Math.Max(1, after.MachineTotal - before.MachineTotal);
    }

    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var window = Recorder.WindowSeconds;
        text.AppendLine(inv, $"## Load on loopback: {settings.Readers} readers, {settings.Staff} staff API clients, {settings.Circuits} staff circuits, {settings.Seconds} s");
        text.AppendLine();
        text.AppendLine(inv, $"{DateTime.Now:yyyy-MM-dd HH:mm}; {Environment.ProcessorCount} cores ({PublicPageReport.Cpu()}), {MemoryTotalMb():N0} MB RAM, Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}, {RuntimeInformation.FrameworkDescription}.");
        text.AppendLine(inv, $"The app: FactCheck.Web published in Release, one process (pid {ServerProcessId}, server GC as published), Production, demo data ({DemoVerdicts} published verdicts) in a fresh SQLite file, output cache on, background jobs off, sign-ins not rate-limited. The driver: this process, closed loops (each virtual user sends its next request when the previous one has answered), no pacing.");
        text.AppendLine(inv, $"Warm-up {WarmupSeconds} s (not measured; its errors count), then {window:F1} s measured: requests started in the window are counted. Load average {LoadBefore:F2} before the window, {LoadAfter:F2} after.");
        text.AppendLine();
        Recorder.AppendMarkdown(text);
        var requests = Math.Max(1, Recorder.MeasuredRequests);
        text.AppendLine(inv, $"Staff published {Published} verdicts during the run (warm-up included; each one, and each amendment, evicts cached public pages); readers had {VerdictPages} verdict pages to read at the end.");
        text.AppendLine(inv, $"CPU during the window: the server {serverCpuSeconds:F1} s ({100 * serverCpuSeconds / window:F0} % of one core, {1e6 * serverCpuSeconds / requests:F0} µs per request), this driver {clientCpuSeconds:F1} s ({100 * clientCpuSeconds / window:F0} % of one core), other processes {otherMachinePercent:F0} % of the machine.");
        text.AppendLine();

        text.AppendLine(inv, $"### {settings.Circuits} staff circuits (an editor's /queue and /dashboard, alternately), held open through the window");
        text.AppendLine();
        text.AppendLine(inv, $"Opened {Opened} of {settings.Circuits} in {Circuits?.Seconds ?? 0:F1} s (8 at a time), before the window; {Connected} still connected at its end (the server counted {Connections(MemoryAfterLoad)} SignalR connections).");
        if (RenderBatches.Length > 0)
        {
            var sorted = RenderBatches.Order().ToArray();
            text.AppendLine(inv, $"During the window {RenderBatches.Count(b => b > 0)} of them received render batches as the staff changed claims: per circuit min {sorted[0]}, median {sorted[sorted.Length / 2]}, max {sorted[^1]}. " +
                $"By {LoadScenario.CatchUp.TotalSeconds:F0} s after the staff stopped, {CaughtUp} had.");
        }

        foreach (var error in (Circuits?.Errors ?? []).Concat(CircuitErrors))
        {
            text.AppendLine(inv, $"- circuit error: {error}");
        }

        if (MemoryBefore is { } before && MemoryWithCircuits is { } with)
        {
            double Mb(long bytes) => bytes / 1024.0 / 1024.0;
            string PerCircuit(long delta) => Opened == 0 ? "n/a" : string.Create(inv, $"{delta / 1024.0 / Opened:F0} KB");
            var after = MemoryAfterLoad ?? with;
            text.AppendLine();
            text.AppendLine("| server memory (after a full GC, no load running) | before the circuits | with the circuits | after the window | per circuit |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            text.AppendLine(inv, $"| managed heap | {Mb(before.ManagedBytes):F1} MB | {Mb(with.ManagedBytes):F1} MB | {Mb(after.ManagedBytes):F1} MB | {PerCircuit(with.ManagedBytes - before.ManagedBytes)} |");
            text.AppendLine(inv, $"| working set | {Mb(before.WorkingSetBytes):F1} MB | {Mb(with.WorkingSetBytes):F1} MB | {Mb(after.WorkingSetBytes):F1} MB | {PerCircuit(with.WorkingSetBytes - before.WorkingSetBytes)} |");
            if (Opened > 0 && with.WorkingSetBytes > before.WorkingSetBytes && MemoryAvailableMb() is { } available)
            {
                var perCircuit = (with.WorkingSetBytes - before.WorkingSetBytes) / (double)Opened;
                text.AppendLine();
                text.AppendLine(inv, $"Memory alone would allow about {available * 1024 * 1024 / perCircuit:N0} more circuits on this machine ({available:N0} MB available now, at the working set per circuit above); the CPU figures above say what the held circuits cost while the staff worked.");
            }
        }

        text.AppendLine();
        text.AppendLine("| check | measured | target | result |");
        text.AppendLine("|---|---:|---:|---|");
        text.AppendLine(inv, $"| errors (any status but the expected, socket errors, no answer within {LoadRecorder.RequestTimeout.TotalSeconds:F0} s), warm-up included | {Recorder.TotalErrors} | 0 | {(Recorder.TotalErrors == 0 ? "PASS" : "FAIL")} |");
        text.AppendLine(inv, $"| staff circuits opened and still connected at the end | {Opened} opened, {Connected} connected | {settings.Circuits} | {(CircuitsHeld ? "PASS" : "FAIL")} |");
        text.AppendLine(inv, $"| circuits that received render batches during the window | {RenderBatches.Count(b => b > 0)} | {settings.Circuits} | {(CircuitsRerendered ? "PASS" : "FAIL")} |");
        if (!Passed)
        {
            text.AppendLine();
            text.AppendLine("Last lines of the server's output:");
            text.AppendLine();
            text.AppendLine("```");
            text.AppendLine(ServerOutput.Length == 0 ? "(nothing)" : ServerOutput);
            text.AppendLine("```");
        }

        return text.ToString();
    }

    private static string Connections(ServerMemorySample? sample) =>
        sample?.OpenConnections is { } open ? open.ToString(CultureInfo.InvariantCulture) : "(not reported)";

    private static long MemoryTotalMb() => MemInfoMb("MemTotal:") ?? 0;

    private static long? MemoryAvailableMb() => MemInfoMb("MemAvailable:");

    private static long? MemInfoMb(string field) =>
        File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024
            : null;
}
