using System.Text.Json;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

[Collection(SharedAppCollection.Name)]
public sealed class EvidenceTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static AddEvidence Source(long claimId, string url = "https://example.org/report") =>
        new() { ClaimId = claimId, Url = url, Title = "Ministry report", Stance = "context" };

    [Fact]
    public async Task A_checker_not_assigned_to_the_claim_cannot_add_evidence()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var before = await review.SnapshotAsync(id);

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(Source(id), review.Checker2));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(Source(id), review.Admin));

        Assert.Equal(before, await review.SnapshotAsync(id));
        await App.SendAsync(Source(id), review.Editor);
        await App.SendAsync(Source(id), review.Checker);
        Assert.Equal(before.Evidence + 2, (await review.SnapshotAsync(id)).Evidence);
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("ftp://example.org/report.pdf")]
    [InlineData("example.org/report")]
    public async Task Only_web_addresses_are_accepted_as_sources(string url)
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(Source(id, url), review.Checker));

        Assert.Equal(["Url"], refused.Errors.Keys);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Fact]
    public async Task A_rated_verdict_needs_evidence()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.SubmitAsync(id, "false"));

        Assert.Equal(["EvidenceIds"], refused.Errors.Keys);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Fact]
    public async Task An_unverified_verdict_may_rest_on_no_evidence()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");

        Assert.Equal("in_review", (await review.SubmitAsync(id, "unverified")).Status);

        Assert.Empty((await App.QueryAsync(new GetClaim(id), review.Editor)).Review.PendingVerdict!.EvidenceIds);
    }

    [Fact]
    public async Task A_verdict_cannot_cite_evidence_from_another_claim()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var elsewhere = await review.AddEvidenceAsync(await review.ClaimInStateAsync("researching"));
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.ActAsync(
            new SubmitVerdict { ClaimId = id, Version = before.Version, Rating = "false", Summary = "Not so.", Explanation = "See the source.", EvidenceIds = [elsewhere] },
            review.Checker));

        Assert.Equal(["EvidenceIds"], refused.Errors.Keys);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Fact]
    public async Task Evidence_cited_by_a_published_verdict_cannot_be_removed_even_during_a_correction()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        var cited = Assert.Single((await App.QueryAsync(new GetClaim(id), review.Editor)).Verdict!.EvidenceIds);
        await review.CorrectAsync(id);
        var uncited = await review.AddEvidenceAsync(id);
        var before = await review.SnapshotAsync(id);

        await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new RemoveEvidence(id, cited), review.Editor));

        Assert.Equal(before, await review.SnapshotAsync(id));
        await App.SendAsync(new RemoveEvidence(id, uncited), review.Checker);
        Assert.Equal([cited], (await App.QueryAsync(new GetClaim(id), review.Editor)).Review.Evidence.Select(e => e.Id));
    }

    [Fact]
    public async Task Evidence_cited_by_the_verdict_in_review_cannot_be_removed_so_the_published_verdict_never_cites_a_removed_source()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("in_review");
        var cited = Assert.Single((await App.QueryAsync(new GetClaim(id), review.Editor)).Review.PendingVerdict!.EvidenceIds);
        var before = await review.SnapshotAsync(id);

        // In review, the sources are an editor's to change; even an editor cannot drop one the verdict cites.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new RemoveEvidence(id, cited), review.Checker));
        await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new RemoveEvidence(id, cited), review.Editor));

        Assert.Equal(before, await review.SnapshotAsync(id));
        await review.ApproveAsync(id);
        var page = await App.QueryAsync(new GetClaim(id), review.Editor);
        Assert.Equal(page.Verdict!.EvidenceIds, page.Review.Evidence.Select(e => e.Id));
    }

    [Fact]
    public async Task A_closed_claim_takes_no_evidence_changes()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        var cited = Assert.Single((await App.QueryAsync(new GetClaim(id), review.Editor)).Verdict!.EvidenceIds);

        await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(Source(id), review.Editor));
        await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new RemoveEvidence(id, cited), review.Editor));
    }

    [Fact]
    public async Task Removed_evidence_leaves_the_list_and_its_removal_is_in_the_claims_history()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var evidenceId = await review.AddEvidenceAsync(id);
        var url = (await App.QueryAsync(new GetClaim(id), review.Checker)).Review.Evidence.Single().Url;
        var lastAudit = await review.LastAuditIdAsync();

        await App.SendAsync(new RemoveEvidence(id, evidenceId), review.Checker);

        Assert.Empty((await App.QueryAsync(new GetClaim(id), review.Checker)).Review.Evidence);
        var audit = Assert.Single(await review.AuditAfterAsync(id, lastAudit));
        Assert.Equal(("RemoveEvidence", "checker", null), (audit.Action, audit.ActorName, audit.AfterJson));
        using var removed = JsonDocument.Parse(audit.BeforeJson!);
        Assert.Equal((evidenceId, url), (removed.RootElement.GetProperty("evidenceId").GetInt64(), removed.RootElement.GetProperty("url").GetString()));
        Assert.Equal(1, await App.ScalarAsync<long>("SELECT count(*) FROM evidence WHERE id = @evidenceId AND removed_at IS NOT NULL", new { evidenceId }));
    }

    [Fact]
    public async Task Added_evidence_is_in_the_claims_history()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var lastAudit = await review.LastAuditIdAsync();

        var evidenceId = await review.AddEvidenceAsync(id);

        var audit = Assert.Single(await review.AuditAfterAsync(id, lastAudit));
        Assert.Equal(("AddEvidence", (string?)null), (audit.Action, audit.BeforeJson));
        using var added = JsonDocument.Parse(audit.AfterJson!);
        Assert.Equal(evidenceId, added.RootElement.GetProperty("evidenceId").GetInt64());
        Assert.Contains(ReviewActions.Submit, (await App.QueryAsync(new GetClaim(id), review.Checker)).AllowedActions);
    }
}
