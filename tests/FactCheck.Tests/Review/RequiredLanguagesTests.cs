using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

/// A desk that publishes in both languages: FactCheck:Review:RequiredLanguages = [id, en].
public sealed class RequiredLanguagesTests : IDisposable
{
    private readonly TestApp app = new TestApp(settings: new Dictionary<string, string?>
    {
        ["FactCheck:Review:RequiredLanguages:0"] = "id",
        ["FactCheck:Review:RequiredLanguages:1"] = "en",
    }).Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Submitting_without_the_English_version_is_refused_through_the_mediator_and_the_api_naming_texts_en()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.SubmitInAsync(id, "id"));
        Assert.Equal(["texts.en"], refused.Errors.Keys);

        var checker = await app.ApiClientAsync("checker");
        var response = await checker.PostAsJsonAsync($"/api/claims/{id}/actions/submit", new
        {
            version = before.Version, rating = "false",
            texts = new { id = new { title = "Judul", summary = "Ringkasan.", explanation = "Penjelasan." } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("English version (en)", errors.GetProperty("texts.en")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await review.SnapshotAsync(id));

        var sent = await checker.PostAsJsonAsync($"/api/claims/{id}/actions/submit", new
        {
            version = before.Version, rating = "false",
            texts = new
            {
                id = new { title = "Judul", summary = "Ringkasan.", explanation = "Penjelasan." },
                en = new { title = "Title", summary = "Summary.", explanation = "Explanation." },
            },
        });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }

    [Fact]
    public async Task Approving_a_draft_that_lacks_a_required_version_is_refused_and_writes_nothing()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        await review.SubmitInAsync(id, "id en");
        // A draft from before the desk required English (or written straight to the table by an import).
        await app.ScalarAsync<long>(
            "DELETE FROM verdict_texts WHERE language = 'en' AND verdict_id = (SELECT id FROM verdicts WHERE claim_id = @id) RETURNING 1", new { id });
        var before = await review.SnapshotAsync(id);

        var editor = await app.ApiClientAsync("editor2");
        var response = await editor.PostAsJsonAsync($"/api/claims/{id}/actions/approve", new { version = before.Version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("no English version (en)", errors.GetProperty("texts.en")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }
}
