using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using FactCheck.Web.Features.Dashboard;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FactCheck.Benchmarks;

/// Issue 7's targets on a desk of 100,000 claims and 1,000,000 audit rows: the whole editor dashboard in under 200 ms
/// of server time, a live refresh after one change in under 50 ms, and 200 open dashboards that stay responsive (with
/// the memory each costs). Server time is measured in this process against a copy of the generated desk, through the
/// app's own handler and mediator, one operation at a time after a warm-up; the 200 dashboards are real Blazor Server
/// circuits on the app started in a process of its own (see DashboardCircuits).
/// Run: dotnet run -c Release --project tests/FactCheck.Benchmarks -- dashboard [claims] [auditRows] [runs] [circuits] [page]
/// (page: the staff page the circuits open, /dashboard unless given; /queue refreshes on changes too.)
public static class DashboardScenario
{
    private const string DeskViewType = "FactCheck.Web.Features.Dashboard.DeskView, FactCheck.Web";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is [DashboardApp.ServeMode, var database, var url])
        {
            await DashboardApp.ServeAsync(database, url);
            return 0;
        }

        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
        var claims = Arg(0, 100_000);
        var auditRows = Arg(1, 1_000_000);
        var runs = Arg(2, 20);
        var circuits = Arg(3, 200);
        var page = args.Length > 4 ? args[4].TrimStart('/') : "dashboard";

        try
        {
            return await MeasureAsync(claims, auditRows, runs, circuits, page);
        }
        catch (ScenarioFailedException ex)
        {
            Console.Error.WriteLine($"dashboard FAILED: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> MeasureAsync(int claims, int auditRows, int runs, int circuits, string page)
    {
        var template = await DashboardCorpus.EnsureAsync(claims, auditRows);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "factcheck-bench", $"dashboard-run-{Environment.ProcessId}")).FullName;
        var report = new Report(claims, auditRows, runs);
        try
        {
            var inProcess = Path.Combine(folder, "in-process", "factcheck.db");
            Directory.CreateDirectory(Path.GetDirectoryName(inProcess)!);
            File.Copy(template, inProcess);

            // Other helpers' builds on a 2-core machine inflate every figure: give them two minutes to finish.
            using (var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            {
                try
                {
                    await CpuTime.WaitForOthersAsync(calmShare: 25, patience.Token);
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine("Measuring anyway; the report gives the load.");
                }
            }

            var before = CpuTime.Read();
            report.LoadBefore = CpuTime.LoadAverage();
            await using (var app = await DashboardApp.StartAsync(inProcess, DashboardCorpus.T0, listenUrl: null))
            {
                await MeasureServerTimeAsync(app, report);
            }

            SqliteConnection.ClearAllPools();
            var after = CpuTime.Read();
            var ours = after.Tree(Environment.ProcessId) - before.Tree(Environment.ProcessId);
            report.OtherShare = 100.0 * Math.Max(0, after.MachineBusy - before.MachineBusy - ours) / (after.MachineTotal - before.MachineTotal);

            var served = Path.Combine(folder, "served", "factcheck.db");
            Directory.CreateDirectory(Path.GetDirectoryName(served)!);
            File.Copy(template, served);
            report.Circuits = await DashboardCircuits.RunAsync(served, circuits, changes: 10, page);
            report.LoadAfter = CpuTime.LoadAverage();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        var markdown = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var saved = Path.Combine(Path.GetTempPath(), "factcheck-bench", $"dashboard-{DateTime.Now:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(saved, markdown);
        Console.WriteLine($"Saved to {saved}");
        return report.AllPassed ? 0 : 2;
    }

    private static async Task MeasureServerTimeAsync(DashboardApp app, Report report)
    {
        var db = app.Services.GetRequiredService<Db>();
        var editor = await ActorAsync(db, DashboardCorpus.EditorName);
        (string Name, DashboardFilter Filter)[] filters =
        [
            ("default (30 days)", new DashboardFilter()),
            ("period=all", new DashboardFilter { Period = "all" }),
            ("topic=nagorno-karabakh", new DashboardFilter { Topic = "nagorno-karabakh" }),
            ("lang=id", new DashboardFilter { Language = "id" }),
        ];

        Console.WriteLine($"a. GetDeskDashboardHandler.ComputeAsync, {report.Runs} runs per filter after {Warmup(report.Runs)} to warm up ...");
        DeskDashboard? sample = null;
        foreach (var (name, filter) in filters)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetService<GetDeskDashboardHandler>()
                ?? ActivatorUtilities.CreateInstance<GetDeskDashboardHandler>(scope.ServiceProvider);
            DeskDashboard? last = null;
            var measured = await MeasureAsync(report.Runs, async () => last = await handler.ComputeAsync(filter, reuseHistory: false));
            report.Compute.Add((name, measured, Describe(last!)));
            sample ??= last;
            Console.WriteLine($"   {name}: p50 {measured.P50:F1} ms, p95 {measured.P95:F1} ms");
        }

        // b. Rendering the dashboard's markup from a computed snapshot.
        // ---------------------------------------------------------------------------------------------------------
        // DeskView (the component the /dashboard page renders a snapshot with) is being written alongside this
        // benchmark. It is looked up by name so this file builds without it: once it exists, the render is measured
        // with Blazor's HtmlRenderer, in the app's own services, from the default filter's snapshot.
        report.Render = Type.GetType(DeskViewType) is { } deskView
            ? await MeasureRenderAsync(app, deskView, sample!, report.Runs)
            : null;
        Console.WriteLine(report.Render is null
            ? "b. render: pending (FactCheck.Web.Features.Dashboard.DeskView is not in this build)"
            : $"b. render of DeskView: p50 {report.Render.Value.Time.P50:F1} ms, {report.Render.Value.Bytes:N0} bytes of HTML");
        // ---------------------------------------------------------------------------------------------------------

        Console.WriteLine("c. one change, then the dashboard through the mediator as the editor ...");
        report.Refresh = await MeasureRefreshAsync(app, db, editor, report.Runs, publish: false);
        Console.WriteLine($"   refresh after a reassignment p50 {report.Refresh.Query.P50:F1} ms, p95 {report.Refresh.Query.P95:F1} ms");
        report.PublishRefresh = await MeasureRefreshAsync(app, db, editor, report.Runs, publish: true);
        Console.WriteLine($"   refresh after a publication p50 {report.PublishRefresh.Query.P50:F1} ms, p95 {report.PublishRefresh.Query.P95:F1} ms");

        // Last: the hook stays on the pooled connections and would slow what came after it.
        Console.WriteLine("   database time per statement ...");
        var profile = await DashboardSqlProfile.AttachAsync(db);
        foreach (var (name, filter) in filters.Take(2))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetService<GetDeskDashboardHandler>()
                ?? ActivatorUtilities.CreateInstance<GetDeskDashboardHandler>(scope.ServiceProvider);
            var operations = Math.Min(report.Runs, 5);
            var started = Stopwatch.GetTimestamp();
            profile.Clear();
            profile.Recording = true;
            for (var i = 0; i < operations; i++)
            {
                await handler.ComputeAsync(filter, reuseHistory: false);
            }

            profile.Recording = false;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds / operations;
            var rows = new List<(string, double, double, string)>();
            foreach (var (statement, ms, calls) in profile.PerOperation(operations))
            {
                rows.Add((statement, ms, calls, ms >= 1 ? await profile.ScansAsync(db, statement) : ""));
            }

            report.Statements.Add((name, elapsed, rows));
        }
    }

    private static int Warmup(int runs) => Math.Max(3, runs / 4);

    private static async Task<Timing> MeasureAsync(int runs, Func<Task> operation)
    {
        for (var i = 0; i < Warmup(runs); i++)
        {
            await operation();
        }

        var samples = new double[runs];
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        process.Refresh();
        return Timing.Of(samples, (process.TotalProcessorTime - cpu).TotalMilliseconds / runs, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0 / runs);
    }

    private static string Describe(DeskDashboard d)
    {
        var open = d.States.Where(s => ReviewActions.IsOpen(s.Status)).Sum(s => s.Count);
        var published = d.Throughput.Sum(t => t.Published);
        return $"{open:N0} open, {d.Overdue.Total:N0} overdue, {published:N0} verdicts, {d.TimeToVerdict.Overall.Count:N0} timed, {d.Throughput.Count} buckets";
    }

    private static async Task<(Timing Time, int Bytes)> MeasureRenderAsync(DashboardApp app, Type deskView, DeskDashboard data, int runs)
    {
        await using var scope = app.Services.CreateAsyncScope();

        // Links are built with the NavigationManager, which a request would have initialised.
        if (scope.ServiceProvider.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
        {
            navigation.Initialize("http://localhost/", "http://localhost/dashboard");
        }

        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var parameters = new Dictionary<string, object?> { ["Data"] = data };
        var bytes = 0;
        var time = await MeasureAsync(runs, () => renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync(deskView, ParameterView.FromDictionary(parameters));
            bytes = Encoding.UTF8.GetByteCount(output.ToHtmlString());
        }));
        return (time, bytes);
    }

    /// Each change is a real editor command (handing a claim in research to the other of two fact-checkers), which
    /// invalidates the shared snapshots; the dashboard asked for next through the mediator is the recompute a live
    /// dashboard pays.
    /// With publish on, each change approves a verdict in review instead: that changes the period's figures too, so
    /// the refresh re-reads the history part as well.
    private static async Task<RefreshTiming> MeasureRefreshAsync(DashboardApp app, Db db, Actor editor, int runs, bool publish)
    {
        var changes = Warmup(runs) + runs;
        List<(long Id, long Version, long Assignee)> claims;
        long[] checkers;
        await using (var connection = await db.OpenAsync())
        {
            claims = (await connection.QueryAsync<(long, long, long)>(
                publish
                    ? """
                      SELECT c.id, c.version, c.assignee_id FROM claims c
                      WHERE c.status = 'in_review' AND c.assignee_id IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.state = 'in_review' AND v.author_id = @Editor)
                      ORDER BY c.id DESC LIMIT @changes
                      """
                    : "SELECT id, version, assignee_id FROM claims WHERE status = 'researching' AND assignee_id IS NOT NULL ORDER BY id DESC LIMIT @changes",
                new { changes, Editor = editor.UserId })).ToList();
            checkers = (await connection.QueryAsync<long>("SELECT id FROM users WHERE username IN ('checker01', 'checker02') ORDER BY username")).ToArray();
        }

        if (claims.Count < changes)
        {
            throw new ScenarioFailedException($"The desk has {claims.Count} claims in research; the refresh needs {changes}.");
        }

        var snapshots = app.Services.GetRequiredService<DashboardSnapshots>();
        var filter = new DashboardFilter();
        await SendAsync(app, editor, new GetDeskDashboard(filter));
        var commands = new double[runs];
        var queries = new double[runs];
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < changes; i++)
        {
            var (id, version, assignee) = claims[i];
            var started = Stopwatch.GetTimestamp();
            var generation = snapshots.Generation;
            await SendAsync(app, editor, publish
                ? new ApproveVerdict { ClaimId = id, Version = version, OverrideReason = "Benchmark: approved whatever linked verdicts say." }
                : new ReassignClaim { ClaimId = id, Version = version, AssigneeId = assignee == checkers[0] ? checkers[1] : checkers[0] });
            var command = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (snapshots.Generation == generation)
            {
                throw new ScenarioFailedException("The change did not invalidate the dashboard snapshots: the refresh would be a cache hit.");
            }

            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            started = Stopwatch.GetTimestamp();
            await SendAsync(app, editor, new GetDeskDashboard(filter));
            var query = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            process.Refresh();
            if (i >= changes - runs)
            {
                commands[i - (changes - runs)] = command;
                queries[i - (changes - runs)] = query;
                cpu += process.TotalProcessorTime - cpuBefore;
            }
        }

        return new RefreshTiming(Timing.Of(commands, double.NaN, double.NaN), Timing.Of(queries, cpu.TotalMilliseconds / runs, double.NaN));
    }

    private static async Task SendAsync(DashboardApp app, Actor actor, object message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(message);
    }

    public static async Task<Actor> ActorAsync(Db db, string username)
    {
        await using var connection = await db.OpenAsync();
        var id = await connection.QuerySingleAsync<long>("SELECT id FROM users WHERE username = @username", new { username });
        var roles = await connection.QueryAsync<string>("SELECT role FROM user_roles WHERE user_id = @id", new { id });
        return new Actor(id, username, roles.ToHashSet());
    }

    /// Latencies in ms (sorted), with CPU ms and allocated MB per operation where measured.
    public sealed record Timing(double[] Samples, double CpuMs, double AllocatedMb)
    {
        public double P50 => At(0.50);
        public double P95 => At(0.95);
        public double P99 => At(0.99);
        public double Max => Samples.Length == 0 ? double.NaN : Samples[^1];

        public static Timing Of(IEnumerable<double> samples, double cpuMs, double allocatedMb) => new([.. samples.Order()], cpuMs, allocatedMb);

        // Nearest rank, as the other scenarios report.
        public double At(double p) => Samples.Length == 0 ? double.NaN : Samples[Math.Clamp((int)Math.Ceiling(p * Samples.Length) - 1, 0, Samples.Length - 1)];
    }

    public sealed record RefreshTiming(Timing Command, Timing Query);

    private sealed class Report(int claims, int auditRows, int runs)
    {
        public int Runs => runs;
        public List<(string Name, Timing Time, string Counted)> Compute { get; } = [];
        public (Timing Time, int Bytes)? Render { get; set; }
        public RefreshTiming Refresh { get; set; } = null!;

        public RefreshTiming PublishRefresh { get; set; } = null!;
        public DashboardCircuits.Result? Circuits { get; set; }
        public List<(string Filter, double ComputeMs, List<(string Statement, double Ms, double Calls, string Scans)> Rows)> Statements { get; } = [];
        public double OtherShare { get; set; }
        public double LoadBefore { get; set; }
        public double LoadAfter { get; set; }
        private readonly List<(string Check, string Measured, string Target, string Verdict)> checks = [];

        public bool AllPassed => checks.All(c => c.Verdict != "FAIL");

        public string ToMarkdown()
        {
            var inv = CultureInfo.InvariantCulture;
            var text = new StringBuilder();
            text.AppendLine(inv, $"## Editor dashboard: {claims:N0} claims, {auditRows:N0} audit rows");
            text.AppendLine();
            text.AppendLine(inv, $"{DateTime.Now:yyyy-MM-dd HH:mm}; {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; " +
                $"load average {LoadBefore:F2} before, {LoadAfter:F2} after; other processes took {OtherShare:F0} % of the machine during the server-time runs.");
            text.AppendLine();
            text.AppendLine(inv, $"### Server time in this process ({runs} runs after {Warmup(runs)} to warm up, one at a time; workstation GC)");
            text.AppendLine();
            text.AppendLine("| operation | p50 ms | p95 ms | max ms | CPU ms/op | allocated MB/op | what it counted |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
            foreach (var (name, t, counted) in Compute)
            {
                text.AppendLine(inv, $"| compute, {name} | {t.P50:F1} | {t.P95:F1} | {t.Max:F1} | {t.CpuMs:F1} | {t.AllocatedMb:F1} | {counted} |");
            }

            if (Render is { } render)
            {
                text.AppendLine(inv, $"| render DeskView (HtmlRenderer), default | {render.Time.P50:F1} | {render.Time.P95:F1} | {render.Time.Max:F1} | {render.Time.CpuMs:F1} | {render.Time.AllocatedMb:F1} | {render.Bytes:N0} bytes of HTML |");
            }
            else
            {
                text.AppendLine("| render DeskView | pending | | | | | DeskView is not in this build |");
            }

            text.AppendLine(inv, $"| change: ReassignClaim through the mediator | {Refresh.Command.P50:F1} | {Refresh.Command.P95:F1} | {Refresh.Command.Max:F1} | | | one editor command, committed |");
            text.AppendLine(inv, $"| refresh: GetDeskDashboard after the change | {Refresh.Query.P50:F1} | {Refresh.Query.P95:F1} | {Refresh.Query.Max:F1} | {Refresh.Query.CpuMs:F1} | | current part re-read, history kept (its stamp unchanged) |");
            text.AppendLine(inv, $"| change: ApproveVerdict (publishes) | {PublishRefresh.Command.P50:F1} | {PublishRefresh.Command.P95:F1} | {PublishRefresh.Command.Max:F1} | | | one editor command, committed |");
            text.AppendLine(inv, $"| refresh: GetDeskDashboard after a publication | {PublishRefresh.Query.P50:F1} | {PublishRefresh.Query.P95:F1} | {PublishRefresh.Query.Max:F1} | {PublishRefresh.Query.CpuMs:F1} | | both parts re-read |");
            text.AppendLine();
            foreach (var (filter, computeMs, rows) in Statements)
            {
                var sql = rows.Sum(r => r.Ms);
                text.AppendLine(inv, $"Database time per statement, {filter} (SQLite's profile hook; {computeMs:F0} ms a computation with the hook on, {sql:F0} ms of it in SQL, {computeMs - sql:F0} ms in C#):");
                text.AppendLine();
                text.AppendLine("| statement | ms/op | calls/op | its plan's SCAN and TEMP B-TREE steps |");
                text.AppendLine("|---|---:|---:|---|");
                foreach (var (statement, ms, calls, scans) in rows.Where(r => r.Ms >= 0.05))
                {
                    text.AppendLine(inv, $"| `{statement.Replace("|", "\\|", StringComparison.Ordinal)}` | {ms:F1} | {calls:F0} | {scans} |");
                }

                text.AppendLine();
            }

            var compute = Compute[0].Time;
            var whole = compute.P95 + (Render?.Time.P95 ?? 0);
            checks.Add(Render is null
                ? ("whole dashboard, default filter: compute p95 (render pending)", $"{compute.P95:F1} ms", "< 200 ms", compute.P95 < 200 ? "PASS" : "FAIL")
                : ("whole dashboard, default filter: compute p95 + render p95", $"{whole:F1} ms", "< 200 ms", whole < 200 ? "PASS" : "FAIL"));
            foreach (var (name, t, _) in Compute.Skip(1))
            {
                var total = t.P95 + (Render?.Time.P95 ?? 0);
                checks.Add(($"whole dashboard, {name}{(Render is null ? " (compute only)" : "")}", $"{total:F1} ms", "< 200 ms", total < 200 ? "PASS" : "FAIL"));
            }

            checks.Add(("live refresh after one change (a reassignment): p95", $"{Refresh.Query.P95:F1} ms", "< 50 ms", Refresh.Query.P95 < 50 ? "PASS" : "FAIL"));
            checks.Add(("live refresh after a publication (history re-read too): p95", $"{PublishRefresh.Query.P95:F1} ms", "< 50 ms", PublishRefresh.Query.P95 < 50 ? "PASS" : "FAIL"));
            if (Circuits is { } c)
            {
                c.AppendMarkdown(text, checks);
            }

            text.AppendLine("### Against issue 7's targets");
            text.AppendLine();
            text.AppendLine("| check | measured | target | result |");
            text.AppendLine("|---|---:|---:|---|");
            foreach (var (check, measured, target, verdict) in checks)
            {
                text.AppendLine(inv, $"| {check} | {measured} | {target} | {verdict} |");
            }

            return text.ToString();
        }
    }
}
