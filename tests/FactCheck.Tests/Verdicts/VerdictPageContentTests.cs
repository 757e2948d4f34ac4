using FactCheck.Web.Components;
using FactCheck.Web.Features.Demo;

namespace FactCheck.Tests.Verdicts;

/// What a reader sees on the demo desk's published verdicts (read-only, on the shared app).
[Collection(SharedAppCollection.Name)]
public sealed class VerdictPageContentTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Theory]
    [InlineData("en", "24 October 2020", "Original (Indonesian)")]
    [InlineData("id", "24 Oktober 2020", "Asli (bahasa Indonesia)")]
    public async Task Verdict_page_shows_the_claim_as_said_with_its_translation_claimant_and_date(string language, string saidOn, string original)
    {
        var claim = Demo.Claim("stepanakert");

        var page = await PublicPage.GetAsync(App, PublicPage.Url(await Demo.SlugAsync(App, "stepanakert"), language));

        Assert.Equal(200, (int)page.Status);
        Assert.Equal(language == "id" ? Demo.Verdict("stepanakert").Verdict.Id.Title : claim.Title, page.H1);
        var said = page.One("[data-testid=claim-text]");
        Assert.Equal(("id", claim.Text), (said.GetAttribute("lang"), said.TextContent));
        Assert.Equal(original, said.ParentElement!.QuerySelector("figcaption")!.TextContent.Trim());
        var translation = page.One("[data-testid=translation]");
        Assert.Equal(("en", claim.TranslationEn), (translation.GetAttribute("lang"), translation.TextContent));
        Assert.Equal(claim.ClaimantName, page.Claimant);
        var date = page.One(".byline time");
        Assert.Equal(("2020-10-24", saidOn), (date.GetAttribute("datetime"), date.TextContent));
    }

    [Theory]
    [InlineData("en", "Mostly true", "Rated 4 on a scale from 1 (false) to 5 (true)", "Supports the claim")]
    [InlineData("id", "Sebagian besar benar", "Nilai 4 pada skala 1 (salah) sampai 5 (benar)", "Mendukung klaim")]
    public async Task Verdict_page_shows_the_rating_in_words_and_on_the_scale_with_summary_explanation_and_sources(
        string language, string label, string scale, string stance)
    {
        var verdict = Demo.Verdict("stepanakert");

        var page = await PublicPage.GetAsync(App, PublicPage.Url(await Demo.SlugAsync(App, "stepanakert"), language));

        Assert.Equal(label, page.RatingLabel);
        var steps = page.One(".verdict-box .rating-scale");
        Assert.Equal(scale, steps.GetAttribute("aria-label"));
        Assert.Equal(4, steps.QuerySelectorAll(".step.on").Length);
        var text = language == "id" ? verdict.Verdict.Id : verdict.Verdict.En;
        Assert.Contains(text.Summary, page.One("[data-testid=summary]").TextContent);
        Assert.Equal(text.Title, page.H1);
        var explanation = page.One(".explanation");
        Assert.Contains(language == "id" ? "hak asasi manusia internasional" : "Two international", explanation.TextContent);
        Assert.Equal(label.ToLowerInvariant(), explanation.QuerySelector("strong")!.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("[data-testid=attribution]"));
        var sources = page.Document.QuerySelectorAll("[data-testid=sources] li");
        Assert.Equal(verdict.Sources.Select(s => (s.Url, s.Title)), sources.Select(li => (li.QuerySelector("a")!.GetAttribute("href")!, li.QuerySelector("a")!.TextContent)));
        Assert.All(sources, li => Assert.Equal(stance, li.QuerySelector(".stance")!.TextContent));
    }

    [Theory]
    [InlineData("en", "Mostly false", "Confirmed: the claimant said it")]
    [InlineData("id", "Sebagian besar salah", "Terkonfirmasi: memang dikatakan")]
    public async Task Statement_verdict_shows_whether_the_claimant_said_it(string language, string label, string finding)
    {
        var page = await PublicPage.GetAsync(App, PublicPage.Url(await Demo.SlugAsync(App, "baku-denial"), language));

        Assert.Equal(label, page.RatingLabel);
        Assert.EndsWith(finding, page.One("[data-testid=attribution]").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Corrected on", "Rating changed from Unverified to Mostly true.", "What changed:", "current", "First published verdict")]
    [InlineData("id", "Dikoreksi pada", "Penilaian berubah dari Belum terverifikasi menjadi Sebagian besar benar.", "Yang berubah:", "terkini", "Hasil pertama yang diterbitkan")]
    public async Task Corrected_verdict_shows_the_dated_correction_notice_and_the_version_history(
        string language, string correctedOn, string ratingChange, string whatChanged, string current, string firstVersion)
    {
        var (reason, corrected) = Demo.Verdict("putin-5000").Correction!.Value;
        var slug = await Demo.SlugAsync(App, "putin-5000");
        var correctedAt = await App.ScalarAsync<DateTimeOffset>("SELECT k.published_at FROM corrections k JOIN claims c ON c.id = k.claim_id WHERE c.slug = @slug", new { slug });

        var page = await PublicPage.GetAsync(App, PublicPage.Url(slug, language));

        Assert.Equal(language == "id" ? "Sebagian besar benar" : "Mostly true", page.RatingLabel);
        var notice = page.One("[data-testid=correction]");
        Assert.Equal($"{correctedOn} {PublicFormat.Date(correctedAt, language, Demo.Zone)}", notice.QuerySelector("h2")!.TextContent);
        Assert.Contains(reason, notice.TextContent);
        Assert.Contains(ratingChange, notice.TextContent);
        Assert.Contains($"{whatChanged} {corrected.ChangeNote}", notice.TextContent);
        var rows = page.Document.QuerySelectorAll("[data-testid=versions] tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal($"2 ({current})", rows[0][0]);
        Assert.Equal(page.RatingLabel, rows[0][2]);
        Assert.Equal(corrected.ChangeNote, rows[0][3]);
        Assert.Equal(("1", language == "id" ? "Belum terverifikasi" : "Unverified", firstVersion), (rows[1][0], rows[1][2], rows[1][3]));
        Assert.Empty(page.Document.QuerySelectorAll("[data-testid=correction-open]"));
    }

    [Theory]
    [InlineData("en", "Published", "/about/methodology?lang=en", "/about/corrections?lang=en")]
    [InlineData("id", "Diterbitkan", "/about/methodology?lang=id", "/about/corrections?lang=id")]
    public async Task Verdict_page_dates_its_publication_and_links_the_methodology_and_corrections_policy(
        string language, string published, string methodology, string corrections)
    {
        var slug = await Demo.SlugAsync(App, "stepanakert");
        var publishedAt = await App.ScalarAsync<DateTimeOffset>(
            "SELECT min(v.published_at) FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE c.slug = @slug AND v.published_at IS NOT NULL", new { slug });

        var page = await PublicPage.GetAsync(App, PublicPage.Url(slug, language));

        Assert.Equal($"{published} {PublicFormat.Date(publishedAt, language, Demo.Zone)}", page.One(".verdict-box .dates").TextContent.Trim());
        var footer = page.One(".verdict-footer").QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(methodology, footer);
        Assert.Contains(corrections, footer);
    }

    [Fact]
    public async Task Verdict_page_is_plain_html_without_blazor_script_sign_in_or_cookie()
    {
        var page = await PublicPage.GetAsync(App, PublicPage.Url(await Demo.SlugAsync(App, "stepanakert")));

        Assert.Equal(200, (int)page.Status);
        Assert.DoesNotContain("blazor.web.js", page.Html);
        Assert.DoesNotContain("_blazor", page.Html);
        Assert.Empty(page.Document.QuerySelectorAll("script[src]"));
        Assert.Equal(page.JsonLdScripts, page.Document.QuerySelectorAll("script"));
        Assert.Empty(page.Document.QuerySelectorAll("form, input"));
        Assert.False(page.SetsCookie);
        Assert.Equal("text/html; charset=utf-8", page.Response.Content.Headers.ContentType?.ToString());
    }
}

/// The demo case as DemoCase defines it, and the slugs Bootstrap gave its claims.
public static class Demo
{
    public static readonly TimeZoneInfo Zone = PublicFormat.Zone(new FactCheck.Web.Infrastructure.FactCheckOptions());

    public static FactCheck.Web.Features.Claims.SubmitClaim Claim(string key) => DemoCase.Claims().Single(c => c.Key == key).Claim;

    public static (string Key, IReadOnlyList<DemoCase.DemoSource> Sources, DemoCase.DemoVerdict Verdict, (string Reason, DemoCase.DemoVerdict Verdict)? Correction) Verdict(string key) =>
        DemoCase.Verdicts.Single(v => v.Key == key);

    public static Task<string> SlugAsync(TestApp app, string key) =>
        app.ScalarAsync<string>("SELECT slug FROM claims WHERE title = @Title", new { Claim(key).Title });
}
