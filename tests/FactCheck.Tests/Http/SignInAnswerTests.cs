using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Infrastructure.Pipeline;
using Xunit.Abstractions;

namespace FactCheck.Tests.Http;

/// Whoever tries to sign in learns nothing about the account from the answer: an unknown username, a wrong password, a
/// deactivated account and a locked one get the same status and message, on the form and from POST /api/tokens, after
/// the same work (one password hash check each, so roughly the same time).
public sealed partial class SignInAnswerTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 5;

    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    /// The four kinds of failure; wrong passwords each go to an account of their own, so none of them locks.
    private async Task<Dictionary<string, Func<int, (string Username, string Password)>>> FailuresAsync()
    {
        var wrong = new List<string>();
        for (var i = 0; i < Rounds + 1; i++)
        {
            wrong.Add((await app.NewUserAsync(Roles.FactChecker, "wrong")).Username);
        }

        var (gone, gonePassword, goneActor) = await app.NewUserAsync(Roles.FactChecker, "gone");
        await app.SendAsync(new SetUserActive(goneActor.UserId!.Value, 1, Active: false), Actor.System);
        var (locked, lockedPassword, _) = await app.NewUserAsync(Roles.FactChecker, "locked");
        for (var i = 0; i < 5; i++)
        {
            await app.CreateClient().PostAsJsonAsync("/api/tokens", new { username = locked, password = "guess-" + i });
        }

        return new()
        {
            ["unknown user"] = i => ($"nobody-{i}-{Guid.NewGuid():N}"[..20], "whatever-password"),
            ["wrong password"] = i => (wrong[i], "not-the-password"),
            ["deactivated"] = _ => (gone, gonePassword),
            ["locked"] = _ => (locked, lockedPassword),
        };
    }

    [Fact]
    public async Task The_api_answers_every_failure_with_the_same_401_problem_in_about_the_same_time()
    {
        var failures = await FailuresAsync();
        var client = app.CreateClient();
        var answers = new Dictionary<string, HashSet<string>>();
        var times = failures.Keys.ToDictionary(k => k, _ => new List<double>());
        for (var round = 0; round < Rounds; round++)
        {
            // Interleaved, so a busy moment on the machine slows every kind alike.
            foreach (var (kind, credentials) in failures)
            {
                var (username, password) = credentials(round);
                var started = Stopwatch.GetTimestamp();
                var response = await client.PostAsJsonAsync("/api/tokens", new { username, password });
                times[kind].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                var answer = $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {problem.GetProperty("title")} {problem.GetProperty("detail")}";
                (answers.TryGetValue(kind, out var seen) ? seen : answers[kind] = []).Add(answer);
            }
        }

        var distinct = answers.Values.SelectMany(a => a).Distinct().ToList();
        Assert.Equal([$"401 application/problem+json Sign-in failed {Credentials.InvalidMessage}"], distinct);
        var medians = times.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(Rounds / 2));
        output.WriteLine(string.Join(", ", medians.Select(m => $"{m.Key} {m.Value:F1} ms")));
        // Every failure does one full password hash check; an early answer (a skipped check) would be many times faster.
        Assert.True(medians.Values.Min() >= 0.4 * medians.Values.Max(), "median times differ too much: " + string.Join(", ", medians.Select(m => $"{m.Key} {m.Value:F1} ms")));
    }

    [Fact]
    public async Task The_sign_in_form_answers_every_failure_with_the_same_page_and_message()
    {
        var failures = await FailuresAsync();
        var pages = new List<string>();
        foreach (var (kind, credentials) in failures)
        {
            var (username, password) = credentials(Rounds);
            var response = await app.SignInAsync(app.Browser(), username, password);
            var error = LoginError().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
            pages.Add($"{(int)response.StatusCode} {response.Headers.Location} {WebUtility.HtmlDecode(error)}");
        }

        Assert.Equal([$"400  {Credentials.InvalidMessage}"], pages.Distinct());
    }

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();
}
