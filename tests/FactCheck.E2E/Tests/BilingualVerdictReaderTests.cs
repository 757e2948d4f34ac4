using System.Text.Json;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// A reader on a phone opens a published verdict in Bahasa Indonesia and in English (issue 22): each language version
/// is its own address whose ClaimReview says what the page shows, and neither page carries the other's verdict text.
/// Reads the demo desk's published verdict, which has both versions.
[Collection(E2ECollectionDefinition.Name)]
public sealed class BilingualVerdictReaderTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private const string Slug = "azerbaijani-forces-attacked-buildings-in-stepanakert-1";

    private sealed record Version(string Language, string Title, string Summary, string Explanation, string Body);

    [Fact]
    public async Task A_reader_on_a_phone_gets_each_language_version_with_its_own_claim_review_and_no_text_of_the_other()
    {
        await Page.SetViewportSizeAsync(360, 740);
        var indonesian = await ReadAsync("id");
        var english = await ReadAsync("en");

        // Two real versions, or the checks below would prove nothing.
        Assert.NotEqual(indonesian.Title, english.Title);
        Assert.NotEqual(indonesian.Summary, english.Summary);
        foreach (var (page, other) in new[] { (indonesian, english), (english, indonesian) })
        {
            foreach (var text in new[] { other.Title, other.Summary, other.Explanation })
            {
                Assert.False(page.Body.Contains(text, StringComparison.Ordinal),
                    $"The {page.Language} page shows the {other.Language} verdict text “{text}”.");
            }
        }
    }

    private async Task<Version> ReadAsync(string language)
    {
        var verdict = new VerdictReaderPage(Page);
        var response = await verdict.GotoAsync(Slug, $"?lang={language}");
        Assert.Equal(200, response!.Status);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        Assert.False(await verdict.ScrollsSidewaysAsync(), $"The {language} verdict page scrolls sideways at 360 px.");

        var title = (await verdict.Heading.InnerTextAsync()).Trim();
        var summary = (await Page.GetByTestId("summary-text").InnerTextAsync()).Trim();
        var explanation = (await Page.GetByTestId("explanation").InnerTextAsync()).Trim();
        var canonical = await Page.Locator("link[rel=canonical]").GetAttributeAsync("href");

        await Expect(verdict.ClaimReviewScripts).ToHaveCountAsync(1);
        using var json = JsonDocument.Parse(await verdict.ClaimReviewScripts.TextContentAsync() ?? "");
        var review = json.RootElement;
        Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
        Assert.Equal(language, review.GetProperty("inLanguage").GetString());
        Assert.Equal(title, review.GetProperty("claimReviewed").GetString());
        Assert.Equal(summary, review.GetProperty("reviewBody").GetString());
        var url = review.GetProperty("url").GetString()!;
        Assert.EndsWith($"/verdicts/{Slug}?lang={language}", url, StringComparison.Ordinal);
        Assert.Equal(url, canonical);

        await ScreenshotAsync($"verdict-phone-{language}");
        await Axe.AssertNoBlockingViolationsAsync(Page, $"the verdict page in {language}");
        return new Version(language, title, summary, explanation, await Page.Locator("body").InnerTextAsync());
    }
}
