using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

/// A link made from either claim's page is the same link: "is denied by" on the accusation is stored as the denial
/// denying it, and both pages word it from their own side.
[Collection(SharedAppCollection.Name)]
public sealed class LinkDirectionTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Theory]
    [InlineData("denied-by", "denies", "denied by")]
    [InlineData("disputed-by", "disputes", "disputed by")]
    [InlineData("supported-by", "supports", "supported by")]
    [InlineData("corrected-by", "corrects", "corrected by")]
    public async Task A_link_named_from_the_other_side_is_stored_the_canonical_way_round(string relation, string stored, string wording)
    {
        var review = await ReviewDriver.CreateAsync(App);
        var accusation = await review.NewClaimAsync(title: "The accusation");
        var denial = await review.NewClaimAsync(title: "The denial");

        var linkId = await review.LinkAsync(accusation, denial, relation);

        var row = (await App.RowsAsync<(long From, long To, string Relation)>(
            "SELECT from_claim_id, to_claim_id, relation FROM claim_links WHERE id = @linkId", new { linkId })).Single();
        Assert.Equal((denial, accusation, stored), row);
        var onAccusation = (await App.QueryAsync(new GetClaim(accusation), review.Checker)).Links.Single();
        var onDenial = (await App.QueryAsync(new GetClaim(denial), review.Checker)).Links.Single();
        Assert.Equal((wording, denial), (onAccusation.Wording, onAccusation.ClaimId));
        Assert.Equal((stored, accusation), (onDenial.Wording, onDenial.ClaimId));
    }

    [Fact]
    public async Task The_same_link_made_from_both_pages_is_refused_the_second_time()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var accusation = await review.NewClaimAsync();
        var denial = await review.NewClaimAsync();
        await review.LinkAsync(denial, accusation, "denies");

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.LinkAsync(accusation, denial, "denied-by"));

        Assert.Contains("already linked", refused.Errors["ToClaimId"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicated_by_merges_the_other_claim_into_this_one()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var original = await review.NewClaimAsync();
        var duplicate = await review.NewClaimAsync();

        await review.LinkAsync(original, duplicate, "duplicated-by");

        Assert.Equal(("merged", (long?)original), (await App.RowsAsync<(string, long?)>("SELECT status, merged_into_id FROM claims WHERE id = @duplicate", new { duplicate })).Single());
        Assert.Equal("new", await review.StatusAsync(original));
    }

    [Fact]
    public async Task An_unknown_relation_names_both_directions_in_its_message()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var a = await review.NewClaimAsync();
        var b = await review.NewClaimAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => review.LinkAsync(a, b, "refutes"));

        Assert.Contains("denied-by", refused.Errors["Relation"].Single(), StringComparison.Ordinal);
    }
}
