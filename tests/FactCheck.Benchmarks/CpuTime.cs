using System.Diagnostics;
using System.Globalization;

namespace FactCheck.Benchmarks;

/// CPU time read from /proc, in clock ticks (USER_HZ, 100 a second on Linux): the machine's, and each process's own
/// plus that of its children already reaped (wrk's time lands in ours once it exits). Lets a loopback run say how much
/// CPU its server spent per request, and how much of the machine other processes took meanwhile.
public sealed class CpuTime
{
    public const double TicksPerSecond = 100;

    private readonly Dictionary<int, (int Parent, long Ticks)> processes;

    private CpuTime(long machineBusy, long machineTotal, Dictionary<int, (int Parent, long Ticks)> processes)
    {
        MachineBusy = machineBusy;
        MachineTotal = machineTotal;
        this.processes = processes;
    }

    /// Ticks all cores spent doing anything but idling or waiting for I/O.
    public long MachineBusy { get; }

    /// Ticks of all cores, busy or not.
    public long MachineTotal { get; }

    public static CpuTime Read()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(long.Parse).ToArray();
        var total = fields.Sum();
        var busy = total - fields[3] - fields[4];
        var processes = new Dictionary<int, (int, long)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid ... utime stime cutime cstime": comm may hold spaces, so count from its ')'.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var after = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(after[11]) + long.Parse(after[12]) + long.Parse(after[13]) + long.Parse(after[14]);
                processes[pid] = (int.Parse(after[1]), ticks);
            }
            catch (IOException)
            {
                // Exited while we looked.
            }
        }

        return new CpuTime(busy, total, processes);
    }

    /// The ticks of a process and all its living descendants (nginx's master and its worker, say).
    public long Tree(int root)
    {
        var sum = 0L;
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            if (processes.TryGetValue(pid, out var process))
            {
                sum += process.Ticks;
            }

            foreach (var (child, entry) in processes)
            {
                if (entry.Parent == pid)
                {
                    pending.Push(child);
                }
            }
        }

        return sum;
    }

    /// Other helpers' builds on a 2-core machine halve what a run can measure: wait (up to ten minutes) until other
    /// processes leave the machine alone, judged by their CPU over 5 s rather than by the load average, which a
    /// scenario's own warm-up has just raised. Returns the share of the machine they used in the last 5 s.
    public static async Task<double> WaitForOthersAsync(double calmShare, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var before = Read();
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            var after = Read();
            var ours = after.Tree(Environment.ProcessId) - before.Tree(Environment.ProcessId);
            var others = 100.0 * Math.Max(0, after.MachineBusy - before.MachineBusy - ours) / (after.MachineTotal - before.MachineTotal);
            if (others <= calmShare || waited.Elapsed > TimeSpan.FromMinutes(10))
            {
                Console.WriteLine($"Other processes use {others:F0} % of the machine; load average {LoadAverage():F2}. Measuring.");
                return others;
            }

            Console.WriteLine($"Other processes use {others:F0} % of the machine (load average {LoadAverage():F2}); waiting for them ...");
        }
    }

    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
