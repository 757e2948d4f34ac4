using System.Text;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Verdicts;

/// Claims are quoted from anywhere: whatever their text holds is shown as text, in the page and in its markup.
public sealed class HostileClaimTextTests(VerdictsApp fixture) : IClassFixture<VerdictsApp>
{
    private const string Title = "</script><script>alert(1)</script> \"Tartar\" & <b>co</b>";
    private const string Text = "<img src=x onerror=alert(1)> \"kutipan\" & <b>tebal</b> </script><!-- <script>";
    private const string Claimant = "Menteri \"Luar\" & <i onmouseover=alert(2)>Dalam</i>";
    private const string Summary = "<script>alert(3)</script> & \"quoted\" </SCRIPT >";

    private const string Explanation = """
        Raw <img src=x onerror=alert(4)> and <script>alert(5)</script> stay text.

        [klik di sini](javascript:alert(6)) and [data](data:text/html;base64,PHNjcmlwdD4=) are not links, nor is <javascript:alert(7)>.
        ![gambar](javascript:alert(8)) but [the report](https://example.org/report) is.
        """;

    [Theory]
    [InlineData("en")]
    [InlineData("id")]
    public async Task Html_in_a_claim_is_shown_as_text_and_injects_nothing(string language)
    {
        var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url((await PublishHostileClaimAsync()).Slug, language));

        Assert.Equal(Title, page.H1);
        Assert.Equal(Text, page.One("[data-testid=claim-text]").TextContent);
        Assert.Equal(Claimant, page.Claimant);
        Assert.Equal(Text, page.One("[data-testid=translation]").TextContent);
        Assert.EndsWith(Summary, page.One("[data-testid=summary]").TextContent);
        Assert.Equal($"{page.RatingLabel}: {Title}", page.Meta("og:title"));
        Assert.StartsWith($"{page.RatingLabel}: {Title} · ", page.Document.Title);
        Assert.Equal(Summary, page.Meta("og:description"));

        Assert.Equal(page.JsonLdScripts, page.Document.QuerySelectorAll("script"));
        Assert.Empty(page.Document.QuerySelectorAll("img, b, i, svg, iframe, object"));
        Assert.DoesNotContain(page.Document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Raw <img src=x onerror=alert(4)> and <script>alert(5)</script> stay text.", page.One(".explanation").TextContent);
    }

    [Fact]
    public async Task Hostile_text_stays_valid_json_in_the_claim_review_and_round_trips_exactly()
    {
        var claim = await PublishHostileClaimAsync();

        foreach (var language in new[] { "en", "id" })
        {
            var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url(claim.Slug, language));
            var review = ClaimReviewValidator.Validate(page, language);

            Assert.Equal(Title, (string)review["claimReviewed"]!);
            Assert.Equal(Claimant, (string)review["itemReviewed"]!["author"]!["name"]!);
            Assert.Equal(Summary, (string)review["reviewBody"]!);
            var closings = page.Html.Split("</script", StringSplitOptions.None).Length - 1
                + page.Html.Split("</SCRIPT", StringSplitOptions.None).Length - 1;
            Assert.Equal(1, closings);
            Assert.DoesNotContain("<!--", page.JsonLdScripts[0].InnerHtml);
        }
    }

    [Fact]
    public async Task Links_on_a_verdict_page_are_http_or_local_only()
    {
        var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url((await PublishHostileClaimAsync()).Slug));

        var hrefs = page.Document.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();
        Assert.All(hrefs, href => Assert.True(
            href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal)
            || (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)) || href.StartsWith("css/", StringComparison.Ordinal) || href.StartsWith("favicon", StringComparison.Ordinal),
            $"'{href}' is not an http(s) or local address."));
        var explanation = page.One(".explanation");
        Assert.Equal(["https://example.org/report"], explanation.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("klik di sini", explanation.TextContent);
        Assert.DoesNotContain("javascript:", string.Join(' ', hrefs), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_web_addresses_are_accepted_as_evidence_or_appearance()
    {
        var flow = fixture.Workflow;
        var claim = await flow.SubmitAsync();
        await flow.MoveToAsync(claim.Id, "researching");

        foreach (var address in new[] { "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x", "ftp://example.org/a" })
        {
            await Assert.ThrowsAsync<ValidationFailedException>(() => fixture.App.SendAsync(
                new AddEvidence { ClaimId = claim.Id, Url = address, Title = "Source", Stance = "refutes" }, flow.Review.Checker));
            await Assert.ThrowsAsync<ValidationFailedException>(() => fixture.App.SendAsync(
                new AddAppearance { ClaimId = claim.Id, Url = address }, flow.Review.Checker));
        }
    }

    [Theory]
    [InlineData("en", "4,000–5,000 deaths", "Mostly true")]
    [InlineData("id", "4.000–5.000 deaths", "Sebagian besar benar")]
    public async Task Indonesian_text_and_dashes_reach_the_reader_as_utf8(string language, string figure, string label)
    {
        const string title = "Korban 4.000–5.000 jiwa — kata menteri “resmi” di Tartar";
        var claim = await fixture.Workflow.SubmitAndPublishAsync(
            c =>
            {
                c.Title = title;
                c.Text = "Menurut menteri, korban jiwa mencapai 4.000–5.000 orang — “angka resmi”, katanya. Café Tartar tutup.";
                c.Kind = "figure";
                c.FigureLow = 4000;
                c.FigureHigh = 5000;
                c.FigureUnit = "deaths";
            },
            new SubmitVerdict { Rating = "mostly-true", Summary = "Rumah sakit mencatat 4.600 korban — “mendekati” angka menteri.", Explanation = "Data rumah sakit – dua sumber." });

        var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url(claim.Slug, language));

        Assert.Equal("utf-8", page.Response.Content.Headers.ContentType?.CharSet);
        Assert.Equal(title, page.H1);
        Assert.Equal(label, page.RatingLabel);
        Assert.Contains(figure, page.One(".figure").TextContent);
        Assert.Contains("“angka resmi”", page.One("[data-testid=claim-text]").TextContent);
        Assert.DoesNotContain('\uFFFD', page.Html);
        Assert.Equal(title, (string)ClaimReviewValidator.Validate(page, language)["claimReviewed"]!);
        var markup = Encoding.UTF8.GetBytes(page.JsonLdScripts[0].TextContent);
        Assert.True(page.Bytes.AsSpan().IndexOf(markup) >= 0, "The markup is not in the response as UTF-8 bytes.");
        Assert.Contains("4.000–5.000", page.JsonLdScripts[0].TextContent);
    }

    private async Task<SubmittedClaim> PublishHostileClaimAsync() =>
        await fixture.Workflow.SubmitAndPublishAsync(
            c =>
            {
                c.Title = Title;
                c.Text = Text;
                c.TranslationEn = Text;
                c.ClaimantName = Claimant;
                c.Place = "<svg onload=alert(9)>";
            },
            new SubmitVerdict { Rating = "mostly-false", Summary = Summary, Explanation = Explanation });
}
