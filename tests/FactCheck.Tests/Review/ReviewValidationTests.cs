using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

[Collection(SharedAppCollection.Name)]
public sealed class ReviewValidationTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task A_verdict_with_a_long_summary_and_an_unknown_rating_is_refused_field_by_field()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.ActAsync(
            new SubmitVerdict { ClaimId = id, Version = before.Version, Rating = "pants-on-fire", Summary = new string('s', 281), Explanation = "Because." },
            review.Checker));

        Assert.Equal(["Rating", "Summary"], refused.Errors.Keys.Order());
        Assert.Contains("mostly-false", refused.Errors["Rating"][0], StringComparison.Ordinal);
        Assert.Equal(before, await review.SnapshotAsync(id));
        Assert.Equal("in_review", (await review.ActAsync(
            new SubmitVerdict { ClaimId = id, Version = before.Version, Rating = "false", Summary = new string('s', 280), Explanation = "Because." },
            review.Checker)).Status);
    }

    [Theory]
    [InlineData("quote")]
    [InlineData("statement")]
    public async Task A_verdict_on_what_someone_said_must_say_whether_they_said_it(string kind)
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching", kind);
        await review.AddEvidenceAsync(id);
        var before = await review.SnapshotAsync(id);

        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => review.SubmitAsync(id));
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => review.SubmitAsync(id, attribution: "made-up"));

        Assert.Equal(["Attribution"], missing.Errors.Keys);
        Assert.Equal(["Attribution"], unknown.Errors.Keys);
        Assert.Equal(before, await review.SnapshotAsync(id));
        Assert.Equal("in_review", (await review.SubmitAsync(id, attribution: "misquoted")).Status);
    }

    [Fact]
    public async Task Claims_are_not_assigned_to_deactivated_staff_or_to_admins_who_do_not_check()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("triaged");
        var gone = (await App.NewUserAsync(Roles.FactChecker)).Actor;
        var goneVersion = await App.ScalarAsync<long>("SELECT version FROM users WHERE id = @UserId", new { gone.UserId });
        await App.SendAsync(new SetUserActive(gone.UserId!.Value, goneVersion, false), review.Admin);
        var adminOnly = review.Admin;
        var before = await review.SnapshotAsync(id);

        foreach (var person in new[] { gone, adminOnly })
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.ActAsync(
                new AssignClaim { ClaimId = id, Version = before.Version, AssigneeId = person.UserId!.Value, DueDate = review.Tomorrow }, review.Editor));
            Assert.Equal(["AssigneeId"], refused.Errors.Keys);
            await Assert.ThrowsAsync<ValidationFailedException>(() => review.ActAsync(
                new ReassignClaim { ClaimId = id, Version = before.Version, AssigneeId = person.UserId!.Value }, review.Editor));
        }

        Assert.Equal(before, await review.SnapshotAsync(id));
        var editorWhoChecks = await review.ActAsync(
            new AssignClaim { ClaimId = id, Version = before.Version, AssigneeId = review.Editor2.UserId!.Value, DueDate = review.Tomorrow }, review.Editor);
        Assert.Equal("assigned", editorWhoChecks.Status);
    }

    [Fact]
    public async Task A_due_date_in_the_past_is_refused()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var triaged = await review.ClaimInStateAsync("triaged");
        var fresh = await review.NewClaimAsync();
        var yesterday = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var before = (await review.SnapshotAsync(triaged), await review.SnapshotAsync(fresh));
        var checker = review.Checker.UserId!.Value;

        var byDate = await Assert.ThrowsAsync<ValidationFailedException>(() => review.ActAsync(
            new AssignClaim { ClaimId = triaged, Version = before.Item1.Version, AssigneeId = checker, DueDate = yesterday }, review.Editor));
        var byTime = await Assert.ThrowsAsync<ValidationFailedException>(() => review.ActAsync(
            new AssignClaim { ClaimId = triaged, Version = before.Item1.Version, AssigneeId = checker, DueAt = App.Clock.GetUtcNow().AddMinutes(-1) }, review.Editor));
        var atTriage = await Assert.ThrowsAsync<ValidationFailedException>(() => review.ActAsync(
            new TriageClaim { ClaimId = fresh, Version = before.Item2.Version, Priority = "high", DueDate = yesterday }, review.Editor));

        Assert.Equal(["DueDate"], byDate.Errors.Keys);
        Assert.Equal(["DueAt"], byTime.Errors.Keys);
        Assert.Equal(["DueDate"], atTriage.Errors.Keys);
        Assert.Equal(before, (await review.SnapshotAsync(triaged), await review.SnapshotAsync(fresh)));
    }

    [Fact]
    public async Task Reassigning_to_the_current_assignee_is_refused()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var before = await review.SnapshotAsync(id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.ActAsync(
            new ReassignClaim { ClaimId = id, Version = before.Version, AssigneeId = review.Checker.UserId!.Value }, review.Editor));

        Assert.Equal(["AssigneeId"], refused.Errors.Keys);
        Assert.Equal(before, await review.SnapshotAsync(id));
    }
}
