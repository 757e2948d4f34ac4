using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FactCheck.Tests.Http;

[Collection(SharedAppCollection.Name)]
public sealed class ClaimsApiTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private Task<HttpClient> ClientAsync(string username) => App.ApiClientAsync(username);

    private static object NewClaim(string text) => new
    {
        title = "Shelling reported near the border",
        text,
        language = "id",
        translationEn = "Shelling was reported near the border.",
        claimantName = "Kementerian Luar Negeri Armenia",
        claimantKind = "government",
        claimantAffiliation = "Armenia",
        saidOn = "2020-10-21",
        place = "Syunik",
        kind = "figure",
        figureLow = 12,
        figureHigh = 15,
        figureUnit = "shells",
        figureAsOf = "2020-10-21",
        topics = new[] { "nagorno-karabakh", "shelling" },
        appearanceUrl = "https://example.org/armenia-mfa",
        appearanceOutlet = "Example Wire",
    };

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task A_claim_round_trips_through_the_api_with_its_appearance_links_and_claimant()
    {
        var client = await ClientAsync("editor");
        var text = $"Penembakan dilaporkan di dekat perbatasan {Guid.NewGuid():N}";

        var created = await client.PostAsJsonAsync("/api/claims", NewClaim(text));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal($"/api/claims/{id}", created.Headers.Location!.OriginalString);

        var accusation = await App.ScalarAsync<long>("SELECT id FROM claims WHERE title = 'Azerbaijani forces attacked buildings in Stepanakert'");
        var linked = await client.PostAsJsonAsync($"/api/claims/{id}/links", new { toClaimId = accusation, relation = "supports", note = "Same pattern of shelling" });
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        var appearance = await client.PostAsJsonAsync($"/api/claims/{id}/appearances", new { url = "https://example.org/repeat", outlet = "Other", publishedOn = "2020-10-22" });
        Assert.Equal(HttpStatusCode.Created, appearance.StatusCode);

        var claim = await client.GetFromJsonAsync<JsonElement>($"/api/claims/{id}");
        var fields = claim.GetProperty("claim");
        Assert.Equal(text, fields.GetProperty("text").GetString());
        Assert.Equal("new", fields.GetProperty("status").GetString());
        Assert.Equal(1, fields.GetProperty("version").GetInt64());
        Assert.Equal(15, fields.GetProperty("figureHigh").GetDouble());
        Assert.Equal("2020-10-21", fields.GetProperty("saidOn").GetString());
        Assert.Equal("Kementerian Luar Negeri Armenia", claim.GetProperty("claimant").GetProperty("name").GetString());
        Assert.Equal(["nagorno-karabakh", "shelling"], claim.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal(2, claim.GetProperty("appearances").GetArrayLength());
        var link = Assert.Single(claim.GetProperty("links").EnumerateArray());
        Assert.Equal(("supports", accusation), (link.GetProperty("wording").GetString(), link.GetProperty("claimId").GetInt64()));

        var other = await client.GetFromJsonAsync<JsonElement>($"/api/claims/{accusation}");
        Assert.Contains(other.GetProperty("links").EnumerateArray(), l => l.GetProperty("claimId").GetInt64() == id && l.GetProperty("wording").GetString() == "supported by");

        var linkId = link.GetProperty("linkId").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/claims/{id}/links/{linkId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/claims/{id}/links/{linkId}")).StatusCode);
    }

    [Fact]
    public async Task An_existing_claimant_can_be_named_by_id()
    {
        var client = await ClientAsync("editor");
        var putin = await App.ScalarAsync<long>("SELECT id FROM claimants WHERE name = 'Vladimir Putin'");

        var created = await client.PostAsJsonAsync("/api/claims", new { title = "Putin names a new figure", text = $"Angka baru {Guid.NewGuid():N}", language = "id", claimantId = putin, kind = "statement" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(putin, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("claimantId").GetInt64());
        var claimant = await client.GetFromJsonAsync<JsonElement>($"/api/claimants/{putin}");
        Assert.Contains(claimant.GetProperty("claims").EnumerateArray(), c => c.GetProperty("title").GetString() == "Putin names a new figure");
        Assert.Contains(claimant.GetProperty("claims").EnumerateArray(), c => c.GetProperty("title").GetString() == "The Nagorno-Karabakh fighting has killed 5,000 people");
    }

    [Fact]
    public async Task Bad_input_gets_a_400_naming_each_field_and_writes_nothing()
    {
        var client = await ClientAsync("checker");
        var before = await App.ScalarAsync<long>("SELECT count(*) FROM claims");

        var errors = await Problem(await client.PostAsJsonAsync("/api/claims", new
        {
            title = "",
            text = new string('y', 10_001),
            language = "klingon-xx",
            claimantName = "Someone",
            claimantKind = "alien",
            kind = "figure",
            figureLow = 10,
            figureHigh = 1,
            figureUnit = "deaths",
            appearanceUrl = "javascript:alert(document.cookie)",
        }));

        foreach (var field in new[] { "title", "text", "language", "claimantKind", "figureLow", "appearanceUrl" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Equal(before, await App.ScalarAsync<long>("SELECT count(*) FROM claims"));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_400_naming_that_field()
    {
        var client = await ClientAsync("checker");

        var errors = await Problem(await client.PostAsync("/api/claims",
            new StringContent("""{"title":"x","text":"y","language":"en","claimantId":1,"kind":"figure","figureLow":"five thousand"}""", Encoding.UTF8, "application/json")));

        Assert.True(errors.TryGetProperty("figureLow", out _), errors.ToString());
    }

    [Fact]
    public async Task Link_rules_answer_400_on_the_toClaimId_field()
    {
        var client = await ClientAsync("editor");
        var accusation = await App.ScalarAsync<long>("SELECT id FROM claims WHERE title = 'Azerbaijani forces attacked buildings in Stepanakert'");
        var denial = await App.ScalarAsync<long>("SELECT id FROM claims WHERE title = 'Baku denies attacking buildings in Stepanakert'");

        var self = await Problem(await client.PostAsJsonAsync($"/api/claims/{accusation}/links", new { toClaimId = accusation, relation = "denies" }));
        var missing = await Problem(await client.PostAsJsonAsync($"/api/claims/{accusation}/links", new { toClaimId = 999_999, relation = "denies" }));
        var duplicate = await Problem(await client.PostAsJsonAsync($"/api/claims/{accusation}/links", new { toClaimId = denial, relation = "denies" }));
        var badUrl = await Problem(await client.PostAsJsonAsync($"/api/claims/{accusation}/appearances", new { url = "data:text/html,hi" }));

        Assert.All(new[] { self, missing, duplicate }, e => Assert.True(e.TryGetProperty("toClaimId", out _), e.ToString()));
        Assert.True(badUrl.TryGetProperty("url", out _));
    }

    [Fact]
    public async Task Search_finds_claims_in_Indonesian_and_English_with_filters_and_paging()
    {
        var client = await ClientAsync("editor");

        var indonesian = await client.GetFromJsonAsync<JsonElement>("/api/claims?q=menewaskan");
        var english = await client.GetFromJsonAsync<JsonElement>("/api/claims?q=ceasefires&language=id");
        var page1 = await client.GetFromJsonAsync<JsonElement>("/api/claims?q=nagorno&pageSize=2&page=1");
        var page2 = await client.GetFromJsonAsync<JsonElement>("/api/claims?q=nagorno&pageSize=2&page=2");
        var byClaimant = await client.GetFromJsonAsync<JsonElement>(
            $"/api/claims?claimant={await App.ScalarAsync<long>("SELECT id FROM claimants WHERE name = 'Hassan Rouhani'")}");

        Assert.Contains(indonesian.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "The Nagorno-Karabakh fighting has killed 5,000 people");
        Assert.Contains(english.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "Two Russia-brokered ceasefires have been violated");
        var ids1 = page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        var ids2 = page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(2, ids1.Count);
        Assert.NotEmpty(ids2);
        Assert.Empty(ids1.Intersect(ids2));
        Assert.Equal(page1.GetProperty("total").GetInt64(), page2.GetProperty("total").GetInt64());
        Assert.True(page1.GetProperty("total").GetInt64() >= 3);
        Assert.All(byClaimant.GetProperty("items").EnumerateArray(), i => Assert.Equal("Hassan Rouhani", i.GetProperty("claimant").GetString()));
    }

    [Fact]
    public async Task Similar_returns_ranked_candidates_with_scores_and_needs_text()
    {
        var client = await ClientAsync("checker");

        var similar = await client.GetFromJsonAsync<JsonElement>("/api/claims/similar?text=" + Uri.EscapeDataString("Baku membantah tuduhan serangan di Stepanakert"));
        var missing = await client.GetAsync("/api/claims/similar");

        var first = similar.EnumerateArray().First();
        Assert.Contains("Stepanakert", first.GetProperty("title").GetString());
        Assert.InRange(first.GetProperty("score").GetDouble(), 0.2, 1.0);
        Assert.True((await Problem(missing)).TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Writes_need_a_token_with_an_editor_or_factchecker_role()
    {
        var anonymous = App.CreateClient();
        var admin = await ClientAsync("admin");
        var before = await App.ScalarAsync<long>("SELECT count(*) FROM claims");

        var noToken = await anonymous.PostAsJsonAsync("/api/claims", NewClaim("x"));
        var adminOnly = await admin.PostAsJsonAsync("/api/claims", NewClaim($"Admin tries {Guid.NewGuid():N}"));
        var read = await anonymous.GetAsync("/api/claims/1");

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);
        Assert.Equal("application/problem+json", adminOnly.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(before, await App.ScalarAsync<long>("SELECT count(*) FROM claims"));
    }

    [Fact]
    public async Task Unknown_claims_are_404_problems()
    {
        var client = await ClientAsync("editor");

        var response = await client.GetAsync("/api/claims/777777");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_claims_api()
    {
        var paths = (await App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        foreach (var path in new[] { "/api/claims", "/api/claims/{id}", "/api/claims/similar", "/api/claims/{id}/appearances", "/api/claims/{id}/links", "/api/claims/{id}/links/{linkId}", "/api/claimants/{id}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        }
    }
}
