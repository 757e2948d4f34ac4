using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Tests.Review;

namespace FactCheck.Tests.Reminders;

/// POST /api/claims/{id}/deadline and /snooze, as a newsroom integration drives them.
[Collection(SharedAppCollection.Name)]
public sealed class DeadlineApiTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private Task<HttpClient> ClientAsync(string username) => App.ApiClientAsync(username);

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: expected {expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string[] Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(long Version, string DueAt, string? Snoozed, long Audit)> StoredAsync(long id) =>
        (await App.RowsAsync<(long, string, string?, long)>(
            """
            SELECT c.version, l.due_at, l.snoozed_until,
                   (SELECT count(*) FROM audit_log WHERE entity = 'claim' AND entity_id = CAST(c.id AS TEXT))
            FROM claims c JOIN ladders l ON l.claim_id = c.id AND l.ended_at IS NULL WHERE c.id = @id
            """,
            new { id })).Single();

    [Fact]
    public async Task An_editor_moves_the_deadline_and_gets_the_claim_back_with_the_new_deadline()
    {
        var editor = await ClientAsync("editor");
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var version = await review.VersionAsync(id);
        var due = App.Clock.GetUtcNow().AddDays(5);

        var claim = await PostAsync(editor, $"/api/claims/{id}/deadline", new { version, dueAt = Iso(due), reason = "Data due Friday." }, HttpStatusCode.OK);

        Assert.Equal(version + 1, claim.GetProperty("version").GetInt64());
        var deadline = claim.GetProperty("review").GetProperty("deadline");
        Assert.Equal("verdict", deadline.GetProperty("stage").GetString());
        Assert.Equal(due, deadline.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("on-track", deadline.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Array, claim.GetProperty("review").GetProperty("reminders").ValueKind);
        var history = claim.GetProperty("history")[0];
        Assert.Equal("ExtendDeadline", history.GetProperty("action").GetString());
        Assert.Contains("Data due Friday.", history.GetProperty("after").GetString(), StringComparison.Ordinal);

        // A day, due at its end in the newsroom's time zone (Asia/Jakarta, UTC+7).
        var day = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(3);
        claim = await PostAsync(editor, $"/api/claims/{id}/deadline", new { version = version + 1, dueDate = day.ToString("yyyy-MM-dd") }, HttpStatusCode.OK);
        var endOfDay = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        Assert.Equal(endOfDay, claim.GetProperty("review").GetProperty("deadline").GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Field_errors_answer_400_by_field_and_write_nothing()
    {
        var editor = await ClientAsync("editor");
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var version = await review.VersionAsync(id);
        var before = await StoredAsync(id);
        var now = App.Clock.GetUtcNow();

        Assert.Equal(["dueDate"], Fields(await PostAsync(editor, $"/api/claims/{id}/deadline", new { version }, HttpStatusCode.BadRequest)));
        Assert.Equal(["dueAt"], Fields(await PostAsync(editor, $"/api/claims/{id}/deadline",
            new { version, dueAt = Iso(now.AddDays(1)), dueDate = "2099-01-01" }, HttpStatusCode.BadRequest)));
        Assert.Equal(["dueAt"], Fields(await PostAsync(editor, $"/api/claims/{id}/deadline", new { version, dueAt = Iso(now.AddHours(-1)) }, HttpStatusCode.BadRequest)));
        Assert.Equal(["dueAt"], Fields(await PostAsync(editor, $"/api/claims/{id}/deadline", new { version, dueAt = "next friday" }, HttpStatusCode.BadRequest)));
        Assert.Equal(["until"], Fields(await PostAsync(editor, $"/api/claims/{id}/snooze", new { reason = "No time given." }, HttpStatusCode.BadRequest)));
        var tooLong = await PostAsync(editor, $"/api/claims/{id}/snooze", new { until = Iso(now.AddDays(40)) }, HttpStatusCode.BadRequest);
        Assert.Equal("Snooze for 30 days at most.", tooLong.GetProperty("errors").GetProperty("until")[0].GetString());

        Assert.Equal(before, await StoredAsync(id));
    }

    [Fact]
    public async Task A_stale_version_gets_409_and_the_deadline_stays()
    {
        var editor = await ClientAsync("editor");
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var version = await review.VersionAsync(id);
        var before = await StoredAsync(id);

        var conflict = await PostAsync(editor, $"/api/claims/{id}/deadline", new { version = version - 1, dueAt = Iso(App.Clock.GetUtcNow().AddDays(6)) }, HttpStatusCode.Conflict);

        Assert.Contains($"now version {version}", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));
    }

    [Fact]
    public async Task Snoozing_answers_204_and_the_claim_shows_until_when()
    {
        var editor = await ClientAsync("editor");
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("in_review");
        var until = App.Clock.GetUtcNow().AddHours(30);

        await PostAsync(editor, $"/api/claims/{id}/snooze", new { until = Iso(until), reason = "Editors at the election desk." }, HttpStatusCode.NoContent);

        var claim = await editor.GetFromJsonAsync<JsonElement>($"/api/claims/{id}");
        var deadline = claim.GetProperty("review").GetProperty("deadline");
        Assert.Equal("review", deadline.GetProperty("stage").GetString());
        Assert.Equal(until, deadline.GetProperty("snoozedUntil").GetDateTimeOffset());
        Assert.Equal("SnoozeReminders", claim.GetProperty("history")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_fact_checker_gets_403_from_both_and_nothing_is_written()
    {
        var checker = await ClientAsync("checker");
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var before = await StoredAsync(id);

        await PostAsync(checker, $"/api/claims/{id}/deadline",
            new { version = await review.VersionAsync(id), dueAt = Iso(App.Clock.GetUtcNow().AddDays(9)) }, HttpStatusCode.Forbidden);
        await PostAsync(checker, $"/api/claims/{id}/snooze", new { until = Iso(App.Clock.GetUtcNow().AddDays(1)) }, HttpStatusCode.Forbidden);

        Assert.Equal(before, await StoredAsync(id));
    }

    [Fact]
    public async Task A_claim_with_no_running_deadline_gets_a_readable_409()
    {
        var editor = await ClientAsync("editor");
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");

        var extend = await PostAsync(editor, $"/api/claims/{id}/deadline",
            new { version = await review.VersionAsync(id), dueAt = Iso(App.Clock.GetUtcNow().AddDays(2)) }, HttpStatusCode.Conflict);
        var snooze = await PostAsync(editor, $"/api/claims/{id}/snooze", new { until = Iso(App.Clock.GetUtcNow().AddDays(1)) }, HttpStatusCode.Conflict);

        Assert.Contains("no running deadline", extend.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("no running deadline", snooze.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await editor.GetFromJsonAsync<JsonElement>($"/api/claims/{id}")).GetProperty("review").GetProperty("deadline").ValueKind);
    }
}
