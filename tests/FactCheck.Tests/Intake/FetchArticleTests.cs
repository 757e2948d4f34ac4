using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Web.Features.Intake;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Intake;

[CollectionDefinition(Name)]
public sealed class ArticleFetchCollection : ICollectionFixture<FetchDesk>
{
    public const string Name = "article fetch";
}

/// The news site and an app allowed to fetch from it (private addresses allowed, as a desk on its own intranet would set).
public sealed class FetchDesk : IAsyncLifetime
{
    public NewsSite Site { get; } = new();

    public TestApp App { get; } = new TestApp(settings: new Dictionary<string, string?>
    {
        ["FactCheck:Intake:Fetch:AllowPrivateAddresses"] = "true",
        // Short, so the test of a page that never answers does not wait the default 10 s.
        ["FactCheck:Intake:Fetch:TimeoutSeconds"] = "3",
    }).Start();

    public Task InitializeAsync() => Site.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        App.Dispose();
    }
}

/// FetchArticle reading pages from the local news site, and what it refuses.
[Collection(ArticleFetchCollection.Name)]
public sealed class FetchArticleTests(FetchDesk desk)
{
    private TestApp App => desk.App;

    private NewsSite Site => desk.Site;

    private async Task<FetchedArticle> FetchAsync(string path, string username = "checker") =>
        await App.QueryAsync(new FetchArticle { Url = Site.Url(path) }, await App.ActorAsync(username));

    private async Task<string> RefusalAsync(string path)
    {
        var client = await App.ApiClientAsync("checker");
        var response = await client.PostAsJsonAsync("/api/articles/fetch", new { url = Site.Url(path) });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Equal(["url"], errors.EnumerateObject().Select(e => e.Name));
        return errors.GetProperty("url")[0].GetString()!;
    }

    [Fact]
    public async Task A_news_page_gives_the_articles_paragraphs_without_the_sites_chrome_and_its_metadata()
    {
        var page = await FetchAsync("/berita/nagorno-karabakh");

        Assert.Equal(Site.Url("/berita/nagorno-karabakh"), page.Url);
        foreach (var paragraph in SeedArticle.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Assert.Contains(paragraph, page.Text, StringComparison.Ordinal);
        }

        Assert.Contains(SeedArticle.Putin, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Beranda", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bagikan", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hak cipta", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Berita terkait", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', page.Text);
        Assert.Equal(page.Text.Trim(), page.Text);
        Assert.Equal((NewsSite.Title, NewsSite.Outlet, new DateOnly(2020, 10, 24), "id"), (page.Title, page.Outlet, page.PublishedOn, page.Language));
    }

    [Fact]
    public async Task The_fetched_text_goes_on_to_propose_Putins_5000_figure()
    {
        var checker = await App.ActorAsync("checker");
        var page = await FetchAsync("/berita/nagorno-karabakh");

        var candidates = await App.QueryAsync(new ExtractArticle { Text = page.Text, Url = page.Url, Outlet = page.Outlet, PublishedAt = "2020-10-24", Language = page.Language }, checker);

        var putin = Assert.Single(candidates.Candidates, c => c.Text.Contains("menewaskan 5.000 orang", StringComparison.Ordinal));
        Assert.Equal((5000d, "Vladimir Putin"), (putin.Figure!.Value, putin.Claimant!.Name));
    }

    [Fact]
    public async Task A_redirect_chain_is_followed_and_the_final_address_returned()
    {
        var page = await FetchAsync("/go/4");

        Assert.Equal(Site.Url("/berita/nagorno-karabakh"), page.Url);
        Assert.Contains(SeedArticle.Putin, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_five_redirects_are_refused() =>
        Assert.Equal("The page redirected more than 5 times; fetch the final address instead.", await RefusalAsync("/go/5"));

    [Fact]
    public async Task A_redirect_to_a_file_address_is_refused() =>
        Assert.StartsWith("The page redirected to file:///etc/passwd, which is not an http:// or https:// link", await RefusalAsync("/to-file"), StringComparison.Ordinal);

    [Fact]
    public async Task A_plain_text_page_is_the_text_itself_with_its_line_ends_normalised()
    {
        var page = await FetchAsync("/plain.txt");

        Assert.Equal("Baris pertama.\n\nBaris kedua.", page.Text);
        Assert.Null(page.Language);
    }

    [Fact]
    public async Task A_missing_page_is_named_by_its_status() =>
        Assert.Equal("The page answered 404 Not Found.", await RefusalAsync("/missing"));

    [Fact]
    public async Task A_3_MB_page_is_refused_as_too_large() =>
        Assert.Equal("The page is larger than 2 MB; FactCheck does not read it. Paste the article's text instead.", await RefusalAsync("/huge"));

    [Fact]
    public async Task A_PDF_is_refused_as_not_a_web_page() =>
        Assert.Equal("The address is application/pdf, not a web page; FactCheck reads HTML and plain-text pages. Paste the text instead.", await RefusalAsync("/report.pdf"));

    [Fact]
    public async Task A_page_without_article_text_asks_for_the_text() =>
        Assert.Equal(FetchArticleHandler.NoText, await RefusalAsync("/empty"));

    [Fact]
    public async Task A_page_that_never_answers_is_given_up_after_the_timeout() =>
        Assert.Equal("127.0.0.1 did not answer within 3 seconds.", await RefusalAsync("/slow"));

    [Fact]
    public async Task A_port_nobody_listens_on_cannot_be_connected_to()
    {
        var client = await App.ApiClientAsync("checker");
        var response = await client.PostAsJsonAsync("/api/articles/fetch", new { url = "http://127.0.0.1:1/berita" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("url")[0].GetString();
        Assert.StartsWith("Could not connect to 127.0.0.1", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.org/berita")]
    [InlineData("javascript:alert(1)")]
    [InlineData("berita/nagorno-karabakh")]
    [InlineData("http://user:secret@example.org/berita")]
    [InlineData("")]
    public async Task Only_plain_http_and_https_addresses_are_fetched(string url)
    {
        var client = await App.ApiClientAsync("checker");
        var before = Site.Requests;

        var response = await client.PostAsJsonAsync("/api/articles/fetch", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("url")[0].GetString();
        Assert.Equal(PageDownload.NotHttp, message);
        Assert.Equal(before, Site.Requests);
    }

    [Fact]
    public async Task An_address_over_2000_characters_is_refused()
    {
        var url = Site.Url("/berita/nagorno-karabakh?q=" + new string('a', 2000));
        var checker = await App.ActorAsync("checker");
        var before = Site.Requests;

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => App.QueryAsync(new FetchArticle { Url = url }, checker));

        Assert.Equal([PageDownload.NotHttp], failure.Errors["Url"]);
        Assert.Equal(before, Site.Requests);
    }

    [Fact]
    public async Task Fact_checkers_and_editors_may_fetch_but_not_admins_or_anonymous_callers()
    {
        var query = new FetchArticle { Url = Site.Url("/plain.txt") };

        Assert.Equal("Baris pertama.\n\nBaris kedua.", (await FetchAsync("/plain.txt", "editor")).Text);
        Assert.Equal("Baris pertama.\n\nBaris kedua.", (await FetchAsync("/plain.txt", "checker")).Text);
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.QueryAsync(query, Actor.Anonymous));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.QueryAsync(query, await App.ActorAsync("admin")));
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_is_refused_when_only_the_first_host_is_allowed()
    {
        // Allow the test site's own address only, so the hop to 10.0.0.1 meets the same check a public site's would.
        using var client = new HttpClient(PageDownload.Handler(a => a.Equals(IPAddress.Loopback)));
        var before = Site.Requests;

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => PageDownload.DownloadAsync(client, new Uri(Site.Url("/to-private")), CancellationToken.None));

        Assert.Equal(PageDownload.PrivateAddress, Assert.Single(failure.Errors["Url"]));
        Assert.Equal(before + 1, Site.Requests);
    }
}

/// With the default settings nothing on a private or local address is fetched, and no request is even sent.
[Collection(IntakeAppCollection.Name)]
public sealed class FetchArticlePrivateAddressTests(IntakeApp fixture, NewsSite site) : IClassFixture<NewsSite>
{
    [Theory]
    [InlineData("http://localhost/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://[64:ff9b::7f00:1]/")]
    [InlineData("http://[2002:7f00:1::1]/")]
    [InlineData("http://198.18.0.1/")]
    public async Task Private_and_local_addresses_are_refused(string url)
    {
        var client = await fixture.App.ApiClientAsync("checker");

        var response = await client.PostAsJsonAsync("/api/articles/fetch", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(PageDownload.PrivateAddress, errors.GetProperty("url")[0].GetString());
    }

    [Fact]
    public async Task The_local_news_site_is_refused_before_any_request_reaches_it()
    {
        var client = await fixture.App.ApiClientAsync("checker");

        var response = await client.PostAsJsonAsync("/api/articles/fetch", new { url = site.Url("/berita/nagorno-karabakh") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(PageDownload.PrivateAddress, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, site.Requests);
    }

    [Theory]
    [InlineData("93.184.215.14", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("127.0.0.53", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("100.127.255.255", false)]
    [InlineData("100.128.0.1", true)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:10.1.2.3", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("198.18.0.1", false)]
    [InlineData("198.19.255.255", false)]
    [InlineData("198.20.0.1", true)]
    [InlineData("192.0.0.8", false)]
    [InlineData("192.0.1.1", true)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("64:ff9b::808:808", false)]
    [InlineData("2002:c0a8:101::1", false)]
    [InlineData("2002:808:808::1", false)]
    [InlineData("2001::1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2600:1f18:1:2::1", true)]
    [InlineData("2600:1f18:1:2::a00:1", false)]
    [InlineData("2600:1f18:1:2:0:a9fe:a9fe:0", false)]
    [InlineData("2600:1f18:1:2:0:5efe:c0a8:101", false)]
    [InlineData("2600:1f18:1:2:0:5efe:808:808", true)]
    [InlineData("100::1", false)]
    public void Addresses_are_public_only_outside_the_reserved_ranges(string address, bool isPublic) =>
        Assert.Equal(isPublic, PageDownload.IsPublic(IPAddress.Parse(address)));
}
