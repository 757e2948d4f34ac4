using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace FactCheck.Benchmarks;

/// Issue 9's load scenario, on loopback for a bounded time: anonymous readers on the public pages (LoadReaders), staff
/// working claims through the JSON API from submission to publication and amendment (LoadStaffClient), and staff
/// Blazor Server circuits held open on /queue and /dashboard throughout (BlazorCircuit). The app is FactCheck.Web
/// published in Release and run as production runs it, in a process of its own (PublicPageApp: Production, demo data
/// in a fresh SQLite file, output cache on, background jobs off), with one change: sign-ins are not rate-limited, since
/// the run signs three people in per staff client from one address within a second. A warm-up runs readers and staff
/// (not measured), then the circuits open and the server's memory per circuit is read (ServerMemory, after a full
/// collection, with no load running); then readers and staff run for the measured window, every virtual user in a
/// closed loop (its next request when the previous one has answered), with no pacing. The pass criterion is zero
/// errors (at any time, warm-up included), every circuit opened, still connected at the end and re-rendered by the
/// staff's changes during the window.
/// Run: dotnet run -c Release --project tests/FactCheck.Benchmarks -- load [seconds=60] [readers=32] [staff=8] [circuits=100]
public static class LoadScenario
{
    public static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
        var settings = new LoadSettings(Seconds: Arg(0, 60), Readers: Arg(1, 32), Staff: Arg(2, 8), Circuits: Arg(3, 100));
        if (settings.Seconds < 1 || settings.Readers < 0 || settings.Staff < 1 || settings.Circuits < 0)
        {
            Console.Error.WriteLine("load [seconds=60] [readers=32] [staff=8] [circuits=100]: seconds and staff at least 1, readers and circuits at least 0.");
            return 1;
        }

        using var interrupted = new ScenarioInterruption();
        try
        {
            return await MeasureAsync(settings, interrupted.Token);
        }
        catch (ScenarioFailedException ex)
        {
            Console.Error.WriteLine($"load FAILED: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (interrupted.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted; every server this run started has been stopped.");
            return 130;
        }
    }

    private static async Task<int> MeasureAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        var bench = Path.Combine(Path.GetTempPath(), "factcheck-bench");
        var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var folder = Directory.CreateDirectory(Path.Combine(bench, $"load-{stamp}")).FullName;
        var report = new LoadReport(settings);
        try
        {
            await using var processes = new ChildProcesses();
            var web = Path.Combine(bench, "load-web");
            await PublicPageApp.PublishAsync(processes, web, cancellationToken);
            var (pageUrl, server) = await PublicPageApp.StartAsync(
                processes, web, folder, "app", cache: true, cancellationToken, ["--FactCheck:Security:LoginRequestsPerMinute=100000"]);
            var origin = new Uri(pageUrl).GetLeftPart(UriPartial.Authority);
            var baseUri = new Uri(origin + "/");
            using var readerClient = NewClient(baseUri);
            using var staffClient = NewClient(baseUri);

            var slugs = LoadReaders.SlugsOn(await readerClient.GetStringAsync("/", cancellationToken));
            if (slugs.Length == 0)
            {
                throw new ScenarioFailedException($"The home page at {origin} links to no verdict page.");
            }

            await PublicPageApp.FetchPageAsync($"{origin}/verdicts/{slugs[0]}", expectCacheHit: true, cancellationToken);
            var pages = new VerdictPages(slugs);
            var searches = LoadReaders.SearchTerms(slugs);
            var recorder = new LoadRecorder([.. LoadReaders.Classes, .. LoadStaffClient.Classes]);
            var demoVerdicts = await PublishedClaimsAsync(staffClient, cancellationToken);
            var staff = await Task.WhenAll(Enumerable.Range(0, settings.Staff).Select(i => LoadStaffClient.SignInAsync(
                staffClient, recorder, pages, i, demoVerdicts.Where((_, j) => j % settings.Staff == i), cancellationToken)));
            report.DemoVerdicts = slugs.Length;
            report.ServerProcessId = server.Process.Id;

            var warmup = Math.Clamp(settings.Seconds / 4, 5, 15);
            report.WarmupSeconds = warmup;
            Console.WriteLine($"App on {origin} (pid {server.Process.Id}); {slugs.Length} published demo verdicts. Warming up for {warmup} s: " +
                $"{settings.Readers} readers, {settings.Staff} staff clients ...");
            await RunLoadAsync(readerClient, recorder, pages, searches, staff, settings.Readers, TimeSpan.FromSeconds(warmup), () => { }, cancellationToken);
            server.EnsureRunning();

            var cookies = new CookieContainer();
            using var browser = TlsProxy.Via(new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri });
            await BlazorCircuit.SignInAsync(browser, cookies, "editor", PublicPageApp.DemoPassword);
            report.MemoryBefore = await ServerMemory.ReadAsync(server.Process.Id, cancellationToken);
            Console.WriteLine($"Opening {settings.Circuits} staff circuits (the editor's /queue and /dashboard, alternately) ...");
            var circuits = await BlazorCircuit.OpenAsync(baseUri, cookies, browser, settings.Circuits, i => i % 2 == 0 ? "queue" : "dashboard");
            try
            {
                report.Circuits = circuits;
                report.MemoryWithCircuits = await ServerMemory.ReadAsync(server.Process.Id, cancellationToken);
                Console.WriteLine($"{circuits.Opened} circuits open in {circuits.Seconds:F1} s. Measuring for {settings.Seconds} s ...");
                var batchesBefore = circuits.All.Select(c => c.RenderBatches).ToArray();
                report.LoadBefore = CpuTime.LoadAverage();
                var cpuBefore = CpuTime.Read();
                CpuTime? cpuAfter = null;
                recorder.StartWindow();
                await RunLoadAsync(readerClient, recorder, pages, searches, staff, settings.Readers, TimeSpan.FromSeconds(settings.Seconds), () =>
                {
                    recorder.EndWindow();
                    cpuAfter = CpuTime.Read();
                }, cancellationToken);
                report.LoadAfter = CpuTime.LoadAverage();
                server.EnsureRunning();
                report.SetCpu(cpuBefore, cpuAfter!, server.Process.Id);
                report.RenderBatches = circuits.All.Select((c, i) => c.RenderBatches - batchesBefore[i]).ToArray();

                // Whether circuits that stayed quiet while the staff worked catch up once they stop (a page that only
                // redraws when changes pause) or not at all (a page that no longer refreshes).
                // Waits on each quiet circuit's next render batch, at most CatchUp, and no longer than that takes.
                var quiet = circuits.All.Select((c, i) => (Circuit: c, Before: batchesBefore[i])).Where(c => c.Circuit.RenderBatches == c.Before).ToList();
                var caughtUp = quiet.Select(c =>
                {
                    var next = c.Circuit.NextRenderAsync();
                    return c.Circuit.RenderBatches > c.Before ? Task.CompletedTask : next; // a batch that came while registering
                });
                try
                {
                    await Task.WhenAll(caughtUp).WaitAsync(CatchUp, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Some never caught up: counted below.
                }

                report.CaughtUp = circuits.All.Where((c, i) => c.RenderBatches - batchesBefore[i] > 0).Count();
                report.Connected = circuits.All.Count(c => c.Connected);
                report.CircuitErrors = circuits.All.Where(c => c.Error is not null).GroupBy(c => c.Error!).Select(g => $"{g.Count()}× {g.Key}").ToList();
                report.MemoryAfterLoad = await ServerMemory.ReadAsync(server.Process.Id, cancellationToken);
            }
            finally
            {
                await Task.WhenAll(circuits.All.Select(c => c.DisposeAsync().AsTask()));
            }

            report.Recorder = recorder;
            report.Published = staff.Sum(s => s.Published);
            report.VerdictPages = pages.Count;
            report.ServerOutput = server.Output;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var markdown = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var saved = Path.Combine(bench, $"load-{stamp}.md");
        await File.WriteAllTextAsync(saved, markdown, CancellationToken.None);
        Console.WriteLine($"Saved to {saved}");
        return report.Passed ? 0 : 2;
    }

    /// Readers and staff in closed loops for the duration; `atEnd` runs the moment it is over, before the loops are
    /// told to stop (requests then in flight are answered and, if they started in the window, counted).
    private static async Task RunLoadAsync(
        HttpClient readerClient, LoadRecorder recorder, VerdictPages pages, string[] searches, LoadStaffClient[] staff, int readers, TimeSpan duration,
        Action atEnd, CancellationToken interrupted)
    {
        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, readers)
            .Select(i => Task.Run(() => LoadReaders.RunAsync(readerClient, recorder, pages, searches, seed: i, stop.Token, interrupted), CancellationToken.None))
            .Concat(staff.Select(s => Task.Run(() => s.RunAsync(stop.Token, interrupted), CancellationToken.None)))
            .ToList();
        await Task.WhenAny(Task.Delay(duration, interrupted), Task.WhenAll(loops));
        atEnd();
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        interrupted.ThrowIfCancellationRequested();
    }

    /// A client as the readers' and the staff's: no cookies (the staff send a bearer token), connections kept open.
    private static HttpClient NewClient(Uri baseUri) =>
        TlsProxy.Via(new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = baseUri,
            Timeout = LoadRecorder.RequestTimeout,
        });

    /// The demo's published claims, oldest first, for the staff clients to share out.
    private static async Task<long[]> PublishedClaimsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var token = await LoadStaffClient.TokenAsync(client, "editor", cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/claims/?status=published&pageSize=100");
        request.Headers.Authorization = token;
        using var response = await client.SendAsync(request, cancellationToken);
        using var page = JsonDocument.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync(cancellationToken));
        return [.. page.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Order()];
    }
}

public sealed record LoadSettings(int Seconds, int Readers, int Staff, int Circuits);
