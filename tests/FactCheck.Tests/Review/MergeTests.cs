using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

[Collection(SharedAppCollection.Name)]
public sealed class MergeTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task A_claim_merged_while_researched_is_back_in_research_with_its_assignee_when_unmerged()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var original = await review.NewClaimAsync();
        var link = await review.LinkAsync(id, original, "same-as");
        Assert.Equal("merged", await review.StatusAsync(id));

        await App.SendAsync(new UnlinkClaims(id, link), review.Checker);

        var page = await App.QueryAsync(new GetClaim(id), review.Checker);
        Assert.Equal(("researching", (long?)null, review.Checker.UserId), (page.Status, page.Claim.MergedIntoId, page.Review.Assignee?.Id));
        Assert.Equal([ReviewActions.Submit], page.AllowedActions);
    }

    [Fact]
    public async Task A_merged_claim_offers_no_action_to_anyone_and_takes_no_evidence()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.LinkAsync(id, await review.NewClaimAsync(), "same-as");

        foreach (var person in new[] { review.Editor, review.Editor2, review.Checker, review.Checker2, review.Admin })
        {
            Assert.Empty((await App.QueryAsync(new GetClaim(id), person)).AllowedActions);
        }

        await Assert.ThrowsAsync<ConflictException>(() => review.AddEvidenceAsync(id));
    }

    [Fact]
    public async Task A_claim_merged_while_new_is_new_again_when_unmerged()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var link = await review.LinkAsync(id, await review.NewClaimAsync(), "same-as");

        await App.SendAsync(new UnlinkClaims(id, link), review.Editor);

        Assert.Equal("new", await review.StatusAsync(id));
        Assert.Contains(ReviewActions.Triage, (await App.QueryAsync(new GetClaim(id), review.Editor)).AllowedActions);
    }
}
