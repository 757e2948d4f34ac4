using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

/// Correcting a claimant and merging two records of one claimant: through the pipeline, the API and the public page.
[Collection(SharedAppCollection.Name)]
public sealed class ClaimantCorrectionTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private async Task<(ReviewDriver Review, long ClaimId, ClaimantFields Claimant)> PublishedClaimOfAsync(string name)
    {
        var review = await ReviewDriver.CreateAsync(App);
        var claimId = await review.ClaimInStateAsync("published", claimant: name);
        var claimant = (await App.QueryAsync(new GetClaim(claimId), review.Editor)).Claimant;
        return (review, claimId, (await App.QueryAsync(new GetClaimant(claimant.Id), review.Editor)).Claimant);
    }

    [Fact]
    public async Task An_editor_corrects_a_claimant_and_readers_see_the_description_on_the_public_page()
    {
        var (review, _, claimant) = await PublishedClaimOfAsync(Unique("Kemenhan"));
        var name = Unique("Kementerian Pertahanan");

        var version = await App.SendAsync(
            EditClaimant.From(claimant) with { Name = $"  {name} ", Kind = "government", Description = "Defence ministry of <b>the republic</b>.", ReferenceUrl = "https://example.org/kemenhan" },
            review.Editor);

        Assert.Equal(claimant.Version + 1, version);
        var stored = (await App.QueryAsync(new GetClaimant(claimant.Id), review.Checker)).Claimant;
        Assert.Equal((name, "government", "Defence ministry of <b>the republic</b>.", "https://example.org/kemenhan"), (stored.Name, stored.Kind, stored.Description, stored.ReferenceUrl));
        var html = await App.CreateClient().GetStringAsync($"/claimants/{claimant.Id}/verdicts");
        Assert.Contains("Defence ministry of &lt;b&gt;the republic&lt;/b&gt;.", html);
        Assert.Contains("href=\"https://example.org/kemenhan\"", html);
        Assert.Contains(name, html);
    }

    [Fact]
    public async Task Only_editors_correct_a_claimant_a_name_another_has_is_refused_and_a_stale_copy_conflicts()
    {
        var (review, _, claimant) = await PublishedClaimOfAsync(Unique("Juru bicara"));
        var (_, _, other) = await PublishedClaimOfAsync(Unique("Jubir"));

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(EditClaimant.From(claimant) with { Name = "Renamed by a checker" }, review.Checker));
        var taken = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(EditClaimant.From(claimant) with { Name = other.Name.ToUpperInvariant(), Kind = other.Kind }, review.Editor));
        Assert.Contains("merge the two instead", Assert.Single(taken.Errors[nameof(EditClaimant.Name)]));
        var badLink = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(EditClaimant.From(claimant) with { ReferenceUrl = "javascript:alert(1)" }, review.Editor));
        Assert.Equal([nameof(EditClaimant.ReferenceUrl)], badLink.Errors.Keys);
        await App.SendAsync(EditClaimant.From(claimant) with { Affiliation = "Kementerian" }, review.Editor);
        await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(EditClaimant.From(claimant) with { Affiliation = "Stale" }, review.Editor));

        Assert.Equal((claimant.Name, "Kementerian"), ((await App.QueryAsync(new GetClaimant(claimant.Id), review.Editor)).Claimant is var now ? (now.Name, now.Affiliation) : default));
    }

    [Fact]
    public async Task Merging_moves_the_claims_redirects_the_old_public_address_and_finds_the_kept_claimant_by_the_old_name()
    {
        var (review, claimId, merged) = await PublishedClaimOfAsync(Unique("Kemenlu"));
        var (_, _, kept) = await PublishedClaimOfAsync(Unique("Kementerian Luar Negeri"));

        var result = await App.SendAsync(new MergeClaimants(merged.Id, kept.Id), review.Editor);

        Assert.Equal([claimId], result.MovedClaimIds);
        Assert.Equal(kept.Id, (await App.QueryAsync(new GetClaim(claimId), review.Editor)).Claimant.Id);
        Assert.Equal(kept.Id, (await App.QueryAsync(new GetClaimant(merged.Id), review.Editor)).Claimant.MergedIntoId);
        var reader = App.Browser();
        var old = await reader.GetAsync($"/claimants/{merged.Id}/verdicts");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.EndsWith($"/claimants/{kept.Id}/verdicts", old.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/claimants/{kept.Id}/verdicts")).StatusCode);

        var again = await App.SendAsync(new SubmitClaim { Title = "Said again", Text = "Kata-kata yang sama", Language = "id", ClaimantName = merged.Name, ClaimantKind = merged.Kind }, review.Checker);
        Assert.Equal(kept.Id, again.ClaimantId);
        Assert.DoesNotContain(await App.QueryAsync(new SuggestClaimants(merged.Name), review.Checker), c => c.Id == merged.Id);
    }

    [Fact]
    public async Task A_merge_into_itself_an_unknown_or_a_merged_claimant_is_refused_and_nothing_moves()
    {
        var (review, claimId, first) = await PublishedClaimOfAsync(Unique("Pemkot"));
        var (_, _, second) = await PublishedClaimOfAsync(Unique("Pemerintah Kota"));
        var (_, _, third) = await PublishedClaimOfAsync(Unique("Wali Kota"));
        await App.SendAsync(new MergeClaimants(third.Id, second.Id), review.Editor);

        Assert.Equal([nameof(MergeClaimants.IntoClaimantId)], (await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new MergeClaimants(first.Id, first.Id), review.Editor))).Errors.Keys);
        Assert.Equal([nameof(MergeClaimants.IntoClaimantId)], (await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new MergeClaimants(first.Id, 987_654_321), review.Editor))).Errors.Keys);
        Assert.Equal([nameof(MergeClaimants.IntoClaimantId)], (await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new MergeClaimants(first.Id, third.Id), review.Editor))).Errors.Keys);
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new MergeClaimants(first.Id, second.Id), review.Checker));

        Assert.Equal(first.Id, (await App.QueryAsync(new GetClaim(claimId), review.Editor)).Claimant.Id);
    }

    [Fact]
    public async Task Over_the_api_a_claimant_is_patched_and_merged_and_bad_fields_are_named()
    {
        var (_, _, claimant) = await PublishedClaimOfAsync(Unique("Polda"));
        var (_, _, kept) = await PublishedClaimOfAsync(Unique("Kepolisian Daerah"));
        var editor = await App.ApiClientAsync("editor");
        var checker = await App.ApiClientAsync("checker");
        Task<HttpResponseMessage> Patch(HttpClient client, string json) =>
            client.PatchAsync($"/api/claimants/{claimant.Id}", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, (await Patch(checker, $$"""{"version": {{claimant.Version}}, "description": "x"}""")).StatusCode);
        var unknown = await Patch(editor, $$"""{"version": {{claimant.Version}}, "mergedIntoId": 1}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("mergedIntoId", out _));
        var patched = await Patch(editor, $$"""{"version": {{claimant.Version}}, "description": "Regional police"}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var body = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Regional police", claimant.Name, claimant.Version + 1), (body.GetProperty("description").GetString(), body.GetProperty("name").GetString(), body.GetProperty("version").GetInt64()));

        var merge = await editor.PostAsJsonAsync($"/api/claimants/{claimant.Id}/merge", new { intoClaimantId = kept.Id });
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        Assert.Equal(kept.Id, (await editor.GetFromJsonAsync<JsonElement>($"/api/claimants/{claimant.Id}")).GetProperty("claimant").GetProperty("mergedIntoId").GetInt64());
    }
}
