using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Http;

/// Owns its app because the expiry test moves the clock.
public sealed class ApiTokenTests : IClassFixture<ApiTokenTests.Fixture>
{
    private readonly TestApp app;

    public ApiTokenTests(Fixture fixture) => app = fixture.App;

    [Fact]
    public async Task A_token_is_issued_for_good_credentials_and_authenticates_api_calls()
    {
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/tokens", new { username = "checker", password = TestApp.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var expiresAt = body.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, app.Clock.GetUtcNow().AddDays(29), app.Clock.GetUtcNow().AddDays(31));

        var me = await Get(client, "/api/me", token);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var who = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("checker", who.GetProperty("username").GetString());
        Assert.Equal(Roles.FactChecker, who.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        var token = await IssueAsync("editor");

        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM api_tokens WHERE token_hash = @token", new { token }));
        Assert.Equal(1, await app.ScalarAsync<long>(
            "SELECT count(*) FROM api_tokens WHERE token_hash = @hash", new { hash = Web.Infrastructure.Auth.ApiTokenAuthenticationHandler.Hash(token) }));
    }

    [Fact]
    public async Task Wrong_password_is_a_401_problem_and_issues_nothing()
    {
        var before = await app.ScalarAsync<long>("SELECT count(*) FROM api_tokens");

        var response = await app.CreateClient().PostAsJsonAsync("/api/tokens", new { username = "editor2", password = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal(Credentials.InvalidMessage, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.ScalarAsync<long>("SELECT count(*) FROM api_tokens"));
    }

    [Fact]
    public async Task Missing_fields_are_a_400_problem_naming_each_field()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/tokens", new { username = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_problem_not_a_500()
    {
        var response = await app.CreateClient().PostAsync("/api/tokens", new StringContent("{\"username\": [1,", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Calls_without_a_token_or_with_an_unknown_one_are_401_problems()
    {
        var client = app.CreateClient();

        var none = await client.GetAsync("/api/me");
        var unknown = await Get(client, "/api/me", "fct_not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("Bearer", unknown.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task The_api_ignores_the_sign_in_cookie()
    {
        var browser = app.Browser();
        await app.SignInAsync(browser, "editor", TestApp.DemoPassword);

        var response = await browser.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_stops_working_when_it_expires()
    {
        var token = await IssueAsync("editor2");
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Get(client, "/api/me", token)).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(31));

        var expired = await Get(client, "/api/me", token);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deactivating_a_user_revokes_their_tokens()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.Editor);
        var token = await IssueAsync(username, password);
        var admin = await app.ActorAsync("admin");
        var version = (await app.QueryAsync(new ListUsers(), admin)).Single(u => u.Id == actor.UserId).Version;

        await app.SendAsync(new SetUserActive(actor.UserId!.Value, version, Active: false), admin);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(app.CreateClient(), "/api/me", token)).StatusCode);
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM api_tokens WHERE user_id = @UserId AND revoked_at IS NULL", new { actor.UserId }));
    }

    [Fact]
    public async Task Unknown_api_routes_answer_with_a_404_problem()
    {
        var response = await app.CreateClient().GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_token_endpoint()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/tokens", out var path));
        Assert.True(path.TryGetProperty("post", out _));
    }

    private async Task<string> IssueAsync(string username, string password = TestApp.DemoPassword)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/tokens", new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    public sealed class Fixture : IDisposable
    {
        public TestApp App { get; } = new TestApp().Start();

        public void Dispose() => App.Dispose();
    }
}
