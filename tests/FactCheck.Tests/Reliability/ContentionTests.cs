using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FactCheck.Tests.Reliability;

/// Many people writing at once: no request ever surfaces SQLite's "database is locked" (writers queue behind the
/// busy timeout), every acknowledged write is there with its audit row, and concurrent actions on one claim with the
/// same version let exactly one through (the others get 409), so no update is silently lost.
public sealed class ContentionTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Two_hundred_claims_posted_at_once_by_eight_clients_are_all_recorded_with_their_audit_rows()
    {
        var clients = new List<HttpClient>();
        foreach (var user in new[] { "checker", "checker2", "editor", "editor2" })
        {
            clients.Add(await app.ApiClientAsync(user));
            clients.Add(await app.ApiClientAsync(user));
        }

        var before = await app.ScalarAsync<long>("SELECT count(*) FROM claims");
        var marker = Guid.NewGuid().ToString("N");
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => clients[i % clients.Count].PostAsJsonAsync("/api/claims", new
        {
            title = $"Concurrent claim {i}",
            text = $"Klaim serentak {i} {marker}",
            language = "id",
            claimantName = $"Contention Ministry {i % 7}",
            claimantKind = "government",
            kind = "statement",
        })));

        var failures = new List<string>();
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Empty(failures);
        var ids = new List<long>();
        foreach (var response in responses)
        {
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }

        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(before + 200, await app.ScalarAsync<long>("SELECT count(*) FROM claims"));
        Assert.Equal(200, await app.ScalarAsync<long>(
            "SELECT count(DISTINCT a.entity_id) FROM audit_log a JOIN claims c ON a.entity = 'claim' AND a.entity_id = CAST(c.id AS TEXT) WHERE c.text LIKE '%' || @marker",
            new { marker }));
        Assert.Equal("ok", await app.IntegrityCheckAsync());

        // Each claim is in the search index exactly once, with its terms.
        Assert.Equal(200, await app.ScalarAsync<long>("SELECT count(*) FROM claim_search WHERE claim_search MATCH @marker", new { marker = $"\"{marker}\"" }));
        Assert.Equal(200, await app.ScalarAsync<long>("SELECT count(*) FROM claim_search_terms t JOIN claims c ON c.id = t.claim_id WHERE c.text LIKE '%' || @marker", new { marker }));
    }

    [Fact]
    public async Task Ten_editors_triaging_one_claim_with_the_same_version_let_exactly_one_through()
    {
        var submitter = await app.ApiClientAsync("checker");
        var created = await submitter.PostAsJsonAsync("/api/claims", new
        {
            title = "One claim, ten editors",
            text = $"Satu klaim {Guid.NewGuid():N}",
            language = "id",
            claimantName = "Contention Ministry",
            claimantKind = "government",
            kind = "statement",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var version = await app.ScalarAsync<long>("SELECT version FROM claims WHERE id = @id", new { id });
        var editors = new[] { await app.ApiClientAsync("editor"), await app.ApiClientAsync("editor2") };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            editors[i % 2].PostAsJsonAsync($"/api/claims/{id}/actions/triage", new { version, priority = i % 2 == 0 ? "high" : "low" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(version + 1, await app.ScalarAsync<long>("SELECT version FROM claims WHERE id = @id", new { id }));
        Assert.Equal(1, await app.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity = 'claim' AND entity_id = CAST(@id AS TEXT) AND action = 'TriageClaim'", new { id }));
    }
}
