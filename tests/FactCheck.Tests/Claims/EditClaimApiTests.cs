using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;

namespace FactCheck.Tests.Claims;

/// PATCH /api/claims/{id} over HTTP with personal tokens: a JSON merge patch with the version last seen.
[Collection(SharedAppCollection.Name)]
public sealed class EditClaimApiTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string json) =>
        client.PatchAsync($"/api/claims/{id}", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Fields_left_out_keep_their_value_and_null_clears_an_optional_one()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("triaged");
        await App.SendAsync(EditClaim.From(await App.QueryAsync(new GetClaim(id), review.Editor)) with { TranslationEn = "Troops shelled a border village", Place = "Tovuz" }, review.Editor);
        var version = await review.VersionAsync(id);
        var client = await App.ApiClientAsync("editor");

        var response = await PatchAsync(client, id, $$"""{"version": {{version}}, "title": "Pasukan menembaki desa di Tovuz", "translationEn": null}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(version + 1, body.GetProperty("version").GetInt64());
        Assert.Equal(["title", "translationEn"], body.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()));
        var claim = (await client.GetFromJsonAsync<JsonElement>($"/api/claims/{id}")).GetProperty("claim");
        Assert.Equal("Pasukan menembaki desa di Tovuz", claim.GetProperty("title").GetString());
        Assert.Equal("Tovuz", claim.GetProperty("place").GetString());
        Assert.Equal(JsonValueKind.Null, claim.GetProperty("translationEn").ValueKind);
        Assert.StartsWith("Pasukan menembaki desa di perbatasan", claim.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_stale_version_is_a_409_problem_and_the_claim_keeps_its_title()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("triaged");
        var version = await review.VersionAsync(id);
        var client = await App.ApiClientAsync("editor");
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(client, id, $$"""{"version": {{version}}, "place": "Ganja"}""")).StatusCode);

        var problem = await ProblemAsync(await PatchAsync(client, id, $$"""{"version": {{version}}, "title": "From a stale copy"}"""), HttpStatusCode.Conflict);

        Assert.Contains("changed since you opened it", problem.GetProperty("detail").GetString());
        Assert.Equal("A claim under review", await App.ScalarAsync<string>("SELECT title FROM claims WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task A_patch_without_a_version_or_with_an_unknown_field_or_a_wrong_type_is_a_400_naming_the_field()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("triaged");
        var version = await review.VersionAsync(id);
        var client = await App.ApiClientAsync("editor");

        var noVersion = await ProblemAsync(await PatchAsync(client, id, """{"title": "No version"}"""), HttpStatusCode.BadRequest);
        Assert.True(noVersion.GetProperty("errors").TryGetProperty("version", out _));

        var unknown = await ProblemAsync(await PatchAsync(client, id, $$"""{"version": {{version}}, "status": "published"}"""), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("status", out _));

        var wrongType = await ProblemAsync(await PatchAsync(client, id, $$"""{"version": {{version}}, "figureLow": "many"}"""), HttpStatusCode.BadRequest);
        Assert.True(wrongType.GetProperty("errors").TryGetProperty("figureLow", out _));

        var tooLong = await ProblemAsync(await PatchAsync(client, id, $$"""{"version": {{version}}, "title": "{{new string('x', 76)}}"}"""), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("title", out _));

        Assert.Equal(version, await review.VersionAsync(id));
    }

    [Fact]
    public async Task A_fact_checker_not_assigned_gets_a_403_and_an_unknown_claim_a_404()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var version = await review.VersionAsync(id);
        var colleague = await App.ApiClientAsync("checker2");

        await ProblemAsync(await PatchAsync(colleague, id, $$"""{"version": {{version}}, "title": "Not mine"}"""), HttpStatusCode.Forbidden);
        await ProblemAsync(await PatchAsync(colleague, 987_654_321, """{"version": 1, "title": "Nobody's"}"""), HttpStatusCode.NotFound);

        Assert.Equal(version, await review.VersionAsync(id));
        var assignee = await App.ApiClientAsync("checker");
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(assignee, id, $$"""{"version": {{version}}, "title": "Mine to correct"}""")).StatusCode);
    }
}
