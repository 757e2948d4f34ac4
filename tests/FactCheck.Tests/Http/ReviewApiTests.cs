using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FactCheck.Tests.Review;

namespace FactCheck.Tests.Http;

/// The workflow through POST /api/claims/{id}/actions/{action}, as a newsroom integration drives it.
[Collection(SharedAppCollection.Name)]
public sealed class ReviewApiTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private Task<HttpClient> ClientAsync(string username) => App.ApiClientAsync(username);

    private static async Task<JsonElement> ActAsync(HttpClient client, long id, string action, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync($"/api/claims/{id}/actions/{action}", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(expected == response.StatusCode, $"{action}: expected {expected}, got {(int)response.StatusCode}: {json}");
        return json;
    }

    private static long Version(JsonElement claim) => claim.GetProperty("version").GetInt64();

    private async Task<long> AuditRowsAsync(long id) =>
        await App.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'claim' AND entity_id = CAST(@id AS TEXT)", new { id });

    [Fact]
    public async Task The_golden_path_runs_through_the_api_with_allowed_actions_at_each_step()
    {
        var editor = await ClientAsync("editor");
        var editor2 = await ClientAsync("editor2");
        var checker = await ClientAsync("checker");
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync(kind: "statement");

        var claim = await editor.GetFromJsonAsync<JsonElement>($"/api/claims/{id}");
        Assert.Equal("new", claim.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, claim.GetProperty("verdict").ValueKind);
        Assert.Equal(["triage", "reject", "reassign"], claim.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Empty((await checker.GetFromJsonAsync<JsonElement>($"/api/claims/{id}")).GetProperty("allowedActions").EnumerateArray());

        claim = await ActAsync(editor, id, "triage", new { version = Version(claim), priority = "high" }, HttpStatusCode.OK);
        claim = await ActAsync(editor, id, "assign", new { version = Version(claim), assigneeId = review.Checker.UserId, dueDate = review.Tomorrow.ToString("yyyy-MM-dd") }, HttpStatusCode.OK);
        Assert.Equal("assigned", claim.GetProperty("status").GetString());
        Assert.Equal("Budi Checker", claim.GetProperty("review").GetProperty("assignee").GetProperty("name").GetString());

        claim = await checker.GetFromJsonAsync<JsonElement>($"/api/claims/{id}");
        Assert.Equal(["start"], claim.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToArray());
        claim = await ActAsync(checker, id, "start", new { version = Version(claim) }, HttpStatusCode.OK);
        var evidence = await checker.PostAsJsonAsync($"/api/claims/{id}/evidence", new { url = "https://example.org/baku-statement", title = "Baku's statement", stance = "refutes" });
        Assert.Equal(HttpStatusCode.Created, evidence.StatusCode);
        claim = await ActAsync(checker, id, "submit", new
        {
            version = Version(claim) ,
            rating = "mostly-false",
            attribution = "confirmed",
            summary = "Kementerian membantah; citra satelit menunjukkan gedung utuh.",
            explanation = "Citra satelit dari dua penyedia menunjukkan gedung-gedung itu **utuh**.",
        }, HttpStatusCode.OK);
        Assert.Equal("in_review", claim.GetProperty("status").GetString());

        var refused = await ActAsync(checker, id, "approve", new { version = Version(claim) }, HttpStatusCode.Forbidden);
        Assert.Contains("editor", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        claim = await ActAsync(editor2, id, "request-changes", new { version = Version(claim), comment = "Tambahkan sumber kedua." }, HttpStatusCode.OK);
        claim = await ActAsync(checker, id, "submit", new
        {
            version = Version(claim),
            rating = "false",
            attribution = "confirmed",
            summary = "Citra satelit dan saksi menunjukkan gedung utuh.",
            explanation = "Dua sumber independen.",
        }, HttpStatusCode.OK);
        claim = await ActAsync(editor2, id, "approve", new { version = Version(claim), note = "Setuju." }, HttpStatusCode.OK);

        Assert.Equal("published", claim.GetProperty("status").GetString());
        var verdict = claim.GetProperty("verdict");
        Assert.Equal(("false", "Salah", 1, "confirmed"), (verdict.GetProperty("rating").GetString(), verdict.GetProperty("ratingLabelId").GetString(), verdict.GetProperty("ratingValue").GetInt32(), verdict.GetProperty("attribution").GetString()));
        Assert.Equal("Setuju.", verdict.GetProperty("votes")[0].GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_stale_version_gets_409_with_the_current_state_and_nothing_is_overwritten()
    {
        var editor = await ClientAsync("editor");
        var editor2 = await ClientAsync("editor2");
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var seen = await editor.GetFromJsonAsync<JsonElement>($"/api/claims/{id}");
        await ActAsync(editor2, id, "triage", new { version = Version(seen), priority = "low" }, HttpStatusCode.OK);
        var audits = await AuditRowsAsync(id);

        var conflict = await ActAsync(editor, id, "triage", new { version = Version(seen), priority = "high" }, HttpStatusCode.Conflict);

        var current = conflict.GetProperty("current");
        Assert.Equal(("triaged", Version(seen) + 1), (current.GetProperty("status").GetString(), current.GetProperty("version").GetInt64()));
        Assert.Contains("assign", current.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("low", await App.ScalarAsync<string>("SELECT priority FROM claims WHERE id = @id", new { id }));
        Assert.Equal(audits, await AuditRowsAsync(id));
    }

    [Fact]
    public async Task Refusals_say_why_with_403_for_the_person_and_409_for_the_state()
    {
        var checker2 = await ClientAsync("checker2");
        var editor = await ClientAsync("editor");
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var version = await review.VersionAsync(id);

        var notAssignee = await ActAsync(checker2, id, "start", new { version }, HttpStatusCode.Forbidden);
        Assert.Contains("Budi Checker", notAssignee.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var wrongState = await ActAsync(editor, id, "approve", new { version }, HttpStatusCode.Conflict);
        Assert.Contains("in review", wrongState.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("assigned", wrongState.GetProperty("current").GetProperty("status").GetString());
        var unknown = await editor.PostAsJsonAsync($"/api/claims/{id}/actions/publish-now", new { version });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("request-changes", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version, await review.VersionAsync(id));
    }

    [Fact]
    public async Task Bad_action_fields_get_400_naming_each_field_and_write_nothing()
    {
        var editor = await ClientAsync("editor");
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var audits = await AuditRowsAsync(id);

        var missing = await ActAsync(editor, id, "triage", new { priority = "urgent" }, HttpStatusCode.BadRequest);
        var errors = missing.GetProperty("errors");
        Assert.True(errors.TryGetProperty("version", out _), missing.ToString());
        Assert.True(errors.TryGetProperty("priority", out _), missing.ToString());

        var past = await ActAsync(editor, id, "triage", new { version = 1, priority = "high", dueDate = "2020-10-24" }, HttpStatusCode.BadRequest);
        Assert.True(past.GetProperty("errors").TryGetProperty("dueDate", out _), past.ToString());

        var wrongType = await ActAsync(editor, id, "triage", new { version = "one", priority = "high" }, HttpStatusCode.BadRequest);
        Assert.True(wrongType.GetProperty("errors").TryGetProperty("version", out _), wrongType.ToString());

        var notJson = await editor.PostAsync($"/api/claims/{id}/actions/triage", new StringContent("{version: 1", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);

        var badEvidence = await editor.PostAsJsonAsync($"/api/claims/{id}/evidence", new { url = "javascript:alert(1)", title = "x", stance = "refutes" });
        Assert.Equal(HttpStatusCode.BadRequest, badEvidence.StatusCode);
        Assert.Contains("\"url\"", await badEvidence.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(audits, await AuditRowsAsync(id));
        Assert.Equal("new", await review.StatusAsync(id));
    }

    [Fact]
    public async Task Actions_need_a_bearer_token_and_the_claim_id_comes_from_the_address()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var other = await review.NewClaimAsync();

        var anonymous = await App.CreateClient().PostAsJsonAsync($"/api/claims/{id}/actions/triage", new { version = 1, priority = "high" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var editor = await ClientAsync("editor");
        await ActAsync(editor, id, "triage", new { claimId = other, version = 1, priority = "high" }, HttpStatusCode.OK);
        Assert.Equal(("triaged", "new"), (await review.StatusAsync(id), await review.StatusAsync(other)));
    }

    [Fact]
    public async Task The_rating_scale_lists_bilingual_labels_and_claimreview_values()
    {
        var client = await ClientAsync("checker");

        var scale = await client.GetFromJsonAsync<JsonElement>("/api/ratings");

        var ratings = scale.GetProperty("ratings").EnumerateArray().ToList();
        Assert.Equal(["true", "mostly-true", "mixed", "mostly-false", "false", "misleading", "unverified"], ratings.Select(r => r.GetProperty("key").GetString()!).ToArray());
        Assert.Equal("Belum terverifikasi", ratings[^1].GetProperty("labelId").GetString());
        Assert.Equal(JsonValueKind.Null, ratings[^1].GetProperty("value").ValueKind);
        Assert.Equal(5, ratings[0].GetProperty("value").GetInt32());
    }
}
