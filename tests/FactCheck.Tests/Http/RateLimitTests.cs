using System.Net;
using System.Net.Http.Json;

namespace FactCheck.Tests.Http;

/// Sign-in limits belong to their endpoints, so no spelling of the address gets around them, and clients are counted by
/// network (an IPv6 client has a whole /64), as the trusted proxy reports them.
public sealed class RateLimitTests
{
    private static Dictionary<string, string?> Limit(int perMinute, string? proxy = null) => new()
    {
        ["FactCheck:Security:LoginRequestsPerMinute"] = $"{perMinute}",
        ["FactCheck:ReverseProxy:KnownProxies"] = proxy,
    };

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string path = "/api/tokens", string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { username = "editor", password = "wrong-password" }) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_on_both_the_form_and_the_api()
    {
        using var app = new TestApp(settings: Limit(3));
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await TokenAsync(client)).StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/tokens", new { username = "editor", password = TestApp.DemoPassword });
        var form = await app.SignInAsync(app.Browser(), "editor", TestApp.DemoPassword);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_token_flood_spelled_with_a_trailing_slash_or_in_capitals_shares_the_endpoints_limit()
    {
        using var app = new TestApp(settings: Limit(3));
        var client = app.CreateClient();

        var spelled = new[] { await TokenAsync(client, "/api/tokens/"), await TokenAsync(client, "/API/TOKENS"), await TokenAsync(client, "/Api/Tokens/") };
        var next = await TokenAsync(client, "/api/tokens");

        Assert.All(spelled, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync(client, "/API/TOKENS/")).StatusCode);
    }

    [Theory]
    [InlineData("/login/")]
    [InlineData("/LOGIN")]
    [InlineData("/Login/")]
    public async Task A_sign_in_form_flood_at_another_spelling_of_login_is_limited_too(string path)
    {
        using var app = new TestApp(settings: Limit(3));
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["Input.Username"] = "editor", ["Input.Password"] = "guess-" + i,
            }))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        // Reading the form stays free.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Behind_the_proxy_addresses_in_one_ipv6_64_share_a_budget_and_other_networks_have_their_own()
    {
        using var app = new TestApp(settings: Limit(3, proxy: "127.0.0.1"), connectionAddress: IPAddress.Loopback);
        var client = app.CreateClient();

        var household = new[] { "2001:db8:1:2::10", "2001:db8:1:2:ffff::1", "2001:db8:1:2:abcd:ef01:2345:6789" };
        var statuses = new List<HttpStatusCode>();
        foreach (var address in household)
        {
            statuses.Add((await TokenAsync(client, forwardedFor: address)).StatusCode);
        }

        var fourthInHousehold = await TokenAsync(client, forwardedFor: "2001:db8:1:2::99");
        var neighbour = await TokenAsync(client, forwardedFor: "2001:db8:1:3::10");
        var ipv4Reader = await TokenAsync(client, forwardedFor: "203.0.113.9");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourthInHousehold.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, neighbour.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ipv4Reader.StatusCode);
    }

    [Fact]
    public async Task X_forwarded_for_from_a_client_that_is_not_a_known_proxy_is_ignored()
    {
        using var app = new TestApp(settings: Limit(3, proxy: "127.0.0.1"), connectionAddress: IPAddress.Parse("198.51.100.7"));
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            await TokenAsync(client, forwardedFor: $"203.0.113.{i}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync(client, forwardedFor: "203.0.113.200")).StatusCode);
    }
}
