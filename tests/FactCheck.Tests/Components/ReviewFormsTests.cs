using System.Globalization;
using Bunit;
using FactCheck.Tests.Review;
using FactCheck.Web.Components;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace FactCheck.Tests.Components;

/// What the claim page's forms show a fact-checker: errors that go away once fixed, a correction that starts from the
/// published verdict.
[Collection(SharedAppCollection.Name)]
public sealed class ReviewFormsAsCheckerTests(SharedApp shared) : PageTest(shared, "checker", Roles.FactChecker)
{
    [Fact]
    public async Task Verdict_form_errors_go_away_once_their_fields_are_filled()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        await review.AddEvidenceAsync(id);
        var page = ReviewPage.Render(this, id);
        page.Find("[data-testid=action-submit]").Click();

        page.Find("#verdict-id-title").Input("Serangan itu tidak terjadi");
        ReviewPage.Form(page, "submit").Submit();
        page.WaitForAssertion(() => Assert.Contains("Choose a rating.", page.Find("[data-testid=form-submit]").TextContent));
        Assert.Contains("Write the summary of this version.", page.Find("[data-testid=verdict-text-id]").TextContent);

        await page.InvokeAsync(() => page.FindComponent<MudSelect<string>>().Instance.SelectOption("false"));
        page.Find("#verdict-id-summary").Input("No sign of the attack in satellite images.");

        page.WaitForAssertion(() => Assert.DoesNotContain("Choose a rating.", page.Find("[data-testid=form-submit]").TextContent));
        Assert.DoesNotContain("Write the summary of this version.", page.Find("[data-testid=form-submit]").TextContent);
        // The field still empty keeps its error.
        Assert.Contains("Write the explanation of this version.", page.Find("[data-testid=verdict-text-id]").TextContent);
    }

    [Fact]
    public async Task A_correction_starts_from_the_published_verdict_with_its_sources_ticked()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        var cited = await App.ScalarAsync<long>("SELECT min(id) FROM evidence WHERE claim_id = @id", new { id });
        await review.CorrectAsync(id, reason: "One source has the wrong date.");
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=action-submit]").Click();

        Assert.NotNull(page.Find("[data-testid=prefilled-from-published]"));
#pragma warning disable MUD0012 // reading what the form was filled in with, not setting it
        Assert.Equal("false", page.FindComponents<MudSelect<string>>()[0].Instance.Value);
#pragma warning restore MUD0012
        Assert.Equal("No sign of the attack in satellite images.", page.Find("#verdict-id-summary").GetAttribute("value"));
        Assert.Contains("Images from **two providers** show the buildings intact.", page.Find("#verdict-id-explanation").TextContent + page.Find("#verdict-id-explanation").GetAttribute("value"));
        Assert.Equal("", page.Find("#verdict-change-note").GetAttribute("value") ?? "");
        var source = Assert.Single(page.FindAll("[data-testid=verdict-evidence]"));
        Assert.True(source.QuerySelector("input[type=checkbox]")!.HasAttribute("checked"));
        Assert.True(cited > 0);
    }
}

/// What the claim page shows an editor: deadlines in the newsroom's zone, the due-date rule stated in the form, the
/// assignees with their usernames, both directions of a link, and corrections that kept their rating.
[Collection(SharedAppCollection.Name)]
public sealed class ReviewFormsAsEditorTests(SharedApp shared) : PageTest(shared, "editor", Roles.Editor)
{
    private FactCheckOptions Options => App.Services.GetRequiredService<IOptions<FactCheckOptions>>().Value;

    [Fact]
    public async Task A_picked_due_date_reads_as_the_end_of_that_day_in_WIB_and_the_assign_form_says_an_empty_field_keeps_it()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var day = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(3);
        await review.ActAsync(new TriageClaim { ClaimId = id, Version = await review.VersionAsync(id), Priority = "high", DueDate = day }, review.Editor);
        var page = ReviewPage.Render(this, id);

        Assert.Contains($"{day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, end of day WIB", page.Find("[data-testid=due]").TextContent);
        Assert.DoesNotContain("UTC", page.Find("[data-testid=review-panel]").TextContent);
        page.Find("[data-testid=action-assign]").Click();
        page.WaitForAssertion(() => Assert.Contains($"Empty keeps the current due date: {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, end of day WIB.", page.Find("[data-testid=form-assign]").TextContent));
    }

    [Fact]
    public async Task The_assign_form_says_a_claim_without_a_due_date_gets_the_desks_deadline_and_lists_usernames()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("triaged");
        var popovers = Render<MudPopoverProvider>();
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=action-assign]").Click();
        page.WaitForAssertion(() => Assert.Contains("Empty: the desk's deadline for high priority, 24 h from now.", page.Find("[data-testid=form-assign]").TextContent));
        var select = page.FindComponent<MudSelect<long>>();
        page.WaitForAssertion(() => Assert.False(select.Instance.Disabled));
        await page.InvokeAsync(() => select.Instance.OpenMenu());

        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Contains("Budi Checker (checker)", StringComparison.Ordinal)));
        Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Contains("Sari Checker (checker2)", StringComparison.Ordinal));

    }

    [Fact]
    public async Task A_correction_that_kept_its_rating_says_so_instead_of_an_arrow()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        await review.CorrectAsync(id);
        await review.SubmitAsync(id, rating: "false", changeNote: "Fixed a source's date.");
        await review.ApproveAsync(id);

        var page = ReviewPage.Render(this, id);

        Assert.Equal("Rating unchanged: False", page.Find("[data-testid=correction-ratings]").TextContent.Trim());
    }

    [Fact]
    public async Task The_link_form_offers_both_directions()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var popovers = Render<MudPopoverProvider>();
        var page = ReviewPage.Render(this, id);

        var select = page.FindComponents<MudSelect<string>>().Single(s => s.Markup.Contains("link-relation", StringComparison.Ordinal));
        await page.InvokeAsync(() => select.Instance.OpenMenu());

        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == "is denied by the other claim"));
        var offered = popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Contains("denies the other claim", offered);
        Assert.Contains("is disputed by the other claim", offered);
        Assert.Contains("is supported by the other claim", offered);
        Assert.Contains("is corrected by the other claim", offered);
        Assert.Equal(10, offered.Count);
        Assert.True(Options.TimeZone.Length > 0);
    }
}
