using System.Net;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;

namespace FactCheck.Tests.Verdicts;

/// Addresses with no public claim behind them (read-only, on the shared app).
[Collection(SharedAppCollection.Name)]
public sealed class MissingClaimTests(SharedApp shared)
{
    [Theory]
    [InlineData("", "id", "id", "Halaman tidak ditemukan")]
    [InlineData("", "id-ID,id;q=0.9", "id", "Halaman tidak ditemukan")]
    [InlineData("?lang=id", "en", "id", "Halaman tidak ditemukan")]
    [InlineData("", "en", "en", "Page not found")]
    [InlineData("?lang=en", "id", "en", "Page not found")]
    public async Task Unknown_address_is_a_404_page_in_the_readers_language(string query, string acceptLanguage, string language, string heading)
    {
        var page = await PublicPage.GetAsync(shared.App, "/verdicts/no-such-claim-anywhere" + query, acceptLanguage);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(language, page.Language);
        Assert.Equal(heading, page.One("[data-testid=not-found]").TextContent);
        Assert.Equal("noindex", page.Meta("robots"));
        Assert.Empty(page.JsonLdScripts);
        Assert.False(page.SetsCookie);
    }

    [Theory]
    [InlineData("rouhani-regional-war")]
    [InlineData("pompeo-meeting")]
    public async Task A_new_claim_nobody_has_triaged_is_not_public(string key)
    {
        var claim = Demo.Claim(key);

        var page = await PublicPage.GetAsync(shared.App, PublicPage.Url(await Demo.SlugAsync(shared.App, key)));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain(claim.Title, page.Html);
        Assert.DoesNotContain(claim.ClaimantName!, page.Html);
    }

    [Theory]
    [InlineData("a-very-long-slug-a-very-long-slug-a-very-long-slug-a-very-long-slug-a-very-long-slug-a-very-long-slug-a-very-long-slug-a-very-long-slug-a-very-long-slug-a-very-long-slug-a-very-long-slug-a-very-long-slug-1")]
    [InlineData("%27%20OR%201%3D1%20--")]
    [InlineData("%25")]
    [InlineData("..%2F..%2Fadmin")]
    public async Task Odd_addresses_are_404_pages(string slug)
    {
        var page = await PublicPage.GetAsync(shared.App, "/verdicts/" + slug);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Single(page.Document.QuerySelectorAll("[data-testid=not-found]"));
    }
}

/// Rejected and merged claims (the app's own claims).
public sealed class MovedAndRejectedClaimTests(VerdictsApp fixture) : IClassFixture<VerdictsApp>
{
    [Fact]
    public async Task A_rejected_claim_is_not_public_even_if_its_page_was_cached_while_being_checked()
    {
        var flow = fixture.Workflow;
        var claim = await flow.SubmitAsync();
        await flow.Review.TriageAsync(claim.Id);
        await PublicPage.GetAsync(fixture.App, PublicPage.Url(claim.Slug));
        Assert.True((await PublicPage.GetAsync(fixture.App, PublicPage.Url(claim.Slug))).FromCache);

        await flow.Review.ActAsync(new RejectClaim { ClaimId = claim.Id, Version = await flow.Review.VersionAsync(claim.Id), Reason = "Opinion, not checkable" }, flow.Review.Editor);
        var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url(claim.Slug, "id"), "en");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Halaman tidak ditemukan", page.One("[data-testid=not-found]").TextContent);
        Assert.DoesNotContain("Shells hit the market", page.Html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("id")]
    public async Task A_merged_claim_sends_readers_to_the_surviving_claim(string? language)
    {
        var flow = fixture.Workflow;
        var survivor = await flow.SubmitAndPublishAsync();
        var duplicate = await flow.SubmitAsync();
        await flow.Review.TriageAsync(duplicate.Id);
        await PublicPage.GetAsync(fixture.App, PublicPage.Url(duplicate.Slug, language));
        Assert.True((await PublicPage.GetAsync(fixture.App, PublicPage.Url(duplicate.Slug, language))).FromCache);

        await fixture.App.SendAsync(new LinkClaims { FromClaimId = duplicate.Id, ToClaimId = survivor.Id, Relation = "same-as" }, flow.Review.Editor);
        var moved = await PublicPage.GetAsync(fixture.App, PublicPage.Url(duplicate.Slug, language));

        Assert.Equal(HttpStatusCode.MovedPermanently, moved.Status);
        var location = moved.Response.Headers.Location!;
        Assert.Equal("https://localhost" + PublicPage.Url(survivor.Slug, language), location.OriginalString);
        var target = await PublicPage.GetAsync(fixture.App, location.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, target.Status);
        Assert.Single(target.Document.QuerySelectorAll("[data-testid=verdict]"));
        // The survivor's version history says what was merged into it, linking the old address.
        var merge = target.One("[data-testid=merges] [data-testid=merge]");
        Assert.Contains(duplicate.Slug, merge.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(merge.QuerySelector("time"));
    }

    [Fact]
    public async Task A_claim_merged_into_one_that_is_not_public_is_a_404()
    {
        var flow = fixture.Workflow;
        var original = await flow.SubmitAsync();
        var duplicate = await flow.SubmitAsync();
        await fixture.App.SendAsync(new LinkClaims { FromClaimId = duplicate.Id, ToClaimId = original.Id, Relation = "same-as" }, flow.Review.Editor);

        var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url(duplicate.Slug));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Null(page.Response.Headers.Location);
        Assert.DoesNotContain(original.Slug, page.Html);
    }
}
