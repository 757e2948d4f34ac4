using System.Net;
using FactCheck.E2E.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.E2E.Tests;

/// The shipped nginx configuration (Deployment/nginx/factcheck.conf) in front of the real app in Production: nginx
/// stores the public verdict page and serves it from its cache after a 304 from the app, and after a correction the
/// next request gets the new verdict.
public sealed class SharedCacheBehindNginxTests : IAsyncLifetime
{
    private const string Host = "cekfakta.example.test";
    private const string Slug = "azerbaijani-forces-attacked-buildings-in-stepanakert-1";
    private readonly string folder = Directory.CreateTempSubdirectory("factcheck-cached-").FullName;
    private ProductionApp? app;
    private NginxProxy? nginx;

    public async Task InitializeAsync()
    {
        app = new ProductionApp(folder);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Host == "127.0.0.1");
        nginx = await NginxProxy.StartShippedAsync(Host, [address]);
    }

    public async Task DisposeAsync()
    {
        if (nginx is not null)
        {
            await nginx.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static string CacheStatus(HttpResponseMessage response) => string.Join(",", response.Headers.GetValues("X-Cache-Status"));

    [Fact]
    public async Task Nginx_serves_the_verdict_from_its_cache_and_the_correction_at_the_next_request()
    {
        using var reader = nginx!.Client(IPAddress.Parse("127.0.0.6"), Host);
        var url = $"/verdicts/{Slug}?lang=en";

        var first = await reader.GetAsync(url);
        var second = await reader.GetAsync(url);
        using var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal((HttpStatusCode.OK, "MISS"), (first.StatusCode, CacheStatus(first)));
        // REVALIDATED: nginx asked the app with If-None-Match, the app answered 304 with no body, nginx sent its copy.
        Assert.Equal((HttpStatusCode.OK, "REVALIDATED"), (second.StatusCode, CacheStatus(second)));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal((HttpStatusCode.OK, first.Headers.ETag), (head.StatusCode, head.Headers.ETag));
        Assert.False(first.Headers.Contains("Set-Cookie"), "Public pages get no cookie, not even nginx's routing cookie.");
        Assert.False(first.Headers.Contains(Web.Infrastructure.PublicPageMiddleware.NginxExpires));

        const string reason = "Hospital records from 5 October came to light.";
        await VerdictCorrection.PublishAsync(app!.Services, Slug, "mostly-true", reason);
        var corrected = await reader.GetAsync(url);
        var again = await reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.NotEqual(first.Headers.ETag, corrected.Headers.ETag);
        Assert.Contains(reason, await corrected.Content.ReadAsStringAsync());
        Assert.Contains("Mostly true", await corrected.Content.ReadAsStringAsync());
        Assert.Equal("REVALIDATED", CacheStatus(again));
        Assert.Equal(corrected.Headers.ETag, again.Headers.ETag);
    }

    [Fact]
    public async Task Staff_pages_are_never_stored_and_get_the_routing_cookie()
    {
        using var staff = nginx!.Client(IPAddress.Parse("127.0.0.7"), Host);

        var login = await staff.GetAsync("/login");
        var again = await staff.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(("MISS", "MISS"), (CacheStatus(login), CacheStatus(again)));
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("factcheck_node=", StringComparison.Ordinal));
    }

    /// The real app on a real socket, configured as production is, behind nginx on 127.0.0.1.
    private sealed class ProductionApp : WebApplicationFactory<Program>
    {
        private readonly string folder;

        public ProductionApp(string folder)
        {
            this.folder = folder;
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:FactCheck", $"Data Source={Path.Combine(folder, "factcheck.db")}");
            builder.UseSetting("FactCheck:DemoData", "true");
            builder.UseSetting("FactCheck:DemoPassword", "e2e-Cached-Password-1");
            builder.UseSetting("FactCheck:Jobs:Enabled", "false");
            builder.UseSetting("FactCheck:PublicUrl", $"https://{Host}");
            builder.UseSetting("FactCheck:ReverseProxy:KnownProxies", "127.0.0.1");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
