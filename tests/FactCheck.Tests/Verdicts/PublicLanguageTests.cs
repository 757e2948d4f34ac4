using System.Net;

namespace FactCheck.Tests.Verdicts;

/// The verdict page in English and Bahasa Indonesia: ?lang=, else the browser's preference.
[Collection(SharedAppCollection.Name)]
public sealed class PublicLanguageTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Theory]
    [InlineData("?lang=id", "en", "id", "Penilaian kami")]
    [InlineData("?lang=en", "id", "en", "Our rating")]
    [InlineData("", "id-ID,id;q=0.9,en;q=0.5", "id", "Penilaian kami")]
    [InlineData("", "id", "id", "Penilaian kami")]
    [InlineData("", "en-GB,en;q=0.8", "en", "Our rating")]
    [InlineData("", "fr-FR", "en", "Our rating")]
    public async Task Address_then_browser_preference_choose_the_language(string query, string acceptLanguage, string language, string heading)
    {
        var page = await PublicPage.GetAsync(App, "/verdicts/" + await Demo.SlugAsync(App, "stepanakert") + query, acceptLanguage);

        Assert.Equal(language, page.Language);
        Assert.Equal([language], page.Response.Content.Headers.ContentLanguage);
        Assert.Equal(heading, page.One("#our-rating").TextContent);
        Assert.Equal(query.Length == 0, page.Response.Headers.Vary.Contains("Accept-Language"));
    }

    [Fact]
    public async Task Language_switch_returns_to_the_page_with_the_language_in_its_address()
    {
        var slug = await Demo.SlugAsync(App, "stepanakert");
        var reader = PublicPage.Reader(App, "en");
        var english = await PublicPage.GetAsync(reader, PublicPage.Url(slug));
        var switchLink = english.One("[data-testid=language-switch]").GetAttribute("href")!;
        Assert.Equal($"/lang/id?return=%2Fverdicts%2F{slug}", switchLink);

        var switched = await reader.GetAsync(switchLink);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(PublicPage.Url(slug, "id"), switched.Headers.Location!.OriginalString);
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("factcheck.lang=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var indonesian = await PublicPage.GetAsync(reader, switched.Headers.Location!.OriginalString);
        Assert.Equal("id", indonesian.Language);
        Assert.Equal("Penilaian kami", indonesian.One("#our-rating").TextContent);
        Assert.False(indonesian.SetsCookie);
        Assert.All(indonesian.Document.QuerySelectorAll(".site-header nav a[href^='/?']"), a => Assert.EndsWith("lang=id", a.GetAttribute("href")));

        var back = await reader.GetAsync(indonesian.One("[data-testid=language-switch]").GetAttribute("href"));
        Assert.Equal(PublicPage.Url(slug, "en"), back.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("https://evil.example/verdicts/x")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task Language_switch_never_sends_the_reader_off_site(string target)
    {
        var response = await PublicPage.Reader(App).GetAsync("/lang/id?return=" + Uri.EscapeDataString(target));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/", location);
        Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal), location);
        Assert.Equal("localhost", new Uri(new Uri("https://localhost/"), location).Host);
        Assert.DoesNotContain("evil", location);
    }

    [Fact]
    public async Task Language_switch_knows_only_english_and_indonesian()
    {
        var response = await PublicPage.Reader(App).GetAsync("/lang/fr?return=/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    [InlineData(null)]
    public async Task Hreflang_alternates_give_absolute_addresses_of_each_language_and_a_default(string? language)
    {
        var slug = await Demo.SlugAsync(App, "baku-denial");

        var page = await PublicPage.GetAsync(App, PublicPage.Url(slug, language));

        Assert.Equal($"https://localhost/verdicts/{slug}?lang=en", page.Alternate("en"));
        Assert.Equal($"https://localhost/verdicts/{slug}?lang=id", page.Alternate("id"));
        Assert.Equal($"https://localhost/verdicts/{slug}", page.Alternate("x-default"));
        foreach (var (hreflang, expected) in new[] { ("en", "en"), ("id", "id") })
        {
            var alternate = await PublicPage.GetAsync(App, new Uri(page.Alternate(hreflang)!).PathAndQuery, acceptLanguage: language == "en" ? "id" : "en");
            Assert.Equal(expected, alternate.Language);
        }
    }

    [Fact]
    public async Task A_cached_page_is_never_served_in_the_other_language()
    {
        var url = PublicPage.Url(await Demo.SlugAsync(App, "putin-5000"));
        await PublicPage.GetAsync(App, url, "en");
        var english = await PublicPage.GetAsync(App, url, "en");
        Assert.True(english.FromCache);

        var indonesian = await PublicPage.GetAsync(App, url, "id");
        var byAddress = await PublicPage.GetAsync(App, url + "?lang=id", "en");

        Assert.Equal(("en", "Mostly true"), (english.Language, english.RatingLabel));
        Assert.Equal(("id", "Sebagian besar benar"), (indonesian.Language, indonesian.RatingLabel));
        Assert.Equal(("id", "Sebagian besar benar"), (byAddress.Language, byAddress.RatingLabel));
        Assert.Equal("id", (string)ClaimReviewValidator.Validate(byAddress, "id")["inLanguage"]!);
    }
}
