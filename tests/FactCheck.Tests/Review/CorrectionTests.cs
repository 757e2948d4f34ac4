using System.Text.Json;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

[Collection(SharedAppCollection.Name)]
public sealed class CorrectionTests(SharedApp shared)
{
    private const string WhatChanged = "The ministry's own figures show the attack happened a day later.";

    private TestApp App => shared.App;

    [Fact]
    public async Task While_a_correction_is_researched_the_published_verdict_stays_public()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");

        var reopened = await review.CorrectAsync(id, reason: "New figures from the ministry.");

        Assert.Equal("researching", reopened.Status);
        var page = await App.QueryAsync(new GetClaim(id), review.Checker);
        Assert.Equal("researching", page.Status);
        Assert.Equal((1, "published", "false"), (page.Verdict?.Version, page.Verdict?.State, page.Verdict?.Rating));
        var notice = Assert.Single(page.Review.Corrections);
        Assert.Equal(("New figures from the ministry.", "false", (DateTimeOffset?)null, (string?)null), (notice.Reason, notice.OldRating, notice.PublishedAt, notice.NewRating));
        Assert.Contains(ReviewActions.Submit, page.AllowedActions);
    }

    [Fact]
    public async Task A_corrected_verdict_is_not_submitted_without_saying_what_changed()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        await review.CorrectAsync(id);
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.SubmitAsync(id, "mostly-false", changeNote: "  "));

        Assert.Equal(["ChangeNote"], refused.Errors.Keys);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }

    [Fact]
    public async Task An_approved_correction_publishes_version_two_with_a_notice_of_the_old_and_new_rating()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        await review.CorrectAsync(id, reason: "New figures from the ministry.");
        await review.SubmitAsync(id, "mostly-false", changeNote: WhatChanged);

        var published = await review.ApproveAsync(id, review.Editor2);

        Assert.Equal("published", published.Status);
        var page = await App.QueryAsync(new GetClaim(id), review.Editor);
        Assert.Equal((2, "mostly-false", WhatChanged), (page.Verdict!.Version, page.Verdict.Rating, page.Verdict.ChangeNote));
        Assert.Equal([(2, "published"), (1, "superseded")], page.Review.PublishedVersions.Select(v => (v.Version ?? 0, v.State)));
        var notice = Assert.Single(page.Review.Corrections);
        Assert.Equal(
            ("false", "mostly-false", 1, 2, WhatChanged, App.Clock.GetUtcNow()),
            (notice.OldRating, notice.NewRating, notice.OldVersion, notice.NewVersion, notice.WhatChanged, notice.PublishedAt));
        Assert.Equal(page.Verdict.Id, await App.ScalarAsync<long>("SELECT published_verdict_id FROM claims WHERE id = @id", new { id }));
        Assert.Contains(ReviewActions.Correct, page.AllowedActions);
    }

    [Fact]
    public async Task Amending_within_the_lock_period_changes_the_wording_and_keeps_the_version()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        var original = (await App.QueryAsync(new GetClaim(id), review.Editor)).Verdict!;
        var lastAudit = await review.LastAuditIdAsync();

        var amended = await review.ActAsync(
            new AmendVerdict { ClaimId = id, Version = await review.VersionAsync(id), Summary = "No sign of any attack in satellite images.", Note = "Typo" },
            review.Editor);

        Assert.Equal("published", amended.Status);
        var page = await App.QueryAsync(new GetClaim(id), review.Editor);
        var verdict = Assert.Single(page.Review.PublishedVersions);
        Assert.Equal(
            (original.Id, 1, "false", "No sign of any attack in satellite images.", original.Explanation),
            (verdict.Id, verdict.Version, verdict.Rating, verdict.Summary, verdict.Explanation));
        Assert.Empty(page.Review.Corrections);
        using var audit = JsonDocument.Parse(Assert.Single(await review.AuditAfterAsync(id, lastAudit)).AfterJson!);
        Assert.Equal(original.Summary, audit.RootElement.GetProperty("details").GetProperty("before").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task An_amendment_that_changes_nothing_is_refused()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        var original = (await App.QueryAsync(new GetClaim(id), review.Editor)).Verdict!;
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.ActAsync(
            new AmendVerdict { ClaimId = id, Version = before.Version, Summary = original.Summary, Note = "Nothing really" }, review.Editor));

        Assert.Contains("Summary", refused.Errors.Keys);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }
}

/// Its own app: the test moves the clock past the lock.
public sealed class AmendLockTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    [Fact]
    public async Task Amend_is_refused_once_the_lock_days_have_passed_but_a_correction_is_still_possible()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var id = await review.ClaimInStateAsync("published");
        app.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        await review.ActAsync(new AmendVerdict { ClaimId = id, Version = await review.VersionAsync(id), Explanation = "Images from two providers.", Note = "Shorter" }, review.Editor);

        app.Clock.Advance(TimeSpan.FromDays(1));
        var before = await review.SnapshotAsync(id);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => review.ActAsync(
            new AmendVerdict { ClaimId = id, Version = before.Version, Explanation = "Images from two providers show it.", Note = "Clearer" }, review.Editor));

        Assert.Contains("locked", refused.Message, StringComparison.Ordinal);
        var current = Assert.IsType<CurrentClaimState>(refused.Current);
        Assert.DoesNotContain(ReviewActions.Amend, current.AllowedActions);
        Assert.Contains(ReviewActions.Correct, current.AllowedActions);
        Assert.Equal(before, await review.SnapshotAsync(id));
        Assert.Equal("researching", (await review.CorrectAsync(id)).Status);
    }

    public void Dispose() => app.Dispose();
}
