using System.Net;
using System.Text.Json.Nodes;

namespace FactCheck.Tests.Http;

/// How a newsroom runs it: outside Development the public address is configured (never taken from a request's Host
/// header), cookies are Secure and HSTS is sent; behind a known proxy the app believes its X-Forwarded-For and
/// X-Forwarded-Proto, and nobody else's.
public sealed class DeploymentTests
{
    private const string Flagship = "/verdicts/azerbaijani-forces-attacked-buildings-in-stepanakert-1";

    [Fact]
    public void Outside_development_the_app_refuses_to_start_without_its_public_address_and_says_which_key()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:PublicUrl"] = null });

        var refused = Assert.ThrowsAny<Exception>(() => app.Start());

        Assert.Contains("FactCheck:PublicUrl", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_proxy_that_is_not_an_address_stops_the_start_naming_the_key()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:ReverseProxy:KnownNetworks"] = "10.0.0.0/33" });

        var refused = Assert.ThrowsAny<Exception>(() => app.Start());

        Assert.Contains("FactCheck:ReverseProxy:KnownNetworks", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_developer_machine_starts_without_it_and_links_to_itself()
    {
        using var app = new TestApp(environment: "Development", settings: new Dictionary<string, string?> { ["FactCheck:PublicUrl"] = null }).Start();

        var page = await app.CreateClient().GetStringAsync(Flagship);

        Assert.Contains($"<link rel=\"canonical\" href=\"https://localhost{Flagship}?lang=en\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") }).GetAsync("/login")).StatusCode);
    }

    [Fact]
    public void Outside_development_a_public_address_that_is_not_https_is_refused()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:PublicUrl"] = "http://cekfakta.example.id" });

        var refused = Assert.ThrowsAny<Exception>(() => app.Start());

        Assert.Contains("FactCheck:PublicUrl is 'http://cekfakta.example.id'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_pages_go_to_the_public_https_address_and_api_calls_over_it_are_refused()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:PublicUrl"] = "https://cekfakta.example.id" }).Start();
        var plain = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://attacker.example"), AllowAutoRedirect = false });

        var page = await plain.GetAsync(Flagship + "?lang=id");
        var api = await plain.PostAsync("/api/tokens", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.Equal($"https://cekfakta.example.id{Flagship}?lang=id", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Absolute_links_come_from_the_public_address_whatever_host_the_request_names()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:PublicUrl"] = "https://cekfakta.example.id" }).Start();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = "attacker.example";

        var page = await client.GetStringAsync(Flagship);
        var feed = await client.GetStringAsync("/feeds/verdicts.atom");
        var csv = await client.GetStringAsync("/feeds/verdicts.csv");
        var reviews = JsonNode.Parse(await client.GetStringAsync("/api/claimreviews?limit=1"))!;
        var home = await client.GetStringAsync("/");

        foreach (var body in new[] { page, feed, csv, reviews.ToJsonString(), home })
        {
            Assert.DoesNotContain("attacker.example", body, StringComparison.Ordinal);
        }

        Assert.Contains($"<link rel=\"canonical\" href=\"https://cekfakta.example.id{Flagship}?lang=en\"", page, StringComparison.Ordinal);
        Assert.Contains($"\"url\":\"https://cekfakta.example.id{Flagship}?lang=en\"", page, StringComparison.Ordinal);
        Assert.StartsWith("https://cekfakta.example.id/api/claimreviews?", (string?)reviews["next"], StringComparison.Ordinal);
        Assert.Contains("<id>https://cekfakta.example.id/verdicts/", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_cookies_are_secure_and_https_answers_carry_hsts()
    {
        using var app = new TestApp().Start();
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://cekfakta.example.id"), AllowAutoRedirect = false, HandleCookies = true,
        });

        var form = await browser.GetAsync("/login");
        var signedIn = await app.SignInAsync(browser, "editor", TestApp.DemoPassword);
        var language = await browser.GetAsync("/lang/id?return=/");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        foreach (var cookie in new[] { form, signedIn, language }.SelectMany(r => r.Headers.GetValues("Set-Cookie")))
        {
            Assert.Contains("; secure", cookie.ToLowerInvariant(), StringComparison.Ordinal);
        }

        Assert.StartsWith("max-age=31536000", form.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_app_knows_the_reader_came_over_https_and_ignores_that_claim_from_anyone_else()
    {
        var settings = new Dictionary<string, string?> { ["FactCheck:ReverseProxy:KnownProxies"] = "127.0.0.1" };
        using var behindProxy = new TestApp(settings: settings, connectionAddress: IPAddress.Loopback).Start();
        using var exposed = new TestApp(settings: settings, connectionAddress: IPAddress.Parse("198.51.100.7")).Start();

        static async Task<HttpResponseMessage> ViaProxyAsync(TestApp app)
        {
            // Plain HTTP between the proxy and the app, as nginx speaks to it; the reader used HTTPS.
            var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://cekfakta.example.id"), AllowAutoRedirect = false });
            var request = new HttpRequestMessage(HttpMethod.Get, "/login");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            return await client.SendAsync(request);
        }

        var trusted = await ViaProxyAsync(behindProxy);
        var spoofed = await ViaProxyAsync(exposed);

        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        Assert.True(trusted.Headers.Contains("Strict-Transport-Security"));
        // Believed from no one else: the request is plain HTTP, sent to the public HTTPS address (not the Host it named).
        Assert.False(spoofed.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.PermanentRedirect, spoofed.StatusCode);
        Assert.Equal("https://localhost/login", spoofed.Headers.Location?.OriginalString);
    }
}
