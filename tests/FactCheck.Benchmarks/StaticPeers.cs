using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactCheck.Benchmarks;

/// The peers the verdict page is measured against: the page's saved bytes (page.html in one folder) served as a static
/// file by a bare Kestrel app and by nginx. Each runs in a process of its own, as the app does.
public static class StaticPeers
{
    public const string KestrelMode = "--kestrel-static-peer";

    /// Peer 1: this assembly started again in KestrelMode, with the app's Kestrel defaults (WebApplication.CreateBuilder),
    /// Production, Warning logging and server GC as the published app has it; the pipeline is UseStaticFiles alone.
    public static async Task<RunningProcess> StartKestrelAsync(ChildProcesses processes, string root, int port, CancellationToken cancellationToken)
    {
        var url = $"http://127.0.0.1:{port}";
        var server = processes.Start(
            "Kestrel static peer",
            "dotnet",
            [typeof(StaticPeers).Assembly.Location, "public-page", KestrelMode, root, url],
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "1", ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" });
        await ChildProcesses.WaitUntilReadyAsync(server, ChildProcesses.KestrelReady, url + "/page.html", TimeSpan.FromSeconds(60), cancellationToken);
        return server;
    }

    public static async Task ServeWithKestrelAsync(string root, string url)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = root,
            WebRootPath = root,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.UseStaticFiles();
        await app.RunAsync();
    }

    /// Peer 2: nginx with one worker, no access log, sendfile; everything else at nginx's defaults.
    public static async Task<RunningProcess> StartNginxAsync(
        ChildProcesses processes, string nginx, string folder, string root, int port, CancellationToken cancellationToken)
    {
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log stderr notice;
            events {
                worker_connections 1024;
            }
            http {
                types {
                    text/html html;
                }
                default_type application/octet-stream;
                access_log off;
                sendfile on;
                tcp_nopush on;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{root}};
                }
            }
            """, cancellationToken);
        var server = processes.Start("nginx", nginx, ["-p", folder, "-c", config, "-e", "stderr"]);
        await ChildProcesses.WaitUntilReadyAsync(server, ChildProcesses.NginxReady, $"http://127.0.0.1:{port}/page.html", TimeSpan.FromSeconds(30), cancellationToken);
        return server;
    }
}
