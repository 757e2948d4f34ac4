using System.Globalization;

namespace FactCheck.Benchmarks;

/// Issue 6's target for the public verdict page, on loopback with wrk: requests per second of the cached page against
/// the same bytes served as a static file by Kestrel (at least 1.0x) and by nginx with one worker (at least 0.8x), its
/// p99 under 5 ms, and the page with the cache disabled at least 0.25x Kestrel static. The app is published in Release
/// and run as production runs it, twice (cache on, cache off), each in its own process on a demo database; the peers
/// run in processes of their own. Three rounds, each measuring every target in turn (the starting target rotates),
/// so each ratio compares runs made minutes apart on the same machine; medians over the rounds are reported.
/// wrk runs one thread by default: on 2 cores a second wrk thread competes with the server for the same cores and made
/// the peers' figures swing by a third between rounds, while one thread never used more than ~75 % of a core (the
/// report's wrk CPU column shows whether it became the bottleneck).
/// Run: dotnet run -c Release --project tests/FactCheck.Benchmarks -- public-page [seconds-per-run] [connections] [wrk-threads]
public static class PublicPageScenario
{
    public const string PagePath = "/verdicts/azerbaijani-forces-attacked-buildings-in-stepanakert-1";
    private const int Rounds = 3;
    private const double CalmShare = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is [StaticPeers.KestrelMode, var root, var url])
        {
            await StaticPeers.ServeWithKestrelAsync(root, url);
            return 0;
        }

        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
        var settings = new PublicPageSettings(Seconds: Arg(0, 10), Connections: Arg(1, 32), Threads: Arg(2, 1));
        var nginx = ChildProcesses.FindTool("nginx");
        if (ChildProcesses.FindTool("wrk") is null || nginx is null)
        {
            Console.Error.WriteLine("public-page needs wrk and nginx (Debian's packages; Debian's bombardier is a game). Install them with:");
            Console.Error.WriteLine("apt-get install -y wrk nginx-light");
            return 1;
        }

        using var interrupted = new ScenarioInterruption();
        try
        {
            var report = await MeasureAsync(settings, nginx, interrupted.Token);
            return report.AllPassed ? 0 : 2;
        }
        catch (ScenarioFailedException ex)
        {
            Console.Error.WriteLine($"public-page FAILED: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (interrupted.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted; every server this run started has been stopped.");
            return 130;
        }
    }

    private static async Task<PublicPageReport> MeasureAsync(PublicPageSettings settings, string nginx, CancellationToken cancellationToken)
    {
        var bench = Path.Combine(Path.GetTempPath(), "factcheck-bench");
        var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var folder = Directory.CreateDirectory(Path.Combine(bench, $"public-page-{stamp}")).FullName;
        var web = Path.Combine(bench, "public-page-web");
        var files = Directory.CreateDirectory(Path.Combine(folder, "static")).FullName;
        try
        {
            await using var processes = new ChildProcesses();
            await PublicPageApp.PublishAsync(processes, web, cancellationToken);

            var cached = await PublicPageApp.StartAsync(processes, web, folder, "app-cached", cache: true, cancellationToken);
            var uncached = await PublicPageApp.StartAsync(processes, web, folder, "app-uncached", cache: false, cancellationToken);
            var page = await PublicPageApp.FetchPageAsync(cached.Url, expectCacheHit: true, cancellationToken);
            var uncachedPage = await PublicPageApp.FetchPageAsync(uncached.Url, expectCacheHit: false, cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(files, "page.html"), page, cancellationToken);

            var kestrelPort = ChildProcesses.FreePort();
            var kestrel = await StaticPeers.StartKestrelAsync(processes, files, kestrelPort, cancellationToken);
            var nginxPort = ChildProcesses.FreePort();
            var nginxServer = await StaticPeers.StartNginxAsync(processes, nginx, folder, files, nginxPort, cancellationToken);
            Target[] targets =
            [
                new(PublicPageReport.Cached, cached.Url, cached.Server),
                new(PublicPageReport.Uncached, uncached.Url, uncached.Server),
                new(PublicPageReport.KestrelStatic, $"http://127.0.0.1:{kestrelPort}/page.html", kestrel),
                new(PublicPageReport.NginxStatic, $"http://127.0.0.1:{nginxPort}/page.html", nginxServer),
            ];
            foreach (var target in targets.Skip(2))
            {
                if (!(await PublicPageApp.FetchPageAsync(target.Url, expectCacheHit: false, cancellationToken)).AsSpan().SequenceEqual(page))
                {
                    throw new ScenarioFailedException($"{target.Name} does not serve the page's bytes at {target.Url}.");
                }
            }

            Console.WriteLine($"Page: {page.Length:N0} bytes cached, {uncachedPage.Length:N0} uncached. Warming every target up ...");
            foreach (var target in targets)
            {
                await WarmUpAsync(processes, target, settings, cancellationToken);
            }

            var othersBefore = await CpuTime.WaitForOthersAsync(CalmShare, cancellationToken);
            var loadBefore = CpuTime.LoadAverage();
            var runs = new List<(Target Target, TargetRun Run)>();
            for (var round = 1; round <= Rounds; round++)
            {
                for (var i = 0; i < targets.Length; i++)
                {
                    var target = targets[(i + round - 1) % targets.Length];
                    var run = await MeasureOnceAsync(processes, targets, target, settings, round, cancellationToken);
                    Console.WriteLine($"round {round}: {target.Name,-26} {run.Wrk.RequestsPerSecond,10:N0} req/s  p99 {run.Wrk.P99:F2} ms  other CPU {run.OtherCpuPercent:F0} %");
                    runs.Add((target, run));
                }
            }

            var report = new PublicPageReport(settings, targets.Select(t => (t.Name, t.Url)).ToList(), runs.Select(r => (r.Target.Name, r.Run)).ToList(),
                page.Length, uncachedPage.Length, othersBefore, loadBefore, CpuTime.LoadAverage());
            var markdown = report.ToMarkdown();
            Console.WriteLine();
            Console.WriteLine(markdown);
            var saved = Path.Combine(bench, $"public-page-{stamp}.md");
            await File.WriteAllTextAsync(saved, markdown, CancellationToken.None);
            Console.WriteLine($"Saved to {saved}");
            return report;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<TargetRun> MeasureOnceAsync(
        ChildProcesses processes, Target[] targets, Target target, PublicPageSettings settings, int round, CancellationToken cancellationToken)
    {
        var load = CpuTime.LoadAverage();
        var before = CpuTime.Read();
        var wrk = await Wrk.RunAsync(processes, target.Url, settings.Threads, settings.Connections, settings.Seconds, cancellationToken);
        var after = CpuTime.Read();
        if (wrk.Errors is { } errors && errors.Contains("Non-2xx", StringComparison.Ordinal))
        {
            throw new ScenarioFailedException($"{target.Name} answered errors under load: {errors}");
        }

        long Delta(int pid) => after.Tree(pid) - before.Tree(pid);
        double Share(long ticks) => 100.0 * ticks / (after.MachineTotal - before.MachineTotal) * Environment.ProcessorCount;
        var server = Delta(target.Server.Process.Id);
        var ours = Delta(Environment.ProcessId);
        var client = ours - targets.Sum(t => Delta(t.Server.Process.Id));
        var other = Math.Max(0, after.MachineBusy - before.MachineBusy - ours);
        return new TargetRun(
            round, wrk, server / CpuTime.TicksPerSecond * 1e6 / Math.Max(1, wrk.Requests), Share(server), Share(client),
            Share(other) / Environment.ProcessorCount, load, wrk.Errors);
    }

    /// Tiered JIT takes a while to settle: the page with the cache off needs some 30 s of load on 2 cores before its
    /// throughput stops climbing, with plateaus on the way. Runs 5-second bursts for at least 30 s, then until two in
    /// a row agree within 5 % (at most a minute).
    private static async Task WarmUpAsync(ChildProcesses processes, Target target, PublicPageSettings settings, CancellationToken cancellationToken)
    {
        var rates = new List<double>();
        while (rates.Count < 12 && (rates.Count < 6 || Math.Abs(rates[^1] - rates[^2]) > 0.05 * rates[^2]))
        {
            rates.Add((await Wrk.RunAsync(processes, target.Url, settings.Threads, settings.Connections, 5, cancellationToken)).RequestsPerSecond);
        }

        Console.WriteLine($"warm-up: {target.Name,-26} {string.Join(" → ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} req/s");
    }

    private sealed record Target(string Name, string Url, RunningProcess Server);
}

public sealed record PublicPageSettings(int Seconds, int Connections, int Threads);

/// One wrk run against one target, with the CPU the target's server spent per request and as a share of one core,
/// wrk's (with this driver's) share of one core, the share of the whole machine other processes took meanwhile, and
/// the 1-minute load average just before.
public sealed record TargetRun(
    int Round, WrkResult Wrk, double ServerMicrosPerRequest, double ServerCpuPercent, double ClientCpuPercent, double OtherCpuPercent,
    double LoadBefore, string? Errors);
