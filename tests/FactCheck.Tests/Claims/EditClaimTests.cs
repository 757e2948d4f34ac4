using System.Text.Json;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

/// EditClaim through the real pipeline: who may correct a recorded claim, what the history keeps, and that a refused
/// edit writes nothing.
[Collection(SharedAppCollection.Name)]
public sealed class EditClaimTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private async Task<EditClaim> EditOfAsync(long id, Actor actor) => EditClaim.From(await App.QueryAsync(new GetClaim(id), actor));

    private Task<long> EditAuditRowsAsync(long id) =>
        App.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'claim' AND entity_id = @id AND action = 'EditClaim'", new { id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public async Task The_assignee_corrects_a_typo_in_the_title_and_the_history_shows_before_and_after()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var edit = await EditOfAsync(id, review.Checker);
        var version = edit.Version;

        var edited = await App.SendAsync(edit with { Title = "Pasukan menembaki desa perbatasan", Place = "Tovuz" }, review.Checker);

        Assert.Equal(version + 1, edited.Version);
        Assert.Equal(
            [new FieldChange("title", "A claim under review", "Pasukan menembaki desa perbatasan"), new FieldChange("place", null, "Tovuz")],
            edited.Changes);
        var page = await App.QueryAsync(new GetClaim(id), review.Editor);
        Assert.Equal(("Pasukan menembaki desa perbatasan", "Tovuz", version + 1), (page.Claim.Title, page.Claim.Place, page.Version));
        var entry = page.History.First(h => h.Action == nameof(EditClaim));
        var changes = JsonDocument.Parse(entry.After!).RootElement.GetProperty("changes");
        Assert.Equal("A claim under review", changes[0].GetProperty("before").GetString());
        Assert.Equal("Pasukan menembaki desa perbatasan", changes[0].GetProperty("after").GetString());
    }

    [Fact]
    public async Task A_corrected_title_is_what_search_finds()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var word = "kapalselam" + Guid.NewGuid().ToString("N")[..6];

        await App.SendAsync(await EditOfAsync(id, review.Checker) with { Title = $"Serangan {word} di pelabuhan" }, review.Checker);

        var found = await App.QueryAsync(new SearchClaims { Q = word }, review.Editor);
        Assert.Equal([id], found.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_claimant_named_afresh_is_found_or_recorded_and_the_dashboard_counts_the_claim_under_it()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("triaged");
        var name = $"Kementerian Pertahanan {Guid.NewGuid():N}"[..40];

        var edited = await App.SendAsync(
            await EditOfAsync(id, review.Editor) with { ClaimantId = null, ClaimantName = name, ClaimantKind = "government" }, review.Editor);

        var page = await App.QueryAsync(new GetClaim(id), review.Editor);
        Assert.Equal((name, "government"), (page.Claimant.Name, page.Claimant.Kind));
        Assert.Equal(new FieldChange("claimant", "Review Test Ministry", name), Assert.Single(edited.Changes));
        Assert.Equal(page.Claimant.Id, await App.ScalarAsync<long>("SELECT claimant_id FROM dashboard_claims WHERE claim_id = @id", new { id }));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_the_current_one_and_nothing_is_written()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var stale = await EditOfAsync(id, review.Checker);
        await App.SendAsync(stale with { Place = "Ganja" }, review.Editor);
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(stale with { Title = "Overwritten by a stale copy" }, review.Checker));

        Assert.Contains("changed since you opened it", refused.Message);
        Assert.Equal(before, await review.SnapshotAsync(id));
        Assert.Equal("A claim under review", (await App.QueryAsync(new GetClaim(id), review.Editor)).Claim.Title);
    }

    [Fact]
    public async Task A_fact_checker_not_assigned_to_the_claim_may_not_edit_it()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync(await EditOfAsync(id, review.Checker2) with { Title = "Not mine to change" }, review.Checker2));

        Assert.Contains("assignee", refused.Message);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Theory]
    [InlineData("in_review")]
    [InlineData("published")]
    public async Task Once_in_review_or_published_the_assignee_may_not_edit_it(string state)
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync(state);
        var before = await review.SnapshotAsync(id);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync(await EditOfAsync(id, review.Checker) with { Title = "Quietly changed" }, review.Checker));

        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Fact]
    public async Task An_editor_edits_a_published_claim_only_through_a_correction()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ConflictException>(async () => await App.SendAsync(await EditOfAsync(id, review.Editor) with { Title = "Silently rewritten" }, review.Editor));
        Assert.Contains("open a correction first", refused.Message);
        Assert.Equal(before, await review.SnapshotAsync(id));

        await review.CorrectAsync(id);
        var edited = await App.SendAsync(await EditOfAsync(id, review.Editor) with { Title = "Corrected in the open" }, review.Editor);
        Assert.Equal("title", Assert.Single(edited.Changes).Field);
        Assert.Equal(1, await EditAuditRowsAsync(id));
    }

    [Fact]
    public async Task A_claimant_that_no_longer_exists_is_refused_naming_the_field()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await App.SendAsync(await EditOfAsync(id, review.Checker) with { ClaimantId = 987_654_321 }, review.Checker));

        Assert.Equal([nameof(EditClaim.ClaimantId)], refused.Errors.Keys);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Fact]
    public async Task Invalid_fields_are_refused_each_by_name_before_anything_is_written()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await App.SendAsync(
            await EditOfAsync(id, review.Checker) with { Title = "", Kind = "figure", FigureLow = null, Language = "xx-not-a-language" }, review.Checker));

        Assert.Contains(nameof(EditClaim.Title), refused.Errors.Keys);
        Assert.Contains(nameof(EditClaim.FigureLow), refused.Errors.Keys);
        Assert.Contains(nameof(EditClaim.Language), refused.Errors.Keys);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_keeps_the_version_and_adds_no_history()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("assigned");
        var edit = await EditOfAsync(id, review.Checker);

        var edited = await App.SendAsync(edit with { Title = "  A claim under review  " }, review.Checker);

        Assert.Equal((edit.Version, 0), (edited.Version, edited.Changes.Count));
        Assert.Equal(0, await EditAuditRowsAsync(id));
    }
}
