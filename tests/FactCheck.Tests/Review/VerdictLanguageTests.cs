using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

/// A verdict in Indonesian and in English: what a fact-checker may send, what an editor may approve, what is kept.
[Collection(SharedAppCollection.Name)]
public sealed class VerdictLanguageTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private async Task<List<(string Language, string Title, string Summary)>> TextsAsync(long claimId) =>
        await App.RowsAsync<(string Language, string Title, string Summary)>(
            """
            SELECT t.language, t.title, t.summary FROM verdict_texts t JOIN verdicts v ON v.id = t.verdict_id
            WHERE v.claim_id = @claimId AND v.id = (SELECT max(id) FROM verdicts WHERE claim_id = @claimId) ORDER BY t.language
            """,
            new { claimId });

    [Fact]
    public async Task A_verdict_written_in_both_languages_is_published_with_both_versions()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);

        await review.SubmitInAsync(id, "id en");
        await review.ApproveAsync(id);

        var verdict = (await App.QueryAsync(new GetClaim(id), review.Editor)).Verdict!;
        Assert.Equal(["id", "en"], verdict.Texts.Select(t => t.Language));
        Assert.Equal(ReviewDriver.Indonesian().Title, verdict.Text("id")!.Title);
        Assert.Equal(ReviewDriver.English().Summary, verdict.Text("en")!.Summary);
        Assert.Contains("<strong>dua penyedia</strong>", verdict.Text("id")!.ExplanationHtml, StringComparison.Ordinal);
        var audit = await App.ScalarAsync<string>(
            "SELECT after_json FROM audit_log WHERE entity = 'claim' AND entity_id = CAST(@id AS TEXT) AND action = 'SubmitVerdict'", new { id });
        Assert.Contains("\"languages\":[\"id\",\"en\"]", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_claims_own_language_is_required_by_default_and_its_absence_is_named_and_writes_nothing()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.SubmitInAsync(id, "en"));

        Assert.Equal(["texts.id"], refused.Errors.Keys);
        Assert.Contains("Indonesian version (id)", refused.Errors["texts.id"][0], StringComparison.Ordinal);
        Assert.Equal(before, await review.SnapshotAsync(id));
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM verdict_texts t JOIN verdicts v ON v.id = t.verdict_id WHERE v.claim_id = @id", new { id }));
        Assert.Equal("in_review", (await review.SubmitInAsync(id, "id")).Status);
    }

    [Fact]
    public async Task A_version_begun_must_be_complete_and_each_gap_is_named_by_its_field()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.ActAsync(
            new SubmitVerdict
            {
                ClaimId = id, Version = before.Version, Rating = "false",
                Texts = new VerdictTextsInput
                {
                    Id = ReviewDriver.Indonesian() with { Summary = new string('s', 281) },
                    En = new VerdictTextInput { Title = "Troops shelled a border village" },
                },
            },
            review.Checker));

        Assert.Equal(["texts.en.explanation", "texts.en.summary", "texts.id.summary"], refused.Errors.Keys.Order());
        Assert.Contains("280", refused.Errors["texts.id.summary"][0], StringComparison.Ordinal);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Fact]
    public async Task Texts_and_the_one_language_shorthand_are_not_sent_together()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.ActAsync(
            new SubmitVerdict
            {
                ClaimId = id, Version = before.Version, Rating = "false", Summary = "Shorthand too.",
                Texts = new VerdictTextsInput { Id = ReviewDriver.Indonesian() },
            },
            review.Checker));

        Assert.Equal(["Summary"], refused.Errors.Keys);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Fact]
    public async Task The_shorthand_is_the_version_in_the_claims_language_titled_with_the_claim()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);

        await review.SubmitAsync(id);

        var text = Assert.Single(await TextsAsync(id));
        Assert.Equal(("id", "A claim under review", "No sign of the attack in satellite images."), text);
    }

    [Fact]
    public async Task Amending_adds_the_missing_language_version_and_then_fixes_one_version_only()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        await review.SubmitInAsync(id, "id");
        await review.ApproveAsync(id);

        var half = await Assert.ThrowsAsync<ValidationFailedException>(async () => await review.ActAsync(
            new AmendVerdict { ClaimId = id, Version = await review.VersionAsync(id), Language = "en", Summary = "Only a summary.", Note = "Translation" }, review.Editor));
        Assert.Equal(["texts.en"], half.Errors.Keys);

        var english = ReviewDriver.English();
        await review.ActAsync(
            new AmendVerdict { ClaimId = id, Version = await review.VersionAsync(id), Language = "en", Title = english.Title, Summary = english.Summary, Explanation = english.Explanation, Note = "Translation" },
            review.Editor);
        var which = await Assert.ThrowsAsync<ValidationFailedException>(async () => await review.ActAsync(
            new AmendVerdict { ClaimId = id, Version = await review.VersionAsync(id), Summary = "Which one?", Note = "Typo" }, review.Editor));
        Assert.Equal(["Language"], which.Errors.Keys);
        await review.ActAsync(
            new AmendVerdict { ClaimId = id, Version = await review.VersionAsync(id), Language = "id", Summary = "Citra satelit tak menunjukkan tanda serangan.", Note = "Typo" },
            review.Editor);

        Assert.Equal(
            [("en", english.Title!, english.Summary!), ("id", ReviewDriver.Indonesian().Title!, "Citra satelit tak menunjukkan tanda serangan.")],
            await TextsAsync(id));
        Assert.Equal(1, await App.ScalarAsync<long>("SELECT count(*) FROM verdicts WHERE claim_id = @id", new { id }));
    }

    [Fact]
    public async Task A_correction_records_which_language_versions_it_changed()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        await review.SubmitInAsync(id, "id en");
        await review.ApproveAsync(id);
        await review.CorrectAsync(id);

        await review.ActAsync(
            new SubmitVerdict
            {
                ClaimId = id, Version = await review.VersionAsync(id), Rating = "false", ChangeNote = "The English summary named the wrong day.",
                Texts = new VerdictTextsInput { Id = ReviewDriver.Indonesian(), En = ReviewDriver.English(" (corrected)") },
            },
            review.Checker);
        await review.ApproveAsync(id);

        var notice = Assert.Single((await App.QueryAsync(new GetClaim(id), review.Editor)).Review.Corrections);
        Assert.Equal(["en"], notice.ChangedLanguages);
        Assert.Equal("en", await App.ScalarAsync<string>("SELECT changed_languages FROM corrections WHERE claim_id = @id", new { id }));
        var audit = await App.ScalarAsync<string>(
            "SELECT after_json FROM audit_log WHERE entity = 'claim' AND entity_id = CAST(@id AS TEXT) AND action = 'ApproveVerdict' ORDER BY id DESC LIMIT 1", new { id });
        Assert.Contains("\"changedLanguages\":[\"en\"]", audit, StringComparison.Ordinal);
    }
}
