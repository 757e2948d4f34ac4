using FactCheck.Tests.Review;
using FactCheck.Web.Features.Comments;

namespace FactCheck.Tests.Comments;

/// Staff talk never reaches readers: not the public verdict page, the feeds, nor the ClaimReview export.
[Collection(SharedAppCollection.Name)]
public sealed class CommentsStayInternalTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task A_comment_on_a_published_claim_is_on_no_public_page_feed_or_claimreview()
    {
        var r = await ReviewDriver.CreateAsync(App);
        var id = await r.ClaimInStateAsync("published");
        var marker = "internal-doubt-" + Guid.NewGuid().ToString("N");
        await App.SendAsync(new AddComment { ClaimId = id, Body = $"@editor2 {marker}: the second source is shaky." }, r.Checker);
        var slug = await App.ScalarAsync<string>("SELECT slug FROM claims WHERE id = @id", new { id });
        var client = App.CreateClient();

        var verdictPage = await client.GetStringAsync($"/verdicts/{slug}");
        Assert.Contains("No sign of the attack in satellite images.", verdictPage);
        foreach (var text in new[] { verdictPage, await client.GetStringAsync("/feeds/verdicts.atom"), await client.GetStringAsync("/feeds/verdicts.csv"), await client.GetStringAsync("/api/claimreviews") })
        {
            Assert.DoesNotContain(marker, text);
        }

        Assert.Contains(marker, Assert.Single(await App.QueryAsync(new ListComments(id), r.Editor)).Body);
    }
}
