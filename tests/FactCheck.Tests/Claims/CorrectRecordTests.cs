using System.Net;
using System.Net.Http.Json;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

/// Taking a wrong appearance off a claim and correcting a source, through the pipeline and the API.
[Collection(SharedAppCollection.Name)]
public sealed class CorrectRecordTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private Task<long> AppearancesAsync(long claimId) => App.ScalarAsync<long>("SELECT count(*) FROM appearances WHERE claim_id = @claimId", new { claimId });

    private async Task<long> AppearanceAsync(long claimId, Actor by) =>
        await App.SendAsync(new AddAppearance { ClaimId = claimId, Url = $"https://example.org/wrong/{Guid.NewGuid():N}", Outlet = "Wrong Outlet" }, by);

    [Fact]
    public async Task The_assignee_removes_a_wrong_appearance_and_the_audit_log_keeps_what_it_held()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var appearance = await AppearanceAsync(id, review.Checker);

        await App.SendAsync(new RemoveAppearance(id, appearance), review.Checker);

        Assert.Equal(0, await AppearancesAsync(id));
        var before = await App.ScalarAsync<string>(
            "SELECT before_json FROM audit_log WHERE action = 'RemoveAppearance' AND entity = 'claim' AND entity_id = @id", new { id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("Wrong Outlet", before);
    }

    [Fact]
    public async Task A_colleague_may_not_remove_an_appearance_nor_the_assignee_one_of_a_published_claim()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var open = await review.ClaimInStateAsync("researching");
        var openAppearance = await AppearanceAsync(open, review.Checker);
        var published = await review.ClaimInStateAsync("published");
        var publishedAppearance = await AppearanceAsync(published, review.Editor);

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new RemoveAppearance(open, openAppearance), review.Checker2));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new RemoveAppearance(published, publishedAppearance), review.Checker));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new RemoveAppearance(open, publishedAppearance), review.Editor));

        Assert.Equal((1L, 1L), (await AppearancesAsync(open), await AppearancesAsync(published)));
        await App.SendAsync(new RemoveAppearance(published, publishedAppearance), review.Editor);
        Assert.Equal(0, await AppearancesAsync(published));
    }

    [Fact]
    public async Task The_assignee_corrects_a_sources_title_stance_and_note()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var evidence = await review.AddEvidenceAsync(id, stance: "supports");

        await App.SendAsync(new EditEvidence { ClaimId = id, EvidenceId = evidence, Title = "  Satellite images, 27 Sept  ", Stance = "refutes", Note = "Wrong stance first" }, review.Checker);

        var stored = Assert.Single(await App.RowsAsync<(string Title, string Stance, string? Note)>("SELECT title, stance, note FROM evidence WHERE id = @evidence", new { evidence }));
        Assert.Equal(("Satellite images, 27 Sept", "refutes", "Wrong stance first"), stored);
        Assert.Equal(1, await App.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'EditEvidence' AND before_json LIKE '%supports%' AND after_json LIKE '%refutes%' AND entity_id = @id", new { id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public async Task A_source_the_verdict_in_review_cites_stays_as_it_reads_and_a_colleague_may_not_touch_one()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var cited = await review.ClaimInStateAsync("in_review");
        var citedEvidence = await App.ScalarAsync<long>("SELECT id FROM evidence WHERE claim_id = @cited", new { cited });
        var open = await review.ClaimInStateAsync("researching");
        var openEvidence = await review.AddEvidenceAsync(open);

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new EditEvidence { ClaimId = cited, EvidenceId = citedEvidence, Title = "Changed under the editors", Stance = "supports" }, review.Editor));
        Assert.Contains("cites this source", conflict.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new EditEvidence { ClaimId = open, EvidenceId = openEvidence, Title = "Not mine", Stance = "supports" }, review.Checker2));
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new EditEvidence { ClaimId = open, EvidenceId = openEvidence, Title = "", Stance = "maybe" }, review.Checker));
        Assert.Equal(["Stance", "Title"], invalid.Errors.Keys.Order());

        Assert.Equal("Satellite images of the area", await App.ScalarAsync<string>("SELECT title FROM evidence WHERE id = @citedEvidence", new { citedEvidence }));
        Assert.Equal("Satellite images of the area", await App.ScalarAsync<string>("SELECT title FROM evidence WHERE id = @openEvidence", new { openEvidence }));
    }

    [Fact]
    public async Task Over_the_api_an_appearance_is_deleted_and_a_source_corrected_and_a_bad_stance_is_a_400_naming_it()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var appearance = await AppearanceAsync(id, review.Checker);
        var evidence = await review.AddEvidenceAsync(id);
        var client = await App.ApiClientAsync("checker");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/claims/{id}/appearances/{appearance}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/claims/{id}/appearances/{appearance}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/claims/{id}/evidence/{evidence}", new { title = "Corrected title", stance = "context" })).StatusCode);
        var bad = await client.PutAsJsonAsync($"/api/claims/{id}/evidence/{evidence}", new { title = "x", stance = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"stance\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal(("Corrected title", "context"), Assert.Single(await App.RowsAsync<(string, string)>("SELECT title, stance FROM evidence WHERE id = @evidence", new { evidence })));
    }
}
