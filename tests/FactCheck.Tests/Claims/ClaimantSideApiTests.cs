using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FactCheck.Tests.Claims;

/// PUT /api/claimants/{id}/side over HTTP with personal tokens, on the shared app.
[Collection(SharedAppCollection.Name)]
public sealed class ClaimantSideApiTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string?> StoredSideAsync(long id) => Assert.Single(await App.RowsAsync<string?>("SELECT side FROM claimants WHERE id = @id", new { id }));

    [Fact]
    public async Task An_editor_sets_and_clears_a_side_and_gets_the_new_version_back()
    {
        var claimant = await NewClaimant.CreateAsync(App);
        var client = await App.ApiClientAsync("editor");

        var set = await client.PutAsJsonAsync($"/api/claimants/{claimant.Id}/side", new { side = " Armenia ", version = 1 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var body = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((claimant.Id, "Armenia", 2L), (body.GetProperty("id").GetInt64(), body.GetProperty("side").GetString(), body.GetProperty("version").GetInt64()));
        var read = (await client.GetFromJsonAsync<JsonElement>($"/api/claimants/{claimant.Id}")).GetProperty("claimant");
        Assert.Equal(("Armenia", 2L), (read.GetProperty("side").GetString(), read.GetProperty("version").GetInt64()));

        var cleared = await client.PutAsJsonAsync($"/api/claimants/{claimant.Id}/side", new { side = "", version = 2 });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var after = await cleared.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((JsonValueKind.Null, 3L), (after.GetProperty("side").ValueKind, after.GetProperty("version").GetInt64()));
        Assert.Null(await StoredSideAsync(claimant.Id));
    }

    [Fact]
    public async Task A_side_too_long_is_a_400_problem_naming_side()
    {
        var claimant = await NewClaimant.CreateAsync(App, side: "Iran");
        var client = await App.ApiClientAsync("editor");

        var problem = await ProblemAsync(
            await client.PutAsJsonAsync($"/api/claimants/{claimant.Id}/side", new { side = new string('x', 101), version = 1 }), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("side", out var side), $"no error for side: {errors}");
        Assert.Contains("100 characters", side[0].GetString());
        Assert.Equal("Iran", await StoredSideAsync(claimant.Id));
    }

    [Fact]
    public async Task A_stale_version_is_a_409_problem_with_the_current_side_and_nothing_is_overwritten()
    {
        var claimant = await NewClaimant.CreateAsync(App, side: "Russia");
        var client = await App.ApiClientAsync("editor");
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/claimants/{claimant.Id}/side", new { side = "Iran", version = 1 })).StatusCode);

        var problem = await ProblemAsync(
            await client.PutAsJsonAsync($"/api/claimants/{claimant.Id}/side", new { side = "Armenia", version = 1 }), HttpStatusCode.Conflict);

        Assert.Contains("changed since you loaded it", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var current = problem.GetProperty("current");
        Assert.Equal(("Iran", 2L), (current.GetProperty("side").GetString(), current.GetProperty("version").GetInt64()));
        Assert.Equal("Iran", await StoredSideAsync(claimant.Id));
    }

    [Fact]
    public async Task An_unknown_claimant_is_a_404_problem()
    {
        var client = await App.ApiClientAsync("editor");

        await ProblemAsync(await client.PutAsJsonAsync("/api/claimants/987654321/side", new { side = "Armenia", version = 1 }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_an_editor_may_set_a_side_and_a_caller_without_a_token_is_401()
    {
        var claimant = await NewClaimant.CreateAsync(App, side: "Azerbaijan");
        var checker = await App.ApiClientAsync("checker");

        var forbidden = await checker.PutAsJsonAsync($"/api/claimants/{claimant.Id}/side", new { side = "Armenia", version = 1 });
        var anonymous = await App.CreateClient().PutAsJsonAsync($"/api/claimants/{claimant.Id}/side", new { side = "Armenia", version = 1 });

        await ProblemAsync(forbidden, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Azerbaijan", await StoredSideAsync(claimant.Id));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_side_endpoint()
    {
        var paths = (await App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/claimants/{id}/side").TryGetProperty("put", out _));
    }
}
