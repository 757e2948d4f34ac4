using System.Net;
using System.Text.RegularExpressions;

namespace FactCheck.Tests.Verdicts;

/// Public pages are cached for every reader alike and carry nothing of the reader who happened to fill the cache.
public sealed partial class PublicCacheTests(VerdictsApp fixture) : IClassFixture<VerdictsApp>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Second_reader_is_answered_from_the_cache_and_nobody_gets_a_cookie()
    {
        var claim = await fixture.Workflow.SubmitAndPublishAsync();

        var first = await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug));
        var second = await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug));

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Html, second.Html);
        Assert.False(first.SetsCookie || second.SetsCookie);
        Assert.Equal("public, no-cache", second.Response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Signed_in_staff_and_anonymous_readers_get_the_same_page_and_no_cookie()
    {
        var claim = await fixture.Workflow.SubmitAndPublishAsync();
        var staff = App.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await App.SignInAsync(staff, "editor", TestApp.DemoPassword)).StatusCode);

        var forStaff = await PublicPage.GetAsync(staff, PublicPage.Url(claim.Slug));
        var forReader = await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug));

        Assert.Equal(HttpStatusCode.OK, forStaff.Status);
        Assert.False(forStaff.SetsCookie);
        Assert.True(forReader.FromCache);
        Assert.Equal(forStaff.Html, forReader.Html);
        Assert.DoesNotContain("Eka Editor", forStaff.Html);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/queue")).StatusCode);
    }

    /// Blazor persists an antiforgery token in every page it renders; rendered for a signed-in member of staff and
    /// cached, it would hand every later reader a token that passes as that person's (with their browser's cookie).
    /// Public pages drop the persisted state altogether (they load no script that reads it).
    [Fact]
    public async Task A_page_rendered_for_signed_in_staff_holds_no_token_that_acts_for_them()
    {
        var claim = await fixture.Workflow.SubmitAndPublishAsync();
        var staff = App.Browser();
        await App.SignInAsync(staff, "editor", TestApp.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/queue")).StatusCode);

        var forStaff = await PublicPage.GetAsync(staff, PublicPage.Url(claim.Slug));
        var cached = await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug));
        Assert.True(cached.FromCache);

        Assert.DoesNotMatch(PersistedState(), forStaff.Html);
        Assert.DoesNotContain("__RequestVerificationToken", forStaff.Html);
        // Staff pages still persist their state: without it this test would check nothing.
        Assert.Matches(PersistedState(), await staff.GetStringAsync("/login"));
    }

    [Fact]
    public async Task Correction_is_on_the_cached_page_and_in_its_markup_immediately()
    {
        var flow = fixture.Workflow;
        var claim = await flow.SubmitAndPublishAsync();
        await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug, "id"));
        var before = await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug, "id"));
        Assert.True(before.FromCache);
        var modifiedBefore = (DateTimeOffset)ClaimReviewValidator.Validate(before, "id")["dateModified"]!;

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await flow.CorrectAsync(claim.Id, "mostly-true", "Hospital records came to light.", "The market was hit on 21 October, not 20 October.");
        var after = await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug, "id"));

        Assert.False(after.FromCache);
        Assert.Equal("Sebagian besar benar", after.RatingLabel);
        var review = ClaimReviewValidator.Validate(after, "id");
        Assert.Equal("Sebagian besar benar", (string)review["reviewRating"]!["alternateName"]!);
        Assert.Equal(modifiedBefore.AddMinutes(2), (DateTimeOffset)review["dateModified"]!);
        var notice = after.One("[data-testid=correction]");
        Assert.Contains("Hospital records came to light.", notice.TextContent);
        Assert.Contains("Penilaian berubah dari Salah menjadi Sebagian besar benar.", notice.TextContent);
        Assert.Equal(2, after.Document.QuerySelectorAll("[data-testid=versions] tbody tr").Length);
        Assert.NotNull(after.Document.QuerySelector("[data-testid=updated]"));
    }

    [Fact]
    public async Task Being_checked_page_becomes_the_verdict_the_moment_it_is_approved()
    {
        var flow = fixture.Workflow;
        var claim = await flow.SubmitAsync();
        await flow.MoveToAsync(claim.Id, "in_review");
        await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug));
        Assert.True((await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug))).FromCache);

        await flow.Review.ApproveAsync(claim.Id);
        var page = await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug));

        Assert.Single(page.Document.QuerySelectorAll("[data-testid=verdict]"));
        Assert.Equal("False", page.RatingLabel);
        ClaimReviewValidator.Validate(page, "en");
        Assert.Null(page.Meta("robots"));
    }

    [Theory]
    [InlineData("researching")]
    [InlineData("new")]
    public async Task Linked_page_shows_the_other_sides_rating_the_moment_it_is_published(string otherSideWhenCached)
    {
        var flow = fixture.Workflow;
        var accusation = await flow.SubmitAndPublishAsync();
        var denial = await flow.SubmitAsync(c => c.Title = "The ministry denies shelling the market");
        await flow.Review.LinkAsync(denial.Id, accusation.Id, "denies");
        if (otherSideWhenCached == "researching")
        {
            await flow.MoveToAsync(denial.Id, "researching");
        }

        await PublicPage.GetAsync(App, PublicPage.Url(accusation.Slug));
        var cached = await PublicPage.GetAsync(App, PublicPage.Url(accusation.Slug));
        Assert.True(cached.FromCache);
        Assert.Equal(otherSideWhenCached == "new" ? 0 : 1, cached.Document.QuerySelectorAll("[data-testid=linked-claim]").Length);

        if (otherSideWhenCached == "new")
        {
            await flow.Review.TriageAsync(denial.Id);
            var triaged = await PublicPage.GetAsync(App, PublicPage.Url(accusation.Slug));
            Assert.Equal("Being checked", triaged.One("[data-testid=linked-claim] [data-testid=linked-rating]").TextContent);
            await flow.Review.AssignAsync(denial.Id);
            await flow.Review.StartAsync(denial.Id);
        }

        await flow.Review.AddEvidenceAsync(denial.Id, stance: "supports");
        await flow.SubmitAndApproveAsync(denial.Id, new() { Rating = "true", Summary = "The ministry did deny it.", Explanation = "Its statement is on record." });
        var page = await PublicPage.GetAsync(App, PublicPage.Url(accusation.Slug));

        var other = page.One("[data-testid=linked-claim]");
        Assert.Equal("rated True", other.QuerySelector("[data-testid=linked-rating]")!.TextContent);
        Assert.Equal("true", other.QuerySelector("[data-testid=rating]")!.GetAttribute("data-rating"));
    }

    [Fact]
    public async Task A_new_appearance_is_on_the_cached_page_and_in_its_markup_immediately()
    {
        var claim = await fixture.Workflow.SubmitAndPublishAsync();
        await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug));
        Assert.True((await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug))).FromCache);

        await App.SendAsync(
            new FactCheck.Web.Features.Claims.AddAppearance { ClaimId = claim.Id, Url = "https://kabar.example.id/tartar", Outlet = "Kabar Harian", FirstSeen = true },
            fixture.Workflow.Review.Editor);
        var page = await PublicPage.GetAsync(App, PublicPage.Url(claim.Slug));

        Assert.Equal("Kabar Harian", page.One("[data-testid=appearances] a").TextContent);
        Assert.Equal("https://kabar.example.id/tartar", (string)ClaimReviewValidator.Validate(page, "en")["itemReviewed"]!["firstAppearance"]!["url"]!);
    }

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->")]
    private static partial Regex PersistedState();
}
