using System.Net;

namespace FactCheck.Benchmarks;

/// The published FactCheck.Web as production runs it, in a process of its own (Production, Warning logging, demo data
/// in a fresh SQLite file, no background jobs), and the checks that its verdict page is cacheable. A scenario may
/// add settings of its own (`--Key=value`), which override these.
public static class PublicPageApp
{
    /// The password of every demo account (admin, editor, editor2, checker, checker2).
    public const string DemoPassword = "Benchmark-Password-1";

    public static async Task<(string Url, RunningProcess Server)> StartAsync(
        ChildProcesses processes, string web, string folder, string name, bool cache, CancellationToken cancellationToken, IEnumerable<string>? settings = null)
    {
        var origin = $"http://127.0.0.1:{ChildProcesses.FreePort()}";
        var server = processes.Start(name, "dotnet",
        [
            Path.Combine(web, "FactCheck.Web.dll"), "--urls", origin, "--contentRoot", web, "--environment", "Production",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", $"--ConnectionStrings:FactCheck=Data Source={Path.Combine(folder, name + ".db")}",
            "--FactCheck:DemoData=true", $"--FactCheck:DemoPassword={DemoPassword}", "--FactCheck:Jobs:Enabled=false",
            $"--FactCheck:PublicCache:Enabled={(cache ? "true" : "false")}",
            .. TlsProxy.AppSettings,
            .. settings ?? [],
        ], new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" }, workingDirectory: web);
        await ChildProcesses.WaitUntilReadyAsync(server, ChildProcesses.KestrelReady, origin + "/healthz", TimeSpan.FromMinutes(2), cancellationToken);
        return (origin + PublicPageScenario.PagePath, server);
    }

    /// Publishes FactCheck.Web in Release to the folder, as it would be deployed.
    public static async Task PublishAsync(ChildProcesses processes, string web, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Publishing FactCheck.Web (Release) to {web} ...");
        await processes.RunAsync("dotnet publish", "dotnet",
            ["publish", Path.Combine(RepositoryRoot(), "src", "FactCheck.Web", "FactCheck.Web.csproj"), "-c", "Release", "-o", web, "--nologo", "-v", "q"],
            cancellationToken);
    }

    /// The page twice: both 200 without a cookie, the second a cache hit (Age) exactly when the cache is on.
    public static async Task<byte[]> FetchPageAsync(string url, bool expectCacheHit, CancellationToken cancellationToken)
    {
        using var client = TlsProxy.Via(new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }));
        byte[]? first = null;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var response = await client.GetAsync(new Uri(url), cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || response.Headers.Contains("Set-Cookie"))
            {
                throw new ScenarioFailedException($"{url} answered {(int)response.StatusCode} with Set-Cookie '{string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}'.");
            }

            if (attempt == 2 && (response.Headers.Age is not null) != expectCacheHit)
            {
                throw new ScenarioFailedException(expectCacheHit
                    ? $"The second request for {url} was not a cache hit (no Age header): output caching is off for this page."
                    : $"The second request for {url} was a cache hit (Age header) although the cache is disabled.");
            }

            if (attempt == 2 && expectCacheHit && !body.AsSpan().SequenceEqual(first))
            {
                throw new ScenarioFailedException($"The cache hit for {url} differs from the page first rendered.");
            }

            first = body;
        }

        return first!;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FactCheck.sln")))
            {
                return folder.FullName;
            }
        }

        throw new ScenarioFailedException($"Could not find FactCheck.sln above {AppContext.BaseDirectory}.");
    }
}
