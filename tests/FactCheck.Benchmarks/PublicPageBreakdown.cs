using FactCheck.Web;
using System.Diagnostics;
using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Features.Verdicts;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactCheck.Benchmarks;

/// Where a verdict page request spends its time, without a profiler: the app runs in this process (Production, demo
/// data, logging off), and one request at a time is timed against its parts run alone: the GetPublicVerdict query
/// through the mediator, a bare connection open, the Markdown of the explanation. CPU and allocations are the whole
/// process's per operation, HttpClient's share included on the HTTP rows.
/// Run: dotnet run -c Release --project tests/FactCheck.Benchmarks -- public-page-breakdown [operations]
public static class PublicPageBreakdown
{
    private static long firstChanceExceptions;

    public static async Task RunAsync(int operations)
    {
        AppDomain.CurrentDomain.FirstChanceException += (_, _) => Interlocked.Increment(ref firstChanceExceptions);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "factcheck-bench", $"public-page-breakdown-{Environment.ProcessId}")).FullName;
        try
        {
            await using var cached = await StartAsync(Path.Combine(folder, "cached.db"), cache: true);
            await using var uncached = await StartAsync(Path.Combine(folder, "uncached.db"), cache: false);
            using var client = TlsProxy.Via(new HttpClient(new SocketsHttpHandler { UseCookies = false }));
            var slug = PublicPageScenario.PagePath[(PublicPageScenario.PagePath.LastIndexOf('/') + 1)..];
            var db = uncached.App.Services.GetRequiredService<Db>();
            string explanation;
            await using (var connection = await db.OpenAsync())
            {
                // The language version the page shows at its plain address (no ?lang, no Accept-Language): English if
                // the verdict has it, else its other one.
                explanation = await connection.QueryFirstAsync<string>(
                    """
                    SELECT t.explanation FROM claims c JOIN verdict_texts t ON t.verdict_id = c.published_verdict_id
                    WHERE c.slug = @slug ORDER BY t.language = 'en' DESC
                    """,
                    new { slug });
            }

            Console.WriteLine($"{operations:N0} operations each, one at a time after as many to warm up; {Environment.ProcessorCount} cores, workstation GC (this process)");
            Console.WriteLine("| operation | p50 µs | mean µs | CPU µs/op | allocated KB/op | exceptions/op | methods jitted |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            await MeasureAsync("verdict page, cache off, over HTTP", operations, () => client.GetByteArrayAsync(new Uri(uncached.Url + PublicPageScenario.PagePath)));
            await MeasureAsync("/not-found, cache off, over HTTP (public layout, no query)", operations, () => client.GetByteArrayAsync(new Uri(uncached.Url + "/not-found")));
            await MeasureAsync("/healthz over HTTP (pipeline, one query, no page)", operations, () => client.GetByteArrayAsync(new Uri(uncached.Url + "/healthz")));
            await MeasureAsync("verdict page, cached, over HTTP", operations, () => client.GetByteArrayAsync(new Uri(cached.Url + PublicPageScenario.PagePath)));
            await MeasureAsync("GetPublicVerdict through the mediator", operations, async () =>
            {
                await using var scope = uncached.App.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetPublicVerdict(slug));
            });

            await MeasureAsync("Db.OpenAsync (open, pragmas, close)", operations, async () =>
            {
                await using var connection = await db.OpenAsync();
            });

            await MeasureAsync("SafeMarkdown.ToHtml of the explanation", operations, () => Task.FromResult(SafeMarkdown.ToHtml(explanation)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, int operations, Func<Task> operation)
    {
        // As many again to warm up: the uncached page needs thousands of requests before tiered JIT settles.
        for (var i = 0; i < operations; i++)
        {
            await operation();
        }

        var samples = new double[operations];
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var exceptions = Interlocked.Read(ref firstChanceExceptions);
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var wall = Stopwatch.GetTimestamp();
        for (var i = 0; i < operations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        var elapsed = Stopwatch.GetElapsedTime(wall);
        process.Refresh();
        var cpuPerOp = (process.TotalProcessorTime - cpu).TotalMicroseconds / operations;
        var kbPerOp = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / operations;
        Array.Sort(samples);
        Console.WriteLine($"| {name} | {samples[operations / 2]:F0} | {elapsed.TotalMicroseconds / operations:F0} | {cpuPerOp:F0} | {kbPerOp:F1} | {(double)(Interlocked.Read(ref firstChanceExceptions) - exceptions) / operations:F1} | {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted} |");
    }

    private static async Task<RunningApp> StartAsync(string database, bool cache)
    {
        var url = $"http://127.0.0.1:{ChildProcesses.FreePort()}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ApplicationName = "FactCheck.Web",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration["ConnectionStrings:FactCheck"] = $"Data Source={database}";
        builder.Configuration["FactCheck:DemoData"] = "true";
        builder.Configuration["FactCheck:DemoPassword"] = "Benchmark-Password-1";
        builder.Configuration["FactCheck:Jobs:Enabled"] = "false";
        builder.Configuration["FactCheck:PublicUrl"] = TlsProxy.PublicUrl;
        builder.Configuration["FactCheck:ReverseProxy:KnownProxies"] = "127.0.0.1";
        builder.Configuration["FactCheck:PublicCache:Enabled"] = cache ? "true" : "false";
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.AddFactCheck();
        var app = builder.Build();
        app.MapFactCheck();
        await app.InitializeFactCheckAsync();
        await app.StartAsync();
        return new RunningApp(app, url);
    }

    private sealed record RunningApp(WebApplication App, string Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
