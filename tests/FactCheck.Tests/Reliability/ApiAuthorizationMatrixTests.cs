using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FactCheck.Tests.Reliability;

/// The HTTP half of the authorisation matrix: every endpoint under /api, read from the app's own routing table and
/// checked against the list below, so an endpoint added without an entry fails this test. Each is called by
/// anonymous, with an expired token, with a deactivated account's token and with a garbage token: all but the
/// public ones answer 401 before reading the request, and nothing is written. (Which role may do what is the
/// mediator half, AuthorizationMatrixTests, since every endpoint sends one message.)
public sealed class ApiAuthorizationMatrixTests(ITestOutputHelper output) : IDisposable
{
    private const string Public = "public";
    private const string SignedIn = "signed in";

    /// Every API endpoint and who may call it at the HTTP level.
    private static readonly Dictionary<string, string> Matrix = new(StringComparer.Ordinal)
    {
        ["POST /api/tokens"] = Public,
        ["GET /api/claimreviews"] = Public,
        ["HEAD /api/claimreviews"] = Public,
        ["GET /api/me"] = SignedIn,
        ["GET /api/tokens"] = SignedIn,
        ["DELETE /api/tokens/current"] = SignedIn,
        ["DELETE /api/tokens/{id:long}"] = SignedIn,
        ["GET /api/ratings"] = SignedIn,
        ["GET /api/dashboard"] = SignedIn,
        ["GET /api/notifications/"] = SignedIn,
        ["POST /api/notifications/{id:long}/read"] = SignedIn,
        ["GET /api/claimants/{id:long}"] = SignedIn,
        ["PUT /api/claimants/{id:long}/side"] = SignedIn,
        ["GET /api/claims/"] = SignedIn,
        ["POST /api/claims/"] = SignedIn,
        ["GET /api/claims/similar"] = SignedIn,
        ["GET /api/claims/{id:long}"] = SignedIn,
        ["POST /api/claims/{id:long}/actions/{action}"] = SignedIn,
        ["POST /api/claims/{id:long}/appearances"] = SignedIn,
        ["POST /api/claims/{id:long}/deadline"] = SignedIn,
        ["POST /api/claims/{id:long}/snooze"] = SignedIn,
        ["POST /api/claims/{id:long}/evidence"] = SignedIn,
        ["DELETE /api/claims/{id:long}/evidence/{evidenceId:long}"] = SignedIn,
        ["POST /api/claims/{id:long}/links"] = SignedIn,
        ["DELETE /api/claims/{id:long}/links/{linkId:long}"] = SignedIn,
        ["POST /api/articles/extract"] = SignedIn,
        ["POST /api/articles/accept"] = SignedIn,
        ["POST /api/articles/fetch"] = SignedIn,
    };

    /// The message each signed-in endpoint sends, whose declaration says which roles may call it (the actions
    /// endpoint sends one per action: ReviewEndpoints.Commands). Endpoints sending none are open to every staff member.
    private static readonly Dictionary<string, Type?> Messages = new(StringComparer.Ordinal)
    {
        ["GET /api/me"] = typeof(Web.Features.Accounts.WhoAmI),
        ["GET /api/tokens"] = typeof(Web.Features.Accounts.ListApiTokens),
        ["DELETE /api/tokens/current"] = typeof(Web.Features.Accounts.RevokeApiToken),
        ["DELETE /api/tokens/{id:long}"] = typeof(Web.Features.Accounts.RevokeApiToken),
        ["GET /api/ratings"] = null,
        ["GET /api/dashboard"] = typeof(Web.Features.Dashboard.GetDeskDashboard),
        ["GET /api/notifications/"] = typeof(Web.Features.Notifications.ListNotifications),
        ["POST /api/notifications/{id:long}/read"] = typeof(Web.Features.Notifications.MarkNotificationRead),
        ["GET /api/claimants/{id:long}"] = typeof(Web.Features.Claims.GetClaimant),
        ["PUT /api/claimants/{id:long}/side"] = typeof(Web.Features.Claims.SetClaimantSide),
        ["GET /api/claims/"] = typeof(Web.Features.Claims.SearchClaims),
        ["POST /api/claims/"] = typeof(Web.Features.Claims.SubmitClaim),
        ["GET /api/claims/similar"] = typeof(Web.Features.Claims.FindSimilarClaims),
        ["GET /api/claims/{id:long}"] = typeof(Web.Features.Claims.GetClaim),
        ["POST /api/claims/{id:long}/appearances"] = typeof(Web.Features.Claims.AddAppearance),
        ["POST /api/claims/{id:long}/deadline"] = typeof(Web.Features.Reminders.ExtendDeadline),
        ["POST /api/claims/{id:long}/snooze"] = typeof(Web.Features.Reminders.SnoozeReminders),
        ["POST /api/claims/{id:long}/evidence"] = typeof(Web.Features.Review.AddEvidence),
        ["DELETE /api/claims/{id:long}/evidence/{evidenceId:long}"] = typeof(Web.Features.Review.RemoveEvidence),
        ["POST /api/claims/{id:long}/links"] = typeof(Web.Features.Claims.LinkClaims),
        ["DELETE /api/claims/{id:long}/links/{linkId:long}"] = typeof(Web.Features.Claims.UnlinkClaims),
        ["POST /api/articles/extract"] = typeof(Web.Features.Intake.ExtractArticle),
        ["POST /api/articles/accept"] = typeof(Web.Features.Intake.AcceptArticle),
        ["POST /api/articles/fetch"] = typeof(Web.Features.Intake.FetchArticle),
    };

    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private static string Concrete(string pattern) => pattern == "/api/tokens/{id:long}" ? "/api/tokens/999999" : ConcreteIds(pattern);

    private static string ConcreteIds(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "{([a-zA-Z]+)(:[^}]*)?}", m => m.Groups[1].Value switch
        {
            "action" => "triage",
            "section" => "states",
            _ => "1",
        });

    [Fact]
    public async Task Every_api_endpoint_is_in_the_matrix_and_refuses_callers_without_a_valid_token_before_writing()
    {
        var endpoints = ApiRoutes.All(app);
        Assert.True(endpoints.Count > 15, $"found only {endpoints.Count} API endpoints");
        var unlisted = endpoints.Where(e => !Matrix.ContainsKey(e)).ToList();
        Assert.True(unlisted.Count == 0, "API endpoints missing from the matrix: " + string.Join(", ", unlisted));
        var gone = Matrix.Keys.Where(k => !endpoints.Contains(k)).ToList();
        Assert.True(gone.Count == 0, "matrix entries for endpoints that no longer exist: " + string.Join(", ", gone));

        // An expired token, a deactivated account's token, a garbage token.
        using var expiredClient = await app.ApiClientAsync("checker");
        var (deactivatedName, deactivatedPassword, deactivated) = await app.NewUserAsync(Web.Infrastructure.Pipeline.Roles.Editor, "leaver");
        using var deactivatedClient = await app.ApiClientAsync(deactivatedName, deactivatedPassword);
        await using (var connection = await app.Db.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE users SET is_active = 0 WHERE id = @UserId", new { deactivated.UserId });
        }

        app.Clock.Advance(TimeSpan.FromDays(31)); // past FactCheck:Security:ApiTokenDays (30)
        using var anonymous = app.CreateClient();
        using var garbage = app.CreateClient();
        garbage.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var callers = new (string Name, HttpClient Client)[] { ("anonymous", anonymous), ("expired token", expiredClient), ("deactivated account", deactivatedClient), ("garbage token", garbage) };

        var checkedCells = 0;
        var wrong = new List<string>();
        foreach (var endpoint in endpoints.Where(e => Matrix.TryGetValue(e, out var access) && access == SignedIn))
        {
            var method = endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)];
            var path = Concrete(endpoint[(method.Length + 1)..]);
            foreach (var (name, client) in callers)
            {
                var audit = await app.ScalarAsync<long>("SELECT count(*) FROM audit_log");
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var response = await client.SendAsync(request);
                checkedCells++;
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    wrong.Add($"{endpoint} by {name}: {(int)response.StatusCode}");
                }

                if (await app.ScalarAsync<long>("SELECT count(*) FROM audit_log") != audit)
                {
                    wrong.Add($"{endpoint} by {name}: refused but wrote an audit row");
                }
            }
        }

        output.WriteLine($"{endpoints.Count} API endpoints ({Matrix.Count(m => m.Value == Public)} public) × {callers.Length} callers without a valid token: {checkedCells} refusals checked");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(checkedCells >= 4 * 15);
    }

    [Fact]
    public async Task Every_signed_in_endpoint_lets_in_exactly_the_roles_its_message_declares_and_refuses_the_rest_with_403_before_writing()
    {
        var signedIn = Matrix.Where(m => m.Value == SignedIn).Select(m => m.Key).ToList();
        var unmapped = signedIn.Where(e => !Messages.ContainsKey(e) && !e.EndsWith("/actions/{action}", StringComparison.Ordinal)).ToList();
        Assert.True(unmapped.Count == 0, "signed-in endpoints without their message: " + string.Join(", ", unmapped));

        // (endpoint as called, the message whose declaration decides) for every endpoint, and every workflow action.
        var cells = signedIn.Where(e => !e.EndsWith("/actions/{action}", StringComparison.Ordinal)).Select(e => (Endpoint: e, Path: Concrete(e[(e.IndexOf(' ', StringComparison.Ordinal) + 1)..]), Message: Messages[e]))
            .Concat(ReviewEndpoints.Commands.Select(a => (Endpoint: "POST /api/claims/{id:long}/actions/{action}", Path: $"/api/claims/1/actions/{a.Key}", Message: (Type?)a.Value)))
            .ToList();
        var roles = new (string Role, string User)[] { (Roles.FactChecker, "checker"), (Roles.Editor, "editor"), (Roles.Admin, "admin") };
        var clients = new Dictionary<string, HttpClient>();
        foreach (var (_, user) in roles)
        {
            clients[user] = await app.ApiClientAsync(user);
        }

        var (allowedCells, refusedCells) = (0, 0);
        var wrong = new List<string>();
        foreach (var (endpoint, path, message) in cells)
        {
            var method = endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)];
            var rule = message is null ? null : Web.Infrastructure.Pipeline.AccessRule.For(message);
            foreach (var (role, user) in roles)
            {
                var allowed = rule is null || rule.Anonymous || rule.AnyStaff || rule.Roles.Contains(role);
                var audit = await app.ScalarAsync<long>("SELECT count(*) FROM audit_log");
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                // Revoking the calling token would sign the shared client out of the rest of the matrix.
                var client = endpoint == "DELETE /api/tokens/current" ? await app.ApiClientAsync(user) : clients[user];
                var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var roleRefusal = response.StatusCode == HttpStatusCode.Forbidden && body.Contains("needs one of the roles", StringComparison.Ordinal);
                var cell = $"{method} {path} ({message?.Name ?? "no message"}) by {role}";
                if (allowed)
                {
                    allowedCells++;
                    if (response.StatusCode == HttpStatusCode.Unauthorized || roleRefusal || (int)response.StatusCode >= 500)
                    {
                        wrong.Add($"{cell}: allowed, but {(int)response.StatusCode} {body}");
                    }
                }
                else
                {
                    refusedCells++;
                    if (!roleRefusal)
                    {
                        wrong.Add($"{cell}: should be refused by role, got {(int)response.StatusCode} {body}");
                    }

                    if (await app.ScalarAsync<long>("SELECT count(*) FROM audit_log") != audit)
                    {
                        wrong.Add($"{cell}: refused but wrote an audit row");
                    }
                }
            }
        }

        output.WriteLine($"{cells.Count} endpoint calls (every workflow action separately) × {roles.Length} roles: {allowedCells} let in, {refusedCells} refused with 403 before writing");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(refusedCells >= 10, $"only {refusedCells} role refusals");
    }

    [Fact]
    public async Task The_public_endpoints_answer_without_a_token()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/claimreviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/tokens", new { username = "checker", password = "wrong" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/tokens", new { username = "checker", password = TestApp.DemoPassword })).StatusCode);
    }
}
