using System.Text.Json.Nodes;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;

namespace FactCheck.Tests.Verdicts;

/// The ClaimReview markup of the demo desk's verdicts (read-only, on the shared app, no organisation configured).
[Collection(SharedAppCollection.Name)]
public sealed class ClaimReviewMarkupTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task Every_published_verdict_has_one_valid_claim_review_that_matches_the_page_in_both_languages()
    {
        var slugs = await App.RowsAsync<string>("SELECT slug FROM claims WHERE published_verdict_id IS NOT NULL ORDER BY id");
        foreach (var key in new[] { "stepanakert", "baku-denial", "putin-5000" })
        {
            Assert.Contains(await Demo.SlugAsync(App, key), slugs);
        }

        foreach (var slug in slugs)
        {
            var labels = new List<string>();
            foreach (var language in new[] { "en", "id" })
            {
                var page = await PublicPage.GetAsync(App, PublicPage.Url(slug, language));
                var review = ClaimReviewValidator.Validate(page, language);

                Assert.Equal(("FactCheck", "https://localhost/"), ((string)review["author"]!["name"]!, (string)review["author"]!["url"]!));
                Assert.Equal("FactCheck", page.One(".site-header .brand").TextContent);
                labels.Add(page.RatingLabel);
            }

            Assert.NotEqual(labels[0], labels[1]);
        }
    }

    [Theory]
    [InlineData("stepanakert", 4, "Organization")]
    [InlineData("baku-denial", 2, "Organization")]
    [InlineData("putin-5000", 4, "Person")]
    public async Task Rating_value_and_claimant_type_follow_the_scale_and_the_claimant(string key, int value, string claimantType)
    {
        var page = await PublicPage.GetAsync(App, PublicPage.Url(await Demo.SlugAsync(App, key), "id"));

        var review = ClaimReviewValidator.Validate(page, "id");

        Assert.Equal((value, RatingScale.BestValue, RatingScale.WorstValue), ((int)review["reviewRating"]!["ratingValue"]!, (int)review["reviewRating"]!["bestRating"]!, (int)review["reviewRating"]!["worstRating"]!));
        Assert.Equal(claimantType, (string)review["itemReviewed"]!["author"]!["@type"]!);
        Assert.Equal("2020-10-24", (string)review["itemReviewed"]!["datePublished"]!);
    }

    [Fact]
    public async Task Being_checked_and_missing_pages_carry_no_claim_review()
    {
        var beingChecked = await PublicPage.GetAsync(App, PublicPage.Url(await Demo.SlugAsync(App, "iran-shells")));
        var missing = await PublicPage.GetAsync(App, PublicPage.Url("no-such-claim"));

        Assert.Empty(beingChecked.JsonLdScripts);
        Assert.Empty(missing.JsonLdScripts);
        Assert.DoesNotContain("ClaimReview", beingChecked.Html + missing.Html);
    }
}

/// ClaimReview fields that need claims of their own: appearances, ratings off the scale, a configured organisation.
public sealed class ClaimReviewOfOwnClaimsTests(VerdictsApp fixture) : IClassFixture<VerdictsApp>
{
    [Fact]
    public async Task Claim_review_lists_where_the_claim_appeared_and_where_it_was_first_seen()
    {
        var flow = fixture.Workflow;
        var claim = await flow.SubmitAsync(c =>
        {
            c.AppearanceUrl = "https://kabar.example.id/2020/10/20/pasar-tartar";
            c.AppearanceOutlet = "Kabar Harian";
            c.AppearancePublishedOn = new DateOnly(2020, 10, 20);
        });
        await fixture.App.SendAsync(
            new AddAppearance { ClaimId = claim.Id, Url = "https://video.example.org/watch?v=tartar&t=30", Outlet = "Video Nusantara", PublishedOn = new DateOnly(2020, 10, 22) },
            flow.Review.Checker);
        await flow.PublishAsync(claim.Id);

        foreach (var language in new[] { "en", "id" })
        {
            var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url(claim.Slug, language));
            var item = (JsonObject)ClaimReviewValidator.Validate(page, language)["itemReviewed"]!;

            var first = item["firstAppearance"]!;
            Assert.Equal(("https://kabar.example.id/2020/10/20/pasar-tartar", "2020-10-20", "Kabar Harian"), ((string)first["url"]!, (string)first["datePublished"]!, (string)first["publisher"]!["name"]!));
            var all = item["appearance"]!.AsArray().Select(a => (string)a!["url"]!).ToList();
            Assert.Equal(["https://kabar.example.id/2020/10/20/pasar-tartar", "https://video.example.org/watch?v=tartar&t=30"], all);
            Assert.Equal((string)page.One("[data-testid=appearances] li:first-child a").GetAttribute("href")!, (string)first["url"]!);
            Assert.NotNull(page.Document.QuerySelector("[data-testid=appearances] li:first-child .first-seen"));
        }
    }

    [Theory]
    [InlineData("en", "Unverified", "Not rated on the true–false scale")]
    [InlineData("id", "Belum terverifikasi", "Tidak dinilai pada skala benar–salah")]
    public async Task A_rating_off_the_scale_is_named_without_a_rating_value(string language, string label, string note)
    {
        var claim = await fixture.Workflow.SubmitAndPublishAsync(
            verdict: new SubmitVerdict { Rating = "unverified", Summary = "No record either way.", Explanation = "Nobody could confirm it." });

        var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url(claim.Slug, language));
        var rating = (JsonObject)ClaimReviewValidator.Validate(page, language)["reviewRating"]!;

        Assert.Equal(label, (string)rating["alternateName"]!);
        Assert.False(rating.ContainsKey("ratingValue"));
        Assert.Equal(note, page.One(".verdict-box .rating-note").TextContent);
    }

    [Fact]
    public async Task Claim_review_author_and_addresses_come_from_the_configured_organisation()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            ["FactCheck:PublicUrl"] = "https://cekfakta.example.id/",
            ["FactCheck:Organisation:Name"] = "Cek Fakta Nusantara",
            ["FactCheck:Organisation:Url"] = "https://nusantara.example.id/tentang-kami",
            ["FactCheck:Organisation:MethodologyUrl"] = "https://nusantara.example.id/metodologi",
            ["FactCheck:Organisation:CorrectionsPolicyUrl"] = "https://nusantara.example.id/koreksi",
        });
        var slug = await Demo.SlugAsync(app.Start(), "stepanakert");

        foreach (var language in new[] { "en", "id" })
        {
            var page = await PublicPage.GetAsync(app, PublicPage.Url(slug, language));
            var review = ClaimReviewValidator.Validate(page, language);

            Assert.Equal($"https://cekfakta.example.id/verdicts/{slug}?lang={language}", (string)review["url"]!);
            Assert.Equal(("Cek Fakta Nusantara", "https://nusantara.example.id/tentang-kami"), ((string)review["author"]!["name"]!, (string)review["author"]!["url"]!));
            Assert.Equal("Cek Fakta Nusantara", page.One(".site-header .brand").TextContent);
            Assert.Equal("Cek Fakta Nusantara", page.Meta("og:site_name"));
            var footer = page.One(".verdict-footer").QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains("https://nusantara.example.id/metodologi", footer);
            Assert.Contains("https://nusantara.example.id/koreksi", footer);
            Assert.StartsWith("https://cekfakta.example.id/verdicts/", page.Alternate("x-default"));
        }
    }
}
