using System.Net;
using System.Net.Http.Json;
using FactCheck.E2E.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.E2E.Tests;

/// FactCheck as a newsroom runs it: Production, behind Debian's nginx terminating TLS on 127.0.0.1, with nginx named in
/// FactCheck:ReverseProxy:KnownProxies. Two readers on different machines (two loopback addresses) get a sign-in budget
/// each; a reader who forges X-Forwarded-For still spends their own; and the app knows the request came over HTTPS.
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private const string Host = "cekfakta.example.test";
    private readonly string folder = Directory.CreateTempSubdirectory("factcheck-proxied-").FullName;
    private ProxiedApp? app;
    private NginxProxy? nginx;

    public async Task InitializeAsync()
    {
        app = new ProxiedApp(folder);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Host == "127.0.0.1");
        nginx = await NginxProxy.StartAsync(Host, address);
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

    private static Task<HttpResponseMessage> SignInAsync(HttpClient reader, string? forgedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(new { username = "editor", password = "a-wrong-guess" }) };
        if (forgedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forgedFor);
        }

        return reader.SendAsync(request);
    }

    [Fact]
    public async Task Two_readers_behind_nginx_get_separate_rate_limit_buckets_and_a_forged_forwarded_for_buys_nothing()
    {
        using var first = nginx!.Client(IPAddress.Parse("127.0.0.2"), Host);
        using var second = nginx.Client(IPAddress.Parse("127.0.0.3"), Host);

        var firstReader = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            firstReader.Add((await SignInAsync(first)).StatusCode);
        }

        var forged = await SignInAsync(first, forgedFor: "198.51.100.77");
        var secondReader = await SignInAsync(second);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], firstReader);
        Assert.Equal(HttpStatusCode.TooManyRequests, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, secondReader.StatusCode);
    }

    [Fact]
    public async Task Through_nginx_the_app_knows_the_reader_came_over_https()
    {
        using var reader = nginx!.Client(IPAddress.Parse("127.0.0.4"), Host);

        var login = await reader.GetAsync("/login");
        var page = await reader.GetStringAsync("/verdicts/azerbaijani-forces-attacked-buildings-in-stepanakert-1");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.StartsWith("max-age=", login.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.Contains($"href=\"https://{Host}/verdicts/azerbaijani-forces-attacked-buildings-in-stepanakert-1\"", page, StringComparison.Ordinal);
    }

    /// The real app on a real socket, configured as production is.
    private sealed class ProxiedApp : WebApplicationFactory<Program>
    {
        private readonly string folder;

        public ProxiedApp(string folder)
        {
            this.folder = folder;
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:FactCheck", $"Data Source={Path.Combine(folder, "factcheck.db")}");
            builder.UseSetting("FactCheck:DemoData", "true");
            builder.UseSetting("FactCheck:DemoPassword", "e2e-Proxied-Password-1");
            builder.UseSetting("FactCheck:Jobs:Enabled", "false");
            builder.UseSetting("FactCheck:PublicUrl", $"https://{Host}");
            builder.UseSetting("FactCheck:ReverseProxy:KnownProxies", "127.0.0.1");
            builder.UseSetting("FactCheck:Security:LoginRequestsPerMinute", "3");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
