using System.Text.RegularExpressions;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;

namespace FactCheck.E2E.Tests;

/// A desk corrects its records: an editor fixes a claim's title after intake and the history shows before → after; the
/// topic typed on it joins the managed list, and renaming it changes its public page in both languages. The claim
/// recorded here avoids "Stepanakert" and the demo topics, so other tests keep their counts and labels.
[Collection(E2ECollectionDefinition.Name)]
public sealed class CorrectingRecordsTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_editor_fixes_a_title_after_intake_and_renames_its_topic_for_readers_in_both_languages()
    {
        var topic = "banjir-" + Guid.NewGuid().ToString("N")[..6];
        await SignInAsync("editor");
        await Page.GotoAsync(NewClaimPage.Path);
        var intake = new NewClaimPage(Page);
        await intake.WaitUntilInteractiveAsync();
        await intake.TypeClaimAsync("Banjir merendam tiga ratus rumah di pinggir kota sejak Senin pagi.");
        await intake.Title.FillAsync("Banjir merendam 300 rumah di pingir kota");
        await intake.ClaimantName.PressSequentiallyAsync("Pejabat lokal", new() { Delay = 15 });
        await intake.ClaimantSuggestion("Pejabat lokal Nagorno-Karabakh").ClickAsync();
        await Page.Locator("#claim-topics").PressSequentiallyAsync(topic, new() { Delay = 15 });
        await Page.GetByTestId("add-topic").ClickAsync();
        await Expect(Page.GetByTestId("topic-chip").Filter(new() { HasText = topic })).ToBeVisibleAsync();
        await intake.Submit.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/claims/\d+$"));

        // The typo in the title ("pingir"), fixed in the page's edit mode.
        await Page.GetByTestId("edit-claim").ClickAsync();
        await Page.Locator("#edit-title").FillAsync("Banjir merendam 300 rumah di pinggir kota");
        await Page.GetByTestId("save-claim").ClickAsync();
        await Expect(Page.GetByTestId("claim-title")).ToHaveTextAsync("Banjir merendam 300 rumah di pinggir kota");
        var correction = Page.GetByTestId("history-entry").Filter(new() { HasText = "Corrected the claim" });
        await Expect(correction.GetByTestId("history-note")).ToHaveTextAsync("Title: Banjir merendam 300 rumah di pingir kota → Banjir merendam 300 rumah di pinggir kota");
        await ScreenshotAsync("claim-corrected-history");

        // The topic is on the managed list; the editor gives it its labels.
        await Page.GotoAsync("/claims/topics");
        var row = Page.Locator($"[data-testid=topic][data-topic='{topic}']");
        await row.GetByTestId("rename-topic").ClickAsync();
        await Page.Locator("#topic-label-id").FillAsync("Banjir");
        await Page.Locator("#topic-label-en").FillAsync("Floods");
        await Page.GetByTestId("save-topic").ClickAsync();
        await Expect(row).ToContainTextAsync("Floods");
        var slug = (await row.Locator("a").GetAttributeAsync("href"))!;

        var reader = await ReaderPageAsync();
        await reader.GotoAsync(slug + "?lang=id");
        await Expect(reader.GetByTestId("topic-label")).ToHaveTextAsync("Banjir");
        await reader.GotoAsync(slug + "?lang=en");
        await Expect(reader.GetByTestId("topic-label")).ToHaveTextAsync("Floods");
    }
}
