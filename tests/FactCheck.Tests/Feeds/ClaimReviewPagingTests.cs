using System.Globalization;
using FactCheck.Tests.Review;
using static FactCheck.Tests.Feeds.FeedKit;

namespace FactCheck.Tests.Feeds;

public sealed class ClaimReviewPagingTests
{
    [Fact]
    public async Task Since_filters_by_date_modified_and_next_pages_through_every_verdict_once_in_order()
    {
        using var app = new TestApp().Start();
        var review = await ReviewDriver.CreateAsync(app);
        var demoTime = app.Clock.GetUtcNow();
        var published = new List<string>();
        foreach (var title in new[] { "Shells hit a school in Tartar", "Drones struck a bridge near Lachin", "A dam on the Terter river was damaged" })
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            published.Add(await SlugAsync(app, await PublishAsync(app, review, title)));
        }

        var client = app.CreateClient();

        // The three demo verdicts share one instant: a page of two cannot split them, so it holds all three.
        var urls = new List<string>();
        var pages = new List<int>();
        string? next = ClaimReviews + "?limit=2";
        while (next is not null)
        {
            var page = await ClaimReviewsAsync(client, next);
            var items = Items(page).ToList();
            pages.Add(items.Count);
            urls.AddRange(items.Select(i => (string)i["url"]!));
            next = (string?)page["next"] is { } absolute ? new Uri(absolute).PathAndQuery : null;
        }

        Assert.Equal([3, 2, 1], pages);
        Assert.Equal(6, urls.Distinct().Count());
        // Each item is at its language version's address (these verdicts have one version, in the claim's language).
        Assert.Equal(published.Select(s => $"https://localhost/verdicts/{s}"), urls[3..].Select(u => u.Split('?')[0]));

        var since = (demoTime + TimeSpan.FromSeconds(90)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var later = Items(await ClaimReviewsAsync(client, $"{ClaimReviews}?since={Uri.EscapeDataString(since)}")).ToList();
        Assert.Equal(published[1..].Select(s => $"https://localhost/verdicts/{s}"), later.Select(i => ((string)i["url"]!).Split('?')[0]));
        Assert.All(later, i => Assert.True(DateTimeOffset.Parse((string)i["dateModified"]!, CultureInfo.InvariantCulture) > demoTime.AddSeconds(89)));

        var offset = (demoTime + TimeSpan.FromSeconds(150)).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var withOffset = Items(await ClaimReviewsAsync(client, $"{ClaimReviews}?since={Uri.EscapeDataString(offset)}")).ToList();
        Assert.Equal([$"https://localhost/verdicts/{published[2]}"], withOffset.Select(i => ((string)i["url"]!).Split('?')[0]));
    }
}
