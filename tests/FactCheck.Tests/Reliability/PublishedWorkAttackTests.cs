using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FactCheck.Tests.Reliability;

/// The security review's findings, replayed as the reviewer did them: signed in as checker2 (assigned to nothing), take
/// the flagship verdict off the public site by merging it into a claim just recorded, or put an attacker's address on it
/// as an appearance. Both are refused with a 403 naming the rule, and readers see the verdict as before.
public sealed class PublishedWorkAttackTests : IDisposable
{
    private const string Flagship = "/verdicts/azerbaijani-forces-attacked-buildings-in-stepanakert-1";

    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private async Task<(string Page, string Home, string Feed, string Reviews, long Audit)> PublicStateAsync()
    {
        var reader = app.CreateClient();
        var page = await reader.GetAsync(Flagship);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (await page.Content.ReadAsStringAsync(), await reader.GetStringAsync("/"), await reader.GetStringAsync("/feeds/verdicts.atom"),
            await reader.GetStringAsync("/api/claimreviews"), await app.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task A_fact_checker_cannot_merge_a_published_verdict_into_a_claim_they_just_recorded()
    {
        var checker2 = await app.ApiClientAsync("checker2");
        var created = await checker2.PostAsJsonAsync("/api/claims", new
        {
            title = "Nothing happened in Stepanakert", text = "Tidak ada yang terjadi", language = "id", claimantName = "Someone", claimantKind = "person",
        });
        var fresh = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var before = await PublicStateAsync();

        var merge = await checker2.PostAsJsonAsync("/api/claims/1/links", new { toClaimId = fresh, relation = "same-as" });
        // The other way round, and from the new-claim form, are the same change to the published claim.
        var mergeInto = await checker2.PostAsJsonAsync($"/api/claims/{fresh}/links", new { toClaimId = 1, relation = "same-as" });
        var fromForm = await checker2.PostAsJsonAsync("/api/claims", new
        {
            title = "A duplicate", text = "Duplikat " + Guid.NewGuid().ToString("N"), language = "id", claimantName = "Someone", claimantKind = "person",
            links = new[] { new { toClaimId = 1, relation = "same-as" } },
        });

        Assert.All(new[] { merge, mergeInto, fromForm }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("application/problem+json", merge.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Only an editor", (await merge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await PublicStateAsync());
        Assert.Equal("published", await app.ScalarAsync<string>("SELECT status FROM claims WHERE id = 1"));
    }

    [Fact]
    public async Task A_fact_checker_cannot_add_an_appearance_to_a_published_claim()
    {
        var checker2 = await app.ApiClientAsync("checker2");
        var before = await PublicStateAsync();

        var response = await checker2.PostAsJsonAsync("/api/claims/1/appearances", new { url = "https://attacker.example/x", outlet = "Reuters" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await PublicStateAsync());
        Assert.DoesNotContain("attacker.example", before.Page, StringComparison.Ordinal);
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM appearances WHERE url LIKE 'https://attacker.example/%'"));
    }

    [Fact]
    public async Task An_editor_may_merge_a_published_claim_and_its_address_answers_301_to_the_survivor_which_says_what_was_merged()
    {
        var editor = await app.ApiClientAsync("editor");
        var survivor = await app.ScalarAsync<long>("SELECT id FROM claims WHERE status = 'triaged' ORDER BY id LIMIT 1");
        var survivorSlug = await app.ScalarAsync<string>("SELECT slug FROM claims WHERE id = @survivor", new { survivor });

        var intoNew = await editor.PostAsJsonAsync("/api/claims/1/links", new
        {
            toClaimId = await app.ScalarAsync<long>("SELECT id FROM claims WHERE status = 'new' ORDER BY id LIMIT 1"), relation = "same-as",
        });
        var merged = await editor.PostAsJsonAsync("/api/claims/1/links", new { toClaimId = survivor, relation = "same-as" });

        Assert.Equal(HttpStatusCode.Conflict, intoNew.StatusCode);
        Assert.Equal(HttpStatusCode.Created, merged.StatusCode);
        var reader = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = app.ClientOptions.BaseAddress });
        var old = await reader.GetAsync(Flagship);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"https://localhost/verdicts/{survivorSlug}", old.Headers.Location!.OriginalString);
        var page = await reader.GetStringAsync($"/verdicts/{survivorSlug}");
        Assert.Contains("Azerbaijani forces attacked buildings in Stepanakert", page, StringComparison.Ordinal);
        Assert.Contains("was merged into this one", page, StringComparison.Ordinal);
    }
}
