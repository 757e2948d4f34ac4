using System.Text.Json.Nodes;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using static FactCheck.Tests.Feeds.FeedKit;

namespace FactCheck.Tests.Feeds;

public sealed class ClaimReviewParityTests
{
    [Fact]
    public async Task A_corrected_verdict_with_several_appearances_has_the_same_ClaimReview_in_the_feed_as_on_its_page()
    {
        using var app = new TestApp().Start();
        var review = await ReviewDriver.CreateAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var id = await PublishAsync(app, review, "Artillery hit the old town of Shusha");
        await app.SendAsync(new AddAppearance { ClaimId = id, Url = "https://example.org/later", Outlet = "Later Daily", PublishedOn = new DateOnly(2020, 10, 12) }, review.Editor);
        await app.SendAsync(new AddAppearance { ClaimId = id, Url = "https://example.org/first", PublishedOn = new DateOnly(2020, 10, 9), FirstSeen = true }, review.Editor);
        await app.SendAsync(new AddAppearance { ClaimId = id, Url = "https://example.org/undated", Outlet = "Undated Weekly" }, review.Editor);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await CorrectAsync(review, id, "mixed", "Part of the old town was hit.");
        var slug = await SlugAsync(app, id);
        var client = app.CreateClient();

        foreach (var query in new[] { "", "?lang=en", "?lang=id" })
        {
            var page = JsonLd(await client.GetStringAsync($"/verdicts/{slug}{query}"));
            var item = Items(await ClaimReviewsAsync(client, ClaimReviews + query)).Single(i => (string?)i["url"] == (string?)page["url"]);

            Assert.True(JsonNode.DeepEquals(page, item), $"{query}:\npage: {page.ToJsonString()}\nfeed: {item.ToJsonString()}");
            Assert.Equal(4, item["itemReviewed"]!["appearance"]!.AsArray().Count);
            Assert.NotEqual((string?)item["datePublished"], (string?)item["dateModified"]);
        }
    }
}
