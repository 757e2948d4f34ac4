using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Tests.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Notifications;

/// GET /api/notifications and POST /api/notifications/{id}/read with bearer tokens, as an integration uses them.
[Collection(SharedAppCollection.Name)]
public sealed class NotificationsApiTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private async Task<(HttpClient Client, Actor Actor)> ClientAsync(string role)
    {
        var (username, password, actor) = await App.NewUserAsync(role);
        return (await App.ApiClientAsync(username, password), actor);
    }

    [Fact]
    public async Task Get_gives_each_notification_in_both_languages_so_an_integration_picks_its_own()
    {
        var (client, me) = await ClientAsync(Roles.FactChecker);
        var review = await ReviewDriver.CreateAsync(App);
        var claimId = await review.NewClaimAsync(title: "Jembatan api dibom");
        await review.TriageAsync(claimId);
        await review.AssignAsync(claimId, me);

        var items = (await client.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray().ToList();

        var assigned = Assert.Single(items, i => i.GetProperty("kind").GetString() == "assigned");
        var texts = assigned.GetProperty("texts");
        Assert.Equal("Ditugaskan kepada Anda: Jembatan api dibom", texts.GetProperty("id").GetProperty("title").GetString());
        Assert.EndsWith("menugaskan klaim ini kepada Anda.", texts.GetProperty("id").GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("Assigned to you: Jembatan api dibom", texts.GetProperty("en").GetProperty("title").GetString());
        Assert.EndsWith("gave you this claim.", texts.GetProperty("en").GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_lists_the_callers_notifications_newest_first_with_exactly_the_contract_fields()
    {
        var (client, me) = await ClientAsync(Roles.FactChecker);
        var (_, other) = await ClientAsync(Roles.FactChecker);
        var claimId = await (await ReviewDriver.CreateAsync(App)).NewClaimAsync();
        var older = await InboxUseCaseTests.NotifyAsync(App, me, "Due soon: api", claimId);
        await InboxUseCaseTests.NotifyAsync(App, other, "Someone else's");
        var newer = await InboxUseCaseTests.NotifyAsync(App, me, "Digest", kind: "digest");
        await App.SendAsync(new Web.Features.Notifications.MarkNotificationRead(newer), me);

        var items = (await client.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray().ToList();

        Assert.Equal([newer, older], items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.All(items, i => Assert.Equal(
            ["body", "claimId", "claimTitle", "createdAt", "id", "kind", "texts", "title", "unread"],
            i.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
        var due = items[1];
        Assert.Equal("due-soon", due.GetProperty("kind").GetString());
        Assert.Equal("Due soon: api", due.GetProperty("title").GetString());
        Assert.Equal("Body of Due soon: api", due.GetProperty("body").GetString());
        Assert.Equal(claimId, due.GetProperty("claimId").GetInt64());
        Assert.True(due.GetProperty("unread").GetBoolean());
        Assert.True(due.GetProperty("createdAt").TryGetDateTimeOffset(out _));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("claimId").ValueKind);
        Assert.False(items[0].GetProperty("unread").GetBoolean());

        var unread = (await client.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true&limit=5")).EnumerateArray();
        Assert.Equal([older], unread.Select(i => i.GetProperty("id").GetInt64()));
        var limited = (await client.GetFromJsonAsync<JsonElement>("/api/notifications?limit=1")).EnumerateArray();
        Assert.Equal([newer], limited.Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/notifications?limit=0")).StatusCode);
    }

    [Fact]
    public async Task Post_read_answers_204_marks_it_read_and_again_is_still_204()
    {
        var (client, me) = await ClientAsync(Roles.Editor);
        var id = await InboxUseCaseTests.NotifyAsync(App, me, "Waiting for review: api", kind: "waiting-for-review");

        var first = await client.PostAsync($"/api/notifications/{id}/read", null);
        var again = await client.PostAsync($"/api/notifications/{id}/read", null);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var item = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray());
        Assert.False(item.GetProperty("unread").GetBoolean());
    }

    [Fact]
    public async Task Post_read_of_someone_elses_notification_answers_404_and_leaves_it_unread()
    {
        var (owner, ownerActor) = await ClientAsync(Roles.FactChecker);
        var (intruder, _) = await ClientAsync(Roles.Editor);
        var id = await InboxUseCaseTests.NotifyAsync(App, ownerActor, "Overdue: private");

        var response = await intruder.PostAsync($"/api/notifications/{id}/read", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await intruder.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray());
        Assert.True(Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray()).GetProperty("unread").GetBoolean());
    }

    [Fact]
    public async Task Without_a_token_both_routes_answer_401()
    {
        var (_, me) = await ClientAsync(Roles.FactChecker);
        var id = await InboxUseCaseTests.NotifyAsync(App, me, "Due soon: anonymous");
        var anonymous = App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE id = @id AND read_at IS NOT NULL", new { id }));
    }
}
