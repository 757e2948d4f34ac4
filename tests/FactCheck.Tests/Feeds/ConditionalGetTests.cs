using System.Net;
using static FactCheck.Tests.Feeds.FeedKit;

namespace FactCheck.Tests.Feeds;

public sealed class ConditionalGetTests(FeedsApp feeds) : IClassFixture<FeedsApp>
{
    private static readonly string[] Urls = [Atom, Atom + "?lang=id", ClaimReviews, ClaimReviews + "?limit=1", Csv];

    [Fact]
    public async Task Matching_validators_get_304_without_a_body_from_the_output_cache()
    {
        await AssertConditionalGetsAsync(feeds.App.CreateClient());
    }

    [Fact]
    public async Task Matching_validators_get_304_without_a_body_when_the_output_cache_is_off()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:PublicCache:Enabled"] = "false" });
        await AssertConditionalGetsAsync(app.CreateClient());
    }

    private static async Task AssertConditionalGetsAsync(HttpClient client)
    {
        foreach (var url in Urls)
        {
            var first = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            var lastModified = first.Content.Headers.LastModified;
            Assert.False(etag is null || etag.IsWeak, $"{url}: a strong ETag");
            Assert.NotNull(lastModified);
            Assert.Equal("public, no-cache", first.Headers.CacheControl!.ToString());

            var byTag = await ConditionalGetAsync(client, url, etag, null);
            Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
            Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, byTag.Headers.ETag);

            var byDate = await ConditionalGetAsync(client, url, null, lastModified);
            Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
            Assert.Empty(await byDate.Content.ReadAsByteArrayAsync());

            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.Equal((HttpStatusCode.OK, etag), (head.StatusCode, head.Headers.ETag));
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());

            var earlier = await ConditionalGetAsync(client, url, null, lastModified!.Value.AddSeconds(-1));
            Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
            var otherTag = await ConditionalGetAsync(client, url, new System.Net.Http.Headers.EntityTagHeaderValue("\"something-else\""), null);
            Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
            Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await otherTag.Content.ReadAsByteArrayAsync());
        }
    }
}
