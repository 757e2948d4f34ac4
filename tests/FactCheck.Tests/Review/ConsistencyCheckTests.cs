using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

/// An accusation and its denial cannot both be true (or both false) without an editor saying why.
[Collection(SharedAppCollection.Name)]
public sealed class ConsistencyCheckTests(SharedApp shared)
{
    private const string Reason = "The denial is about a different village; both can be false.";

    private TestApp App => shared.App;

    /// Accusation A published as "false"; denial B (B denies A) being researched.
    private static async Task<(long Accusation, long Denial)> DenialOfPublishedFalseAsync(ReviewDriver review, string relation = "denies")
    {
        var accusation = await review.ClaimInStateAsync("published");
        var denial = await review.ClaimInStateAsync("researching");
        await review.LinkAsync(denial, accusation, relation);
        await review.AddEvidenceAsync(denial);
        return (accusation, denial);
    }

    [Fact]
    public async Task A_denial_rated_false_like_the_accusation_is_not_approved_without_an_override_reason()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var (accusation, denial) = await DenialOfPublishedFalseAsync(review);
        await review.SubmitAsync(denial, "false");
        var before = await review.SnapshotAsync(denial);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.ApproveAsync(denial));

        var message = Assert.Single(Assert.Single(refused.Errors, e => e.Key == "OverrideReason").Value);
        Assert.Contains($"#{accusation}", message, StringComparison.Ordinal);
        Assert.Equal(before, await review.SnapshotAsync(denial));
        var issue = Assert.Single((await App.QueryAsync(new GetClaim(denial), review.Editor2)).Review.Consistency);
        Assert.Equal((accusation, "denies", true, "false"), (issue.ClaimId, issue.Relation, issue.Blocking, issue.OtherRating));
    }

    [Fact]
    public async Task With_an_override_reason_the_denial_is_published_and_the_reason_kept_on_the_verdict()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var (_, denial) = await DenialOfPublishedFalseAsync(review);
        await review.SubmitAsync(denial, "false");

        var published = await review.ApproveAsync(denial, overrideReason: "  " + Reason + " ");

        Assert.Equal("published", published.Status);
        Assert.Equal(Reason, (await App.QueryAsync(new GetClaim(denial), review.Editor)).Verdict!.OverrideReason);
    }

    [Theory]
    [InlineData("mostly-false", true)]
    [InlineData("true", false)]
    [InlineData("mostly-true", false)]
    [InlineData("mixed", false)]
    [InlineData("misleading", false)]
    [InlineData("unverified", false)]
    public async Task Only_a_rating_pointing_the_same_way_as_the_denied_claim_blocks(string rating, bool blocks)
    {
        var review = await ReviewDriver.CreateAsync(App);
        var (_, denial) = await DenialOfPublishedFalseAsync(review);
        await review.SubmitAsync(denial, rating);

        var refused = await Record.ExceptionAsync(() => review.ApproveAsync(denial));

        Assert.Equal(blocks, refused is ValidationFailedException { Errors: var errors } && errors.ContainsKey("OverrideReason"));
        Assert.Equal(blocks ? "in_review" : "published", await review.StatusAsync(denial));
    }

    [Fact]
    public async Task The_accusation_is_checked_against_its_published_denial_too()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var denial = await review.ClaimInStateAsync("published");
        var accusation = await review.ClaimInStateAsync("researching");
        await review.LinkAsync(denial, accusation, "denies");
        await review.AddEvidenceAsync(accusation);
        await review.SubmitAsync(accusation, "false");

        await Assert.ThrowsAsync<ValidationFailedException>(() => review.ApproveAsync(accusation));
    }

    [Fact]
    public async Task Across_a_disputes_link_the_same_rating_is_only_a_warning()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var (accusation, disputing) = await DenialOfPublishedFalseAsync(review, "disputes");
        await review.SubmitAsync(disputing, "false");

        var issue = Assert.Single((await App.QueryAsync(new GetClaim(disputing), review.Editor2)).Review.Consistency);
        Assert.Equal((accusation, "disputes", false), (issue.ClaimId, issue.Relation, issue.Blocking));

        Assert.Equal("published", (await review.ApproveAsync(disputing)).Status);
        Assert.Null((await App.QueryAsync(new GetClaim(disputing), review.Editor)).Verdict!.OverrideReason);
    }
}
