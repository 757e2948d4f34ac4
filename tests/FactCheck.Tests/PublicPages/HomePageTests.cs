using System.Text.RegularExpressions;
using System.Net;

namespace FactCheck.Tests.PublicPages;

/// The public home page (/): the latest published verdicts, search and filters, in English and Indonesian.
[Collection(PublicPagesCollection.Name)]
public sealed class HomePageTests(PublicPagesApp fixture)
{
    public const string Stepanakert = "Azerbaijani forces attacked buildings in Stepanakert";
    public const string BakuDenial = "Baku denies attacking buildings in Stepanakert";
    public const string Putin5000 = "The Nagorno-Karabakh fighting has killed 5,000 people";

    private TestApp App => fixture.App;

    private Task<PublicHtml> GetAsync(string path, string? acceptLanguage = null) => PublicHtml.GetAsync(App.CreateClient(), path, acceptLanguage);

    private async Task<string> SlugAsync(string title) => await App.ScalarAsync<string>("SELECT slug FROM claims WHERE title = @title", new { title });

    [Fact]
    public async Task Home_lists_the_published_demo_verdicts_and_no_claim_that_is_only_being_checked_or_new()
    {
        var page = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(
            new[] { await SlugAsync(Stepanakert), await SlugAsync(BakuDenial), await SlugAsync(Putin5000) }.Order(),
            page.Slugs.Order());
        Assert.DoesNotContain("Mortars and rockets landed in villages in Iran", page.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("Azerbaijan&#x27;s defence ministry reports fighting", page.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("Armenia blames Azerbaijan for the fighting", page.Source, StringComparison.Ordinal);
        Assert.NotNull(page.TestId("verdict-list"));
        Assert.Null(page.TestId("no-verdicts"));
    }

    [Fact]
    public async Task Each_item_links_to_its_verdict_and_shows_rating_summary_claimant_date_and_the_correction_marker()
    {
        var page = await GetAsync("/");
        var putin = page.Items.Single(i => i.QuerySelector("a")!.TextContent == Putin5000);
        var baku = page.Items.Single(i => i.QuerySelector("a")!.TextContent == BakuDenial);

        Assert.Equal($"/verdicts/{await SlugAsync(Putin5000)}", putin.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Mostly true", putin.QuerySelector("[data-testid=rating] .rating-label")!.TextContent);
        Assert.Contains("5,000 deaths", putin.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vladimir Putin", putin.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        // Two dates, each named: Putin spoke in October 2020; the verdict (corrected) is from the test clock's 2031.
        Assert.Equal("said 24 Oct 2020", putin.QuerySelector("[data-testid=said-on]")!.TextContent);
        Assert.Equal("2020-10-24", putin.QuerySelector("[data-testid=said-on]")!.GetAttribute("datetime"));
        Assert.Equal("checked 17 Aug 2031", putin.QuerySelector("[data-testid=checked-on]")!.TextContent);
        Assert.Matches(@"^Claimed by Vladimir Putin · said 24 Oct 2020 · checked 17 Aug 2031 · Corrected$", Regex.Replace(putin.QuerySelector(".meta")!.TextContent.Trim(), @"\s+", " "));
        Assert.Equal("Corrected", putin.QuerySelector("[data-testid=corrected]")?.TextContent);
        Assert.Equal("Mostly false", baku.QuerySelector("[data-testid=rating] .rating-label")!.TextContent);
        Assert.Null(baku.QuerySelector("[data-testid=corrected]"));
        Assert.Matches(@"^/claimants/\d+/verdicts$", baku.QuerySelector(".meta a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("Stepanakert")]
    [InlineData("stepanakert buildings")]
    [InlineData("\"Stepanakert\"*")]
    public async Task Search_finds_the_two_Stepanakert_verdicts_only(string q)
    {
        var page = await GetAsync("/?q=" + Uri.EscapeDataString(q));

        Assert.Equal(new[] { await SlugAsync(Stepanakert), await SlugAsync(BakuDenial) }.Order(), page.Slugs.Order());
        Assert.Equal(q, page.Document.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.NotNull(page.TestId("filter-summary"));
    }

    [Fact]
    public async Task A_search_with_no_match_says_so_instead_of_showing_the_empty_site_message()
    {
        var page = await GetAsync("/?q=Ouagadougou");

        Assert.Empty(page.Items);
        Assert.NotNull(page.TestId("no-results"));
        Assert.Null(page.TestId("no-verdicts"));
    }

    [Fact]
    public async Task Rating_filter_keeps_only_verdicts_with_that_rating()
    {
        var page = await GetAsync("/?rating=mostly-false");

        Assert.Equal([await SlugAsync(BakuDenial)], page.Slugs);
        Assert.Equal("mostly-false", page.Document.QuerySelector("select[name=rating] option[selected]")!.GetAttribute("value"));
        var mostlyTrue = await GetAsync("/?rating=mostly-true&q=Stepanakert");
        Assert.Equal([await SlugAsync(Stepanakert)], mostlyTrue.Slugs);
    }

    [Fact]
    public async Task Topic_filter_keeps_only_verdicts_on_that_topic_and_offers_only_topics_with_published_verdicts()
    {
        var page = await GetAsync("/?topic=casualties");

        Assert.Equal([await SlugAsync(Putin5000)], page.Slugs);
        var topics = page.Document.QuerySelectorAll("select[name=topic] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", "attacks", "casualties", "nagorno-karabakh"], topics);
        Assert.Equal("casualties", page.Document.QuerySelector("select[name=topic] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Paging_links_keep_the_search_rating_topic_and_language()
    {
        var page = await GetAsync("/?q=Stepanakert&rating=mostly-true&topic=attacks&lang=id&page=2");

        Assert.NotNull(page.TestId("no-results"));
        var newer = page.TestId("newer")!.GetAttribute("href")!;
        Assert.Equal(
            new Dictionary<string, string> { ["q"] = "Stepanakert", ["rating"] = "mostly-true", ["topic"] = "attacks", ["lang"] = "id" },
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + newer).Query).ToDictionary(q => q.Key, q => q.Value.ToString()));
    }

    [Fact]
    public async Task The_search_form_is_a_labelled_get_form_that_keeps_the_language_of_the_address()
    {
        var english = await GetAsync("/");
        var indonesian = await GetAsync("/?lang=id");

        var form = english.Document.QuerySelector("form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        foreach (var field in form.QuerySelectorAll("input:not([type=hidden]), select"))
        {
            Assert.NotNull(english.Document.QuerySelector($"label[for=\"{field.Id}\"]"));
        }

        Assert.Null(form.QuerySelector("input[name=lang]"));
        Assert.Equal("id", indonesian.Document.QuerySelector("form[role=search] input[type=hidden][name=lang]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/?lang=id", null)]
    [InlineData("/", "id-ID,id;q=0.9")]
    public async Task Home_speaks_Indonesian_when_asked_by_address_or_by_browser(string path, string? acceptLanguage)
    {
        var page = await GetAsync(path, acceptLanguage);

        Assert.Equal("id", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Hasil cek fakta terbaru", page.Text("h1"));
        Assert.Equal("Cari klaim", page.Text("label[for=q]"));
        var ratings = page.Document.QuerySelectorAll("select[name=rating] option").Select(o => o.TextContent).ToList();
        Assert.Equal(["Semua", "Benar", "Sebagian besar benar", "Campuran", "Sebagian besar salah", "Salah", "Menyesatkan", "Belum terverifikasi"], ratings);
        var putin = page.Items.Single(i => i.QuerySelector("a")!.TextContent == "Pertempuran di Nagorno-Karabakh telah menewaskan 5.000 orang");
        Assert.Equal("Sebagian besar benar", putin.QuerySelector(".rating-label")!.TextContent);
        Assert.Equal("Dikoreksi", putin.QuerySelector("[data-testid=corrected]")!.TextContent);
        Assert.Equal("dinyatakan 24 Okt 2020", putin.QuerySelector("[data-testid=said-on]")!.TextContent);
        Assert.Equal("diperiksa 17 Agu 2031", putin.QuerySelector("[data-testid=checked-on]")!.TextContent);
        Assert.Contains("Diklaim oleh", putin.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);

        // The cached Indonesian page is never served to an English reader.
        var english = await GetAsync("/", "en-GB,en;q=0.9");
        Assert.Equal("Latest verdicts", english.Text("h1"));
    }

    [Fact]
    public async Task Home_is_cookie_free_and_the_second_request_is_served_from_the_output_cache()
    {
        var client = App.CreateClient();
        var first = await client.GetAsync("/?topic=attacks");
        var second = await client.GetAsync("/?topic=attacks");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_has_a_localized_title_description_and_open_graph_tags()
    {
        var page = await GetAsync("/?lang=id");

        Assert.Equal("Hasil cek fakta terbaru · FactCheck", page.Document.Title);
        Assert.Contains("memeriksa klaim", page.Document.QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal("website", page.Document.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("FactCheck", page.Document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
    }
}
