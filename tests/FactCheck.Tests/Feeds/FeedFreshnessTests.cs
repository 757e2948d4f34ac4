using System.Globalization;
using System.Net;
using FactCheck.Tests.Review;
using static FactCheck.Tests.Feeds.FeedKit;

namespace FactCheck.Tests.Feeds;

/// The feeds are output-cached and answer conditional requests; a correction must reach them all at once.
public sealed class FeedFreshnessTests
{
    private const string Claim = "Rockets landed near the Khudafarin bridge";

    [Fact]
    public async Task Correction_shows_in_every_feed_immediately_and_old_validators_no_longer_match()
    {
        using var app = new TestApp().Start();
        var review = await ReviewDriver.CreateAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var id = await PublishAsync(app, review, Claim, rating: "false");
        var slug = await SlugAsync(app, id);
        var client = app.CreateClient();
        string[] urls = [Atom, ClaimReviews, Csv];

        var before = new Dictionary<string, HttpResponseMessage>();
        foreach (var url in urls)
        {
            before[url] = await client.GetAsync(url);
            var again = await client.GetAsync(url);
            Assert.NotNull(again.Headers.Age); // served from the output cache: the correction below has to evict it
            Assert.Equal(before[url].Headers.ETag, again.Headers.ETag);
        }

        var atomBefore = Entries(await AtomAsync(client)).Select(Title).ToList();
        Assert.Contains("False: " + Claim, atomBefore);
        Assert.DoesNotContain("Correction: " + Claim, atomBefore);
        var modifiedBefore = ItemFor(await ClaimReviewsAsync(client), slug)["dateModified"]!.GetValue<string>();

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await CorrectAsync(review, id, "mostly-false", "A second provider's images show damage after all.");

        var atom = await AtomAsync(client);
        var titles = Entries(atom).Select(Title).ToList();
        Assert.Contains("Mostly false: " + Claim, titles);
        Assert.DoesNotContain("False: " + Claim, titles);
        var correction = Entries(atom).Single(e => Title(e) == "Correction: " + Claim);
        Assert.Contains("False → Mostly false", correction.Element(AtomNs + "content")!.Value, StringComparison.Ordinal);
        Assert.Equal("Mostly false: " + Claim, Title(Entries(atom).First()));

        var item = ItemFor(await ClaimReviewsAsync(client), slug);
        var modifiedAfter = item["dateModified"]!.GetValue<string>();
        Assert.Equal(Iso(app.Clock.GetUtcNow()), modifiedAfter);
        Assert.True(string.CompareOrdinal(modifiedAfter, modifiedBefore) > 0);
        Assert.Equal("Mostly false", (string?)item["reviewRating"]!["alternateName"]);

        var csv = await client.GetStringAsync(Csv);
        Assert.Contains($"/verdicts/{slug},{Claim},", csv, StringComparison.Ordinal);
        Assert.Contains(",mostly-false,Mostly false,Sebagian besar salah,2,", csv, StringComparison.Ordinal);

        foreach (var url in urls)
        {
            var old = before[url];
            var stale = await ConditionalGetAsync(client, url, old.Headers.ETag, null);
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.NotEqual(old.Headers.ETag, stale.Headers.ETag);
            Assert.True(stale.Content.Headers.LastModified > old.Content.Headers.LastModified, url);
            var staleDate = await ConditionalGetAsync(client, url, null, old.Content.Headers.LastModified);
            Assert.Equal(HttpStatusCode.OK, staleDate.StatusCode);
        }
    }

    private static System.Text.Json.Nodes.JsonObject ItemFor(System.Text.Json.Nodes.JsonObject page, string slug) =>
        Items(page).Single(i => ((string?)i["url"])?.Split('?')[0] == $"https://localhost/verdicts/{slug}");

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
