using System.Text.RegularExpressions;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// An Indonesian fact-checker's day without English: `checker` chooses Bahasa Indonesia at /account, records a claim
/// and researches it, writes the verdict in both languages, and the editor approves it. Every page of the checker's is read as a person would read it and checked with axe; any English string of the app's (or
/// MudBlazor's) resources on screen, or an English sentence hard-coded somewhere, fails the test with where it was.
[Collection(E2ECollectionDefinition.Name)]
public sealed class IndonesianDeskTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private readonly E2EFixture fixture = fixture;

    /// No English on screen, and nothing axe finds blocking (the Indonesian labels and lang attributes are new markup).
    private async Task AssertNoEnglishAsync(string where)
    {
        var english = await EnglishOnScreen.FindAsync(Page);
        Assert.True(english.Count == 0, $"English on {where}:\n" + string.Join("\n", english));
        await Axe.AssertNoBlockingViolationsAsync(Page, $"{where} in Indonesian");
    }

    [Fact]
    public async Task A_checker_who_chose_indonesian_records_researches_and_submits_a_two_language_verdict_the_editor_approves_without_reading_english()
    {
        try
        {
            await SignInAsync("checker");
            await Page.GotoAsync("/account");
            await Page.GetByTestId("language").SelectOptionAsync("id");
            await Page.GetByTestId("save-language").ClickAsync();
            await Expect(Page.GetByTestId("language-changed")).ToHaveTextAsync("Halaman Anda sekarang berbahasa Indonesia.");
            await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "id");
            await AssertNoEnglishAsync("/account");

            await Page.GotoAsync(NewClaimPage.Path);
            var intake = new NewClaimPage(Page);
            await intake.WaitUntilInteractiveAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Klaim baru", Level = 1 })).ToBeVisibleAsync();
            await AssertNoEnglishAsync("the new-claim form");

            // A rule broken: the message under the field is Indonesian too.
            await intake.Submit.ClickAsync();
            await Expect(Page.GetByTestId("form-errors")).ToContainTextAsync("Masukkan klaim persis seperti yang dikatakan.");
            await AssertNoEnglishAsync("the new-claim form with its errors");

            await intake.TypeClaimAsync("Kepala BPBD menyebut banjir bandang di Garut merendam 1.200 rumah warga pada Sabtu malam.");
            await intake.Title.FillAsync("Banjir bandang Garut merendam 1.200 rumah");
            await intake.ClaimantName.PressSequentiallyAsync("Kepala BPBD Garut", new() { Delay = 15 });
            await Page.GetByTestId("claimant-kind").ClickAsync();
            await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "lembaga resmi" }).ClickAsync();
            await AssertNoEnglishAsync("the filled-in new-claim form");
            await ScreenshotAsync("indonesian-new-claim");

            await intake.Submit.ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex(@"/claims/\d+$"));
            await Expect(Page.GetByTestId("claim-title")).ToHaveTextAsync("Banjir bandang Garut merendam 1.200 rumah");
            await AssertNoEnglishAsync("the claim page");
            var claimId = long.Parse(Page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

            // The desk triages it and gives it to the checker, who researches it.
            await fixture.TriageAndAssignAsync(claimId, "checker");
            var panel = new ClaimReviewPanel(Page);
            await panel.GotoAsync(claimId);
            await panel.WaitUntilInteractiveAsync();
            await Expect(panel.Action("start")).ToHaveTextAsync("Mulai meneliti");
            await AssertNoEnglishAsync("the assigned claim");
            await panel.OpenAsync("start");
            await Expect(panel.Status("researching")).ToBeVisibleAsync();

            await Page.Locator("#evidence-url").FillAsync("https://bpbd.garutkab.go.id/laporan/banjir-bandang");
            await Page.Locator("#evidence-title").FillAsync("Laporan BPBD Garut tentang banjir bandang");
            await Page.GetByTestId("add-evidence").GetByText("Membantah", new() { Exact = true }).ClickAsync();
            await Page.GetByTestId("add-evidence").GetByRole(AriaRole.Button, new() { Name = "Tambah sumber" }).ClickAsync();
            await Expect(panel.EvidenceItems).ToHaveCountAsync(1);
            await AssertNoEnglishAsync("the claim page with its evidence");

            // The verdict, in Indonesian and in English: the form around the English text is still Indonesian.
            await panel.OpenAsync("submit");
            await Page.GetByTestId("rating-select").ClickAsync();
            await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Sebagian besar salah" }).First.ClickAsync();
            // A statement's verdict also says whether the claimant said it.
            await Page.GetByTestId("attribution-select").ClickAsync();
            await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Terkonfirmasi" }).First.ClickAsync();
            await Page.Locator("#verdict-id-title").FillAsync("Klaim rumah terendam 1.200 sebagian besar salah");
            await Page.Locator("#verdict-id-summary").FillAsync("Data BPBD mencatat 412 rumah terendam, bukan 1.200.");
            await Page.Locator("#verdict-id-explanation").FillAsync("Laporan resmi BPBD Garut menyebut 412 rumah terendam pada Sabtu malam.");
            await AssertNoEnglishAsync("the verdict form");
            await ScreenshotAsync("indonesian-verdict-form");
            await Page.Locator("#verdict-en-title").FillAsync("Claim of 1,200 flooded homes is mostly false");
            await Page.Locator("#verdict-en-summary").FillAsync("Garut's disaster agency counted 412 flooded homes, not 1,200.");
            await Page.Locator("#verdict-en-explanation").FillAsync("The official BPBD Garut report lists 412 homes flooded on Saturday night.");
            await panel.SendAsync();
            await Expect(panel.Status("in_review")).ToBeVisibleAsync();
            await Expect(panel.DraftVerdict).ToContainTextAsync("Data BPBD mencatat 412 rumah terendam");
            await ScreenshotAsync("indonesian-claim-page");

            // The editor approves the verdict with the two versions it has; the checker's page follows live.
            var editorPage = await SignInElsewhereAsync("editor");
            var editor = new ClaimReviewPanel(editorPage);
            await editor.GotoAsync(claimId);
            await editor.OpenAsync("approve");
            await editor.SendAsync();
            await Expect(editor.Status("published")).ToBeVisibleAsync();
            await Expect(panel.Status("published")).ToBeVisibleAsync();
            await Expect(panel.PublishedVerdict).ToContainTextAsync("Data BPBD mencatat 412 rumah terendam");
            await AssertNoEnglishAsync("the published claim");
        }
        finally
        {
            await fixture.SetLanguageAsync("checker", "en");
        }
    }
}
