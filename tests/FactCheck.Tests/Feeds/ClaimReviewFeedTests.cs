using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static FactCheck.Tests.Feeds.FeedKit;

namespace FactCheck.Tests.Feeds;

public sealed class ClaimReviewFeedTests(FeedsApp feeds) : IClassFixture<FeedsApp>
{
    private static readonly string[] DemoSlugs =
    [
        "azerbaijani-forces-attacked-buildings-in-stepanakert-1",
        "baku-denies-attacking-buildings-in-stepanakert-2",
        "the-nagorno-karabakh-fighting-has-killed-5-000-people-3",
    ];

    private TestApp App => feeds.App;

    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    [InlineData("id")]
    public async Task Each_item_equals_the_ClaimReview_markup_of_its_verdict_page(string? lang)
    {
        var client = App.CreateClient();
        var query = lang is null ? "" : "?lang=" + lang;

        var items = Items(await ClaimReviewsAsync(client, ClaimReviews + query)).ToList();

        Assert.Equal(DemoSlugs.Length, items.Count);
        foreach (var slug in DemoSlugs)
        {
            var page = JsonLd(await client.GetStringAsync($"/verdicts/{slug}{query}"));
            var item = items.Single(i => (string?)i["url"] == (string?)page["url"]);
            Assert.True(JsonNode.DeepEquals(page, item), $"{slug}{query}:\npage: {page.ToJsonString()}\nfeed: {item.ToJsonString()}");
        }

        Assert.Equal(lang ?? "en", (string?)items[0]["inLanguage"]);
    }

    [Fact]
    public async Task The_feed_is_public_and_says_there_is_no_next_page_at_the_end()
    {
        var response = await App.CreateClient().GetAsync(ClaimReviews);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Null(page["next"]);
        var corrected = Items(page).Single(i => ((string)i["url"]!).EndsWith(DemoSlugs[2] + "?lang=en", StringComparison.Ordinal));
        Assert.Equal("Mostly true", (string?)corrected["reviewRating"]!["alternateName"]);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_ClaimReview_feed()
    {
        var document = JsonNode.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var feed = document["paths"]?["/api/claimreviews"]?["get"];
        Assert.NotNull(feed);
        Assert.Equal(["since", "limit", "lang"], feed["parameters"]!.AsArray().Select(p => (string?)p!["name"]));
    }

    [Theory]
    [InlineData("since=yesterday", "since")]
    [InlineData("since=2020-13-45", "since")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("lang=fr", "lang")]
    public async Task A_bad_parameter_is_a_400_problem_naming_the_field(string query, string field)
    {
        var response = await App.CreateClient().GetAsync($"{ClaimReviews}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
