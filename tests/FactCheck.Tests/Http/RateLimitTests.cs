using System.Net;
using System.Net.Http.Json;

namespace FactCheck.Tests.Http;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_on_both_the_form_and_the_api()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:Security:LoginRequestsPerMinute"] = "3" });
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/tokens", new { username = "editor", password = "wrong-password" })).StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/tokens", new { username = "editor", password = TestApp.DemoPassword });
        var form = await app.SignInAsync(app.Browser(), "editor", TestApp.DemoPassword);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
