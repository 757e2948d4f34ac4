using System.Net;
using FactCheck.Tests.Review;
using Microsoft.AspNetCore.WebUtilities;

namespace FactCheck.Tests.PublicPages;

/// Home and claimant lists as verdicts are published: paging past 20 and a cached list that never goes stale.
/// Each test publishes verdicts, so each has its own app.
public sealed class HomePagingTests
{
    [Fact]
    public async Task More_than_20_verdicts_page_newest_first_with_links_that_keep_the_search_and_the_language()
    {
        using var app = new TestApp().Start();
        var review = await ReviewDriver.CreateAsync(app);
        var published = new List<long>();
        for (var i = 0; i < 22; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            published.Add(await review.ClaimInStateAsync("published"));
        }

        var slugs = await app.RowsAsync<string>("SELECT slug FROM claims WHERE id IN @published ORDER BY id DESC", new { published });
        var client = app.CreateClient();

        var first = await PublicHtml.GetAsync(client, "/");
        Assert.Equal(slugs.Take(20), first.Slugs);
        Assert.Null(first.TestId("newer"));
        var second = await PublicHtml.GetAsync(client, first.TestId("older")!.GetAttribute("href")!);
        Assert.Equal(5, second.Items.Count);
        Assert.Equal(slugs.Skip(20), second.Slugs.Take(2));
        Assert.Contains(HomePageTests.Putin5000, second.Source, StringComparison.Ordinal);
        Assert.Null(second.TestId("older"));
        Assert.Equal("/", second.TestId("newer")!.GetAttribute("href"));

        var search = await PublicHtml.GetAsync(client, "/?q=review&rating=false&lang=id");
        Assert.Equal(20, search.Items.Count);
        var older = search.TestId("older")!.GetAttribute("href")!;
        Assert.Equal(
            new Dictionary<string, string> { ["q"] = "review", ["rating"] = "false", ["page"] = "2", ["lang"] = "id" },
            QueryHelpers.ParseQuery(new Uri("http://x" + older).Query).ToDictionary(q => q.Key, q => q.Value.ToString()));
        var rest = await PublicHtml.GetAsync(client, older);
        Assert.Equal(slugs.Skip(20), rest.Slugs);
        Assert.Equal("Lebih baru", rest.TestId("newer")!.TextContent);
        Assert.Equal(
            new Dictionary<string, string> { ["q"] = "review", ["rating"] = "false", ["lang"] = "id" },
            QueryHelpers.ParseQuery(new Uri("http://x" + rest.TestId("newer")!.GetAttribute("href")).Query).ToDictionary(q => q.Key, q => q.Value.ToString()));
    }

    [Fact]
    public async Task A_newly_published_verdict_shows_on_cached_home_and_claimant_pages_as_soon_as_the_approval_returns()
    {
        using var app = new TestApp().Start();
        var review = await ReviewDriver.CreateAsync(app);
        var client = app.CreateClient();
        var earlier = await review.ClaimInStateAsync("published");
        var claimant = await app.ScalarAsync<long>("SELECT claimant_id FROM claims WHERE id = @earlier", new { earlier });
        var claimantPage = $"/claimants/{claimant}/verdicts";
        var id = await review.ClaimInStateAsync("in_review");
        foreach (var path in new[] { "/", claimantPage })
        {
            await client.GetAsync(path);
            Assert.NotNull((await client.GetAsync(path)).Headers.Age);
        }

        await review.ApproveAsync(id);
        var slug = await app.ScalarAsync<string>("SELECT slug FROM claims WHERE id = @id", new { id });

        var home = await PublicHtml.GetAsync(client, "/");
        var record = await PublicHtml.GetAsync(client, claimantPage);
        Assert.Equal(slug, home.Slugs[0]);
        Assert.Equal(slug, record.Slugs[0]);
        Assert.Equal(2, record.Items.Count);
        Assert.Null(home.Response.Headers.Age);
    }

    [Fact]
    public async Task A_site_with_nothing_published_shows_the_empty_message_on_home()
    {
        using var app = new TestApp(demoData: false).Start();

        var page = await PublicHtml.GetAsync(app.CreateClient(), "/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.TestId("no-verdicts"));
        Assert.Null(page.TestId("verdict-list"));
        Assert.Equal(["All ratings"], page.Document.QuerySelectorAll("select[name=rating] option").Take(1).Select(o => o.TextContent));
        Assert.Single(page.Document.QuerySelectorAll("select[name=topic] option"));
    }
}
