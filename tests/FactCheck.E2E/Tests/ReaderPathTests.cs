using System.Text.Json;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// A reader on a phone follows a shared link to a verdict, crosses to the other side's verdict, switches to
/// Bahasa Indonesia and keeps it through the address (?lang=id). These tests only read the demo case's published verdicts.
[Collection(E2ECollectionDefinition.Name)]
public sealed class ReaderPathTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private const string Accusation = "Azerbaijani forces attacked buildings in Stepanakert";
    private const string AccusationSlug = "azerbaijani-forces-attacked-buildings-in-stepanakert-1";
    private const string Denial = "Baku denies attacking buildings in Stepanakert";
    private const string FigureSlug = "the-nagorno-karabakh-fighting-has-killed-5-000-people-3";

    [Fact]
    public async Task Reader_on_a_phone_reads_a_verdict_and_the_denial_it_answers_in_both_languages()
    {
        await Page.SetViewportSizeAsync(360, 740);
        var verdict = new VerdictReaderPage(Page);

        var response = await verdict.GotoAsync(AccusationSlug);

        Assert.Equal(200, response!.Status);
        Assert.Null(await response.HeaderValueAsync("set-cookie"));
        await Expect(verdict.Heading).ToHaveTextAsync(Accusation);
        await Expect(verdict.RatingLabel).ToHaveTextAsync("Mostly true");
        await Expect(verdict.BlazorScripts).ToHaveCountAsync(0);
        await Expect(verdict.ClaimReviewScripts).ToHaveCountAsync(1);
        Assert.False(await verdict.ScrollsSidewaysAsync(), "The verdict page scrolls sideways at 360 px.");
        await Expect(verdict.RatingLabel).ToBeInViewportAsync();
        await ScreenshotAsync("verdict-mobile");

        // The other side, side by side: Baku's denial with its own rating, one tap away.
        var denial = verdict.LinkedClaim(Denial);
        await Expect(denial).ToContainTextAsync("Denied by Pemerintah Azerbaijan");
        await Expect(denial).ToContainTextAsync("rated Mostly false");
        await denial.GetByRole(AriaRole.Link, new() { Name = Denial }).ClickAsync();

        await Expect(verdict.Heading).ToHaveTextAsync(Denial);
        await Expect(verdict.RatingLabel).ToHaveTextAsync("Mostly false");
        await Expect(Page.GetByTestId("attribution")).ToContainTextAsync("Confirmed");
        var back = verdict.LinkedClaim(Accusation);
        await Expect(back).ToContainTextAsync("Denies a claim by Pejabat lokal Nagorno-Karabakh");
        await Expect(back.GetByRole(AriaRole.Link, new() { Name = Accusation })).ToHaveAttributeAsync("href", $"/verdicts/{AccusationSlug}");

        // Bahasa Indonesia in the address: the switch adds ?lang=id, an address with it (a shared link) opens in Indonesian.
        // Public pages ignore cookies (a shared cache keys on the address), so without ?lang= the browser's language rules.
        await verdict.LanguageSwitch.ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(verdict.RatingLabel).ToHaveTextAsync("Sebagian besar salah");
        await Expect(verdict.LinkedClaim(Accusation)).ToContainTextAsync("Membantah klaim Pejabat lokal Nagorno-Karabakh");
        await ScreenshotAsync("verdict-mobile-id");

        await verdict.GotoAsync(AccusationSlug, "?lang=id");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(verdict.RatingLabel).ToHaveTextAsync("Sebagian besar benar");
        await Expect(verdict.LinkedClaim(Denial)).ToContainTextAsync("Dibantah oleh Pemerintah Azerbaijan");
        await Expect(verdict.LanguageSwitch).ToHaveTextAsync("English");
    }

    [Fact]
    public async Task Reader_sees_a_corrected_verdict_with_its_notice_and_history()
    {
        await Page.SetViewportSizeAsync(360, 740);
        var verdict = new VerdictReaderPage(Page);

        await verdict.GotoAsync(FigureSlug);

        await Expect(verdict.RatingLabel).ToHaveTextAsync("Mostly true");
        await Expect(verdict.Corrections).ToHaveCountAsync(1);
        await Expect(verdict.Corrections).ToContainTextAsync("Rating changed from Unverified to Mostly true.");
        await Expect(verdict.Versions.Locator("tbody tr")).ToHaveCountAsync(2);
        var json = await verdict.ClaimReviewScripts.TextContentAsync();
        using var review = JsonDocument.Parse(json!);
        Assert.Equal("Mostly true", review.RootElement.GetProperty("reviewRating").GetProperty("alternateName").GetString());
        Assert.Equal(4, review.RootElement.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32());
        Assert.False(await verdict.ScrollsSidewaysAsync(), "The corrected verdict scrolls sideways at 360 px.");
        await ScreenshotAsync("verdict-corrected-mobile");
    }

    [Fact]
    public async Task Reader_of_a_claim_still_being_checked_sees_only_that_and_the_target_date()
    {
        await Page.SetViewportSizeAsync(360, 740);
        var verdict = new VerdictReaderPage(Page);

        var response = await verdict.GotoAsync("mortars-and-rockets-landed-in-villages-in-iran-4", "?lang=id");

        Assert.Equal(200, response!.Status);
        await Expect(verdict.BeingChecked).ToContainTextAsync("Kami sedang memeriksa klaim ini");
        await Expect(Page.GetByTestId("target-date")).ToContainTextAsync("Target tanggal hasil pemeriksaan");
        await Expect(verdict.Rating).ToHaveCountAsync(0);
        await Expect(verdict.ClaimReviewScripts).ToHaveCountAsync(0);
        await Expect(Page.Locator("meta[name=robots]")).ToHaveAttributeAsync("content", "noindex");
    }

    [Fact]
    public async Task Keyboard_reader_skips_to_the_verdict_and_reaches_the_other_side()
    {
        var verdict = new VerdictReaderPage(Page);
        await verdict.GotoAsync(AccusationSlug);

        await Page.Keyboard.PressAsync("Tab");
        await Expect(verdict.SkipLink).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#main")).ToBeFocusedAsync();

        // From the main content, Tab walks forward until the denial's link has focus.
        var link = verdict.LinkedClaim(Denial).GetByRole(AriaRole.Link, new() { Name = Denial });
        for (var i = 0; i < 15 && !await link.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        await Expect(link).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(verdict.Heading).ToHaveTextAsync(Denial);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/verdicts/" + AccusationSlug)]
    [InlineData("/verdicts/" + FigureSlug + "?lang=id")]
    public async Task Public_pages_have_no_serious_or_critical_accessibility_violations(string path)
    {
        await Page.SetViewportSizeAsync(360, 740);
        await Page.GotoAsync(path);

        await Axe.AssertNoBlockingViolationsAsync(Page, path);
    }
}
