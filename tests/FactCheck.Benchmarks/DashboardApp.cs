using FactCheck.Web;
using FactCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactCheck.Benchmarks;

/// FactCheck.Web as production runs it (Production, no demo data, the first admin from FactCheck:Admin, no background
/// jobs) on a copy of the dashboard desk, with its clock started at the desk's T0 so a reused desk is as fresh as a
/// new one. In this process for the server-time measurements; in a child process of its own (see ServeAsync) for the
/// circuits, so that its memory is its own.
public sealed class DashboardApp(WebApplication app) : IAsyncDisposable
{
    public const string ServeMode = "--serve";

    public WebApplication App => app;

    public IServiceProvider Services => app.Services;

    /// Migrates (and on an empty database creates the admin) like the app's start-up; listens only when given an address.
    public static async Task<DashboardApp> StartAsync(string database, DateTimeOffset clockStart, string? listenUrl, bool logWarnings = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ApplicationName = "FactCheck.Web",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration["ConnectionStrings:FactCheck"] = $"Data Source={database}";
        builder.Configuration["FactCheck:DemoData"] = "false";
        builder.Configuration["FactCheck:Admin:Username"] = DashboardCorpus.AdminName;
        builder.Configuration["FactCheck:Admin:Password"] = DashboardCorpus.Password;
        builder.Configuration["FactCheck:Jobs:Enabled"] = "false";
        builder.Configuration["FactCheck:Security:LoginRequestsPerMinute"] = "10000";
        builder.Configuration["FactCheck:PublicUrl"] = TlsProxy.PublicUrl;
        builder.Configuration["FactCheck:ReverseProxy:KnownProxies"] = "127.0.0.1";
        builder.Logging.ClearProviders();
        if (logWarnings)
        {
            // Configuration, not SetMinimumLevel: the app's appsettings.json sets Default to Information.
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Configuration["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information";
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        if (listenUrl is not null)
        {
            builder.WebHost.UseUrls(listenUrl);
        }

        builder.AddFactCheck();
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(new ShiftedClock(clockStart));
        builder.Services.AddSingleton<CircuitCount>();
        builder.Services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        var web = builder.Build();
        web.MapFactCheck();
        MapBenchEndpoints(web);
        await web.InitializeFactCheckAsync();
        if (listenUrl is not null)
        {
            await web.StartAsync();
        }

        return new DashboardApp(web);
    }

    /// The child process of the circuits measurement: the app on the given address until it is killed.
    public static async Task ServeAsync(string database, string url)
    {
        await using var served = await StartAsync(database, DashboardCorpus.T0, url, logWarnings: true);
        await served.App.WaitForShutdownAsync();
    }

    /// The server's own view, for the circuits measurement: its memory after a full, compacting collection (the
    /// managed heap and the working set), and how many circuits it holds open.
    private static void MapBenchEndpoints(WebApplication web)
    {
        web.MapGet("/_bench/memory", (CircuitCount circuits) =>
        {
            for (var i = 0; i < 2; i++)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }

            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return Results.Json(new BenchMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, circuits.Open));
        }).AllowAnonymous();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// Real time, moved so that the app starts at the given instant.
    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan offset = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    private sealed class CircuitCount
    {
        private int open;

        public int Open => Volatile.Read(ref open);

        public void Opened() => Interlocked.Increment(ref open);

        public void Closed() => Interlocked.Decrement(ref open);
    }

    private sealed class CountingCircuitHandler(CircuitCount count) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            count.Opened();
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            count.Closed();
            return Task.CompletedTask;
        }
    }
}

public sealed record BenchMemory(long ManagedBytes, long WorkingSetBytes, int OpenCircuits);
