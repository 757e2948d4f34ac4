using System.Net;
using System.Net.Http.Headers;
using FactCheck.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Verdicts;

/// Public pages as a shared cache in front (nginx, a CDN) sees them: a strong validator, 304 on revalidation, HEAD
/// like GET, Vary only on what changes the page, and a new validator the moment a correction is published.
public sealed class SharedCacheTests(VerdictsApp fixture) : IClassFixture<VerdictsApp>
{
    private TestApp App => fixture.App;

    private static async Task<HttpResponseMessage> RevalidateAsync(HttpClient client, string url, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }

    private async Task<string[]> PublicUrlsAsync()
    {
        var claim = await fixture.Workflow.SubmitAndPublishAsync();
        var claimantId = await App.ScalarAsync<long>("SELECT claimant_id FROM claims WHERE id = @id", new { id = claim.Id });
        var topic = await App.ScalarAsync<string>("SELECT slug FROM topics WHERE merged_into_id IS NULL ORDER BY id LIMIT 1");
        return
        [
            PublicPage.Url(claim.Slug), PublicPage.Url(claim.Slug, "id"), "/", "/?lang=id", "/?q=market", "/about/methodology",
            "/about/corrections?lang=id", $"/claimants/{claimantId}/verdicts", $"/topics/{topic}",
            "/feeds/verdicts.atom", "/feeds/verdicts.csv", "/api/claimreviews",
        ];
    }

    [Fact]
    public async Task Every_public_page_has_a_strong_etag_and_a_revalidation_is_a_304_without_a_body()
    {
        var client = App.CreateClient();
        foreach (var url in await PublicUrlsAsync())
        {
            var first = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            Assert.False(etag is null || etag.IsWeak, $"{url}: a strong ETag");
            Assert.Equal(PublicPageMiddleware.PublicCacheControl, first.Headers.CacheControl!.ToString());

            var revalidated = await RevalidateAsync(client, url, etag!);

            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, revalidated.Headers.ETag);
            var other = await RevalidateAsync(client, url, new EntityTagHeaderValue("\"0123\""));
            Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await other.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Head_is_answered_like_get_with_the_same_headers_and_no_body()
    {
        var client = App.CreateClient();
        foreach (var url in (await PublicUrlsAsync()).Append("/tips").Append("/login"))
        {
            var get = await client.GetAsync(url);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (get.StatusCode, head.StatusCode));
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        }

        var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/verdicts/no-such-verdict"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var staff = await App.Browser().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/queue"));
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
    }

    [Fact]
    public async Task A_head_fills_the_cache_for_the_next_get()
    {
        var claim = await fixture.Workflow.SubmitAndPublishAsync();
        var client = App.CreateClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, PublicPage.Url(claim.Slug)));
        var get = await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug));

        Assert.True(get.FromCache);
        Assert.Equal(head.Headers.ETag, get.Response.Headers.ETag);
        Assert.Equal(head.Content.Headers.ContentLength, get.Bytes.Length);
    }

    [Fact]
    public async Task A_fresh_render_of_unchanged_content_keeps_its_etag()
    {
        var claim = await fixture.Workflow.SubmitAndPublishAsync();
        var first = await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug));

        await App.Services.GetRequiredService<PublicCache>().EvictAsync([claim.Id]);
        var rendered = await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug));

        Assert.False(rendered.FromCache);
        Assert.Equal(first.Response.Headers.ETag, rendered.Response.Headers.ETag);
        Assert.DoesNotContain("Blazor-Server-Component-State", rendered.Html);
    }

    [Fact]
    public async Task A_correction_changes_the_etag_so_the_next_revalidation_gets_the_new_verdict()
    {
        var flow = fixture.Workflow;
        var claim = await flow.SubmitAndPublishAsync();
        var url = PublicPage.Url(claim.Slug, "id");
        var client = App.CreateClient();
        var before = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotModified, (await RevalidateAsync(client, url, before.Headers.ETag!)).StatusCode);

        await flow.CorrectAsync(claim.Id, "mostly-true", "Hospital records came to light.", "The market was hit on 21 October.");
        var after = await RevalidateAsync(client, url, before.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("Sebagian besar benar", await after.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, (await RevalidateAsync(client, url, after.Headers.ETag!)).StatusCode);
    }

    [Fact]
    public async Task Pages_vary_on_the_browser_language_only_without_lang_in_the_address_and_never_on_cookies()
    {
        var slug = (await fixture.Workflow.SubmitAndPublishAsync()).Slug;

        var negotiated = await PublicPage.GetAsync(App, PublicPage.Url(slug), "id");
        var addressed = await PublicPage.GetAsync(App, PublicPage.Url(slug, "id"), "en");
        var unknown = await PublicPage.GetAsync(App, PublicPage.Url(slug) + "?lang=xx", "en");

        Assert.Equal(["Accept-Language"], negotiated.Response.Headers.Vary);
        Assert.Empty(addressed.Response.Headers.Vary);
        Assert.Equal(("id", "id"), (negotiated.Language, addressed.Language));
        Assert.Equal((HttpStatusCode.OK, "en"), (unknown.Status, unknown.Language));
        Assert.Equal(["Accept-Language"], unknown.Response.Headers.Vary);
    }

    [Fact]
    public async Task The_remembered_language_cookie_does_not_change_a_public_page()
    {
        var slug = (await fixture.Workflow.SubmitAndPublishAsync()).Slug;
        var reader = PublicPage.Reader(App, "en");
        var switched = await reader.GetAsync($"/lang/id?return=/verdicts/{slug}");
        Assert.Equal(PublicPage.Url(slug, "id"), switched.Headers.Location!.OriginalString);

        var page = await PublicPage.GetAsync(reader, PublicPage.Url(slug));
        var anonymous = await PublicPage.GetAsync(App, PublicPage.Url(slug), "en");

        Assert.Equal("en", page.Language);
        Assert.Equal(anonymous.Response.Headers.ETag, page.Response.Headers.ETag);
    }

    [Fact]
    public async Task Nginx_is_told_to_store_public_pages_already_expired_so_it_revalidates_each_use()
    {
        var claim = await fixture.Workflow.SubmitAndPublishAsync();

        var page = await App.CreateClient().GetAsync(PublicPage.Url(claim.Slug));
        var staff = await App.Browser().GetAsync("/login");

        Assert.Equal(["@1"], page.Headers.GetValues(PublicPageMiddleware.NginxExpires));
        Assert.False(staff.Headers.Contains(PublicPageMiddleware.NginxExpires));
    }

    [Fact]
    public async Task Without_the_output_cache_a_render_answers_the_revalidation_itself()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:PublicCache:Enabled"] = "false" });
        var client = app.CreateClient();
        var first = await client.GetAsync("/about/methodology");

        var revalidated = await RevalidateAsync(client, "/about/methodology", first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, revalidated.Headers.ETag);
    }
}
