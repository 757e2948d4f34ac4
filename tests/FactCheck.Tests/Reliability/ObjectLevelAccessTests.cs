using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Tests.Review;

namespace FactCheck.Tests.Reliability;

/// Object-level checks through the API: a fact-checker acts only on the claims assigned to them, and changing an id
/// in the address (another claim's evidence or link under one's own claim) reaches nothing of the other claim.
public sealed class ObjectLevelAccessTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_fact_checker_cannot_work_on_a_colleagues_claim_or_reach_its_evidence_and_links_through_their_own()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var theirs = await review.NewClaimAsync(title: "Assigned to checker");
        await review.TriageAsync(theirs);
        await review.AssignAsync(theirs, review.Checker);
        await review.StartAsync(theirs, review.Checker);
        var theirEvidence = await review.AddEvidenceAsync(theirs, review.Checker);
        var mine = await review.NewClaimAsync(title: "Assigned to checker2");
        await review.TriageAsync(mine);
        await review.AssignAsync(mine, review.Checker2);
        await review.StartAsync(mine, review.Checker2);
        var other = await review.NewClaimAsync(title: "Linked from checker's claim");
        var theirLink = await review.LinkAsync(theirs, other, "supports");

        var intruder = await app.ApiClientAsync("checker2");
        var audit = await app.ScalarAsync<long>("SELECT count(*) FROM audit_log");
        var version = await review.VersionAsync(theirs);

        var submit = await intruder.PostAsJsonAsync($"/api/claims/{theirs}/actions/submit", new
        {
            version, rating = "false", summary = "Not mine to judge.", explanation = "Written by someone else.",
        });
        var evidence = await intruder.PostAsJsonAsync($"/api/claims/{theirs}/evidence", new { url = "https://example.org/x", title = "Planted", stance = "supports" });
        var removeTheirs = await intruder.DeleteAsync($"/api/claims/{theirs}/evidence/{theirEvidence}");
        // Their evidence and link, addressed under my own claim.
        var removeThroughMine = await intruder.DeleteAsync($"/api/claims/{mine}/evidence/{theirEvidence}");
        var unlinkThroughMine = await intruder.DeleteAsync($"/api/claims/{mine}/links/{theirLink}");

        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, evidence.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, removeTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removeThroughMine.StatusCode);
        Assert.Contains(unlinkThroughMine.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(audit, await app.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
        Assert.Equal(1, await app.ScalarAsync<long>("SELECT count(*) FROM evidence WHERE id = @theirEvidence AND removed_at IS NULL", new { theirEvidence }));
        Assert.Equal(1, await app.ScalarAsync<long>("SELECT count(*) FROM claim_links WHERE id = @theirLink", new { theirLink }));
        Assert.Equal(version, await review.VersionAsync(theirs));
        var problem = await submit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("assignee", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
