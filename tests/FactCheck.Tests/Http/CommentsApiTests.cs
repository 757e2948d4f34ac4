using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Tests.Review;

namespace FactCheck.Tests.Http;

/// /api/claims/{id}/comments, /api/claims/{id}/follow and the kind and claim on /api/notifications, over HTTP with tokens.
[Collection(SharedAppCollection.Name)]
public sealed class CommentsApiTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task Staff_comment_list_and_edit_over_the_api()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var id = await r.NewClaimAsync(title: "Comment API claim");
        var checker = await App.ApiClientAsync("checker");
        var editor = await App.ApiClientAsync("editor");

        var posted = await checker.PostAsJsonAsync($"/api/claims/{id}/comments", new { body = "Source is the **district office**." });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var comment = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var commentId = comment.GetProperty("id").GetInt64();
        Assert.Equal($"/api/claims/{id}/comments/{commentId}", posted.Headers.Location!.OriginalString);
        Assert.Contains("<strong>district office</strong>", comment.GetProperty("html").GetString());
        Assert.Equal("checker", comment.GetProperty("authorUsername").GetString());

        var list = await editor.GetFromJsonAsync<JsonElement>($"/api/claims/{id}/comments");
        Assert.Equal(commentId, Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt64());

        var theirs = await editor.PatchAsJsonAsync($"/api/claims/{id}/comments/{commentId}", new { body = "Not mine", version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        var edited = await checker.PatchAsJsonAsync($"/api/claims/{id}/comments/{commentId}", new { body = "Source is the district office, by phone.", version = 1 });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(2, (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        var stale = await checker.PatchAsJsonAsync($"/api/claims/{id}/comments/{commentId}", new { body = "Again", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Bad_comments_answer_400_naming_the_body_and_an_unknown_claim_404()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var id = await r.NewClaimAsync();
        var checker = await App.ApiClientAsync("checker");

        foreach (var body in new[] { new string('x', 10_001), "Ask @ghost-user about it", "" })
        {
            var response = await checker.PostAsJsonAsync($"/api/claims/{id}/comments", new { body });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), body);
        }

        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM claim_comments WHERE claim_id = @id", new { id }));
        Assert.Equal(HttpStatusCode.NotFound, (await checker.PostAsJsonAsync($"/api/claims/{long.MaxValue}/comments", new { body = "Hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await checker.GetAsync($"/api/claims/{long.MaxValue}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync($"/api/claims/{id}/comments")).StatusCode);
    }

    [Fact]
    public async Task Follow_over_the_api_and_notifications_carry_their_kind_and_claim()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var id = await r.NewClaimAsync(title: "Followed over the API");
        var editor2 = await App.ApiClientAsync("editor2");

        Assert.False((await editor2.GetFromJsonAsync<JsonElement>($"/api/claims/{id}/follow")).GetProperty("following").GetBoolean());
        var followed = await (await editor2.PutAsync($"/api/claims/{id}/follow", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("chose", true), (followed.GetProperty("reason").GetString(), followed.GetProperty("following").GetBoolean()));

        await r.TriageAsync(id);

        var items = await editor2.GetFromJsonAsync<JsonElement>("/api/notifications?limit=5");
        var item = items.EnumerateArray().First(n => n.GetProperty("claimId").ValueKind == JsonValueKind.Number && n.GetProperty("claimId").GetInt64() == id);
        Assert.Equal("claim-changed", item.GetProperty("kind").GetString());
        Assert.Equal("Followed over the API", item.GetProperty("claimTitle").GetString());

        var unfollowed = await (await editor2.DeleteAsync($"/api/claims/{id}/follow")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(unfollowed.GetProperty("following").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await editor2.PutAsync($"/api/claims/{long.MaxValue}/follow", null)).StatusCode);
    }

    [Fact]
    public async Task Notification_settings_over_the_api()
    {
        var (username, password, _) = await App.NewUserAsync("factchecker");
        var client = await App.ApiClientAsync(username, password);

        var put = await client.PutAsJsonAsync("/api/notifications/settings/mention", new { delivery = "email" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var settings = await client.GetFromJsonAsync<JsonElement>("/api/notifications/settings");
        Assert.Equal("email", settings.EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "mention").GetProperty("delivery").GetString());
        var bad = await client.PutAsJsonAsync("/api/notifications/settings/mention", new { delivery = "fax" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("delivery", out _));
    }
}
