using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// A day on the demo desk, as an editor and a reader see it: due dates that stay where triage put them, times in
/// WIB, the target date readers see, links made from either claim, both dates in the public lists, Indonesian dates
/// for sources, and a tip whose link was pasted without https://. Works on claims of its own (made through the API).
[Collection(E2ECollectionDefinition.Name)]
public sealed class DemoDeskTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private static DateOnly JakartaToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Jakarta).DateTime);

    [Fact]
    public async Task An_editor_triages_assigns_and_links_and_every_date_reads_in_the_newsrooms_time()
    {
        var topic = "desk-" + Guid.NewGuid().ToString("N")[..8];
        var accusation = await NewClaimAsync("Shelling hit the market in Martuni", topic);
        var denial = await NewClaimAsync("The ministry denies shelling the market in Martuni", topic);
        await SignInAsync("editor");
        var panel = new ClaimReviewPanel(Page);
        await panel.GotoAsync(accusation.Id);

        // Triage as high with a due date three days out, then assign leaving Due empty: the date stays.
        var due = JakartaToday.AddDays(3);
        await panel.OpenAsync("triage");
        await panel.Form("triage").GetByRole(AriaRole.Radio, new() { Name = "High", Exact = true }).CheckAsync();
        await Page.Locator("#triage-due").FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.Locator("#triage-due").BlurAsync();
        await panel.SendAsync();
        await Expect(panel.Status("triaged")).ToBeVisibleAsync();
        await Expect(panel.Due).ToContainTextAsync($"{due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, end of day WIB");
        await Expect(Page.GetByTestId("review-panel")).Not.ToContainTextAsync("UTC");

        await panel.OpenAsync("assign");
        await Expect(panel.Form("assign")).ToContainTextAsync($"Empty keeps the current due date: {due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, end of day WIB.");
        await panel.Form("assign").GetByTestId("assignee-select").ClickAsync();
        var budi = Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Budi Checker (checker)" });
        await Expect(budi).ToHaveCountAsync(1);
        await Expect(Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Sari Checker (checker2)" })).ToHaveCountAsync(1);
        await budi.ClickAsync();
        await panel.SendAsync();
        await Expect(panel.Status("assigned")).ToBeVisibleAsync();
        await Expect(panel.Due).ToContainTextAsync($"{due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, end of day WIB");
        await ScreenshotAsync("desk-assigned-keeps-triage-due");

        // The denial is recorded after the accusation: link it from the accusation's own page.
        await Page.Locator("#link-search").FillAsync("ministry denies shelling Martuni");
        await Page.GetByTestId("link-candidate").Filter(new() { HasText = "The ministry denies shelling" }).GetByTestId("pick-claim").ClickAsync();
        await Page.GetByTestId("link-relation").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "is denied by the other claim" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add link" }).ClickAsync();
        var deniedBy = Page.Locator("[data-testid=link-group][data-wording='denied by']");
        await Expect(deniedBy.GetByTestId("linked-claim")).ToContainTextAsync("The ministry denies shelling the market in Martuni");
        await panel.GotoAsync(denial.Id);
        await Expect(Page.Locator("[data-testid=link-group][data-wording='denies']").GetByTestId("linked-claim")).ToContainTextAsync("Shelling hit the market in Martuni");

        // Bulk assign the denial with a due date: the queue and the public page name the same day.
        await TriageAsync(denial.Id, "normal");
        var queue = new QueuePage(Page);
        await queue.GotoAsync($"?tab=unassigned&topic={topic}");
        await Expect(Page.GetByTestId("loaded-at")).ToContainTextAsync("WIB");
        await Expect(queue.ClaimRows).ToHaveCountAsync(1);
        await queue.ClaimRows.GetByRole(AriaRole.Checkbox).CheckAsync();
        await Page.GetByTestId("bulk-assignee").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Sari Checker (checker2)" }).ClickAsync();
        var target = JakartaToday.AddDays(5);
        await Page.Locator("#bulk-due").FillAsync(target.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.Locator("#bulk-due").BlurAsync();
        await Page.GetByTestId("bulk-assign").ClickAsync();
        await Expect(Page.GetByTestId("bulk-summary")).ToContainTextAsync("1 claim assigned to Sari Checker");
        await queue.GotoAsync($"?tab=all&topic={topic}&sort=due");
        await Expect(queue.ClaimRows.Filter(new() { HasText = "The ministry denies" }).GetByTestId("due")).ToContainTextAsync(target.ToString("d MMM", CultureInfo.InvariantCulture));

        var reader = new VerdictReaderPage(Page);
        await reader.GotoAsync(denial.Slug);
        await Expect(Page.GetByTestId("target-date")).ToHaveTextAsync($"Target date for the verdict: {target.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}");
        await reader.GotoAsync(denial.Slug, "?lang=id");
        await Expect(Page.GetByTestId("target-date")).ToContainTextAsync(target.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")));
    }

    [Fact]
    public async Task A_reader_sees_which_date_is_which_and_Indonesian_dates_on_the_Indonesian_page()
    {
        await Page.SetViewportSizeAsync(390, 844);
        var home = new HomePage(Page);
        await home.GotoAsync();
        var putin = Page.GetByTestId("verdict-item").Filter(new() { HasText = "killed 5,000 people" });
        await Expect(putin.GetByTestId("said-on")).ToHaveTextAsync("said 24 Oct 2020");
        await Expect(putin.GetByTestId("checked-on")).ToHaveTextAsync(new Regex(@"^checked \d{1,2} [A-Z][a-z]{2} \d{4}$"));
        await Page.GotoAsync("/?lang=id");
        // The Indonesian page lists each verdict under its Indonesian title.
        putin = Page.GetByTestId("verdict-item").Filter(new() { HasText = "menewaskan 5.000 orang" });
        await Expect(putin.GetByTestId("said-on")).ToHaveTextAsync("dinyatakan 24 Okt 2020");
        await ScreenshotAsync("reader-home-two-dates-id");

        await putin.Locator("h2 a").ClickAsync();
        await Expect(Page.Locator(".byline")).ToContainTextAsync("Diklaim oleh Vladimir Putin, Russia (President)");
        await Expect(Page.Locator(".byline")).Not.ToContainTextAsync("(Russia (");

        await Page.GotoAsync("/?lang=id");
        await Page.GetByTestId("verdict-item").Filter(new() { HasText = "Pasukan Azerbaijan menyerang gedung" }).Locator("h2 a").ClickAsync();
        var sources = Page.GetByTestId("sources");
        await Expect(sources.Locator("li").First).ToContainTextAsync("23 Oktober 2020");
        await Expect(sources).Not.ToContainTextAsync("(23 October 2020)");
        await Expect(Page.Locator(".byline")).ToContainTextAsync("24 Oktober 2020");
        await ScreenshotAsync("reader-verdict-sources-id");
    }

    [Fact]
    public async Task A_tip_with_a_link_pasted_without_https_is_sent()
    {
        await Page.GotoAsync("/tips");
        await Page.Locator("#tip-text").FillAsync("A minister said the Martuni market was never shelled.");
        await Page.Locator("#tip-url").FillAsync("www.kompas.com/global/read/2020/10/24/martuni");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send tip" }).ClickAsync();

        // The browser's own URL check would have stopped the form here, in its words, before ours.
        await Expect(Page.GetByTestId("tip-thanks")).ToBeVisibleAsync();
    }

    private async Task<string> TokenAsync(string username)
    {
        var response = await Page.APIRequest.PostAsync("/api/tokens", new() { DataObject = new { username, password = E2EFixture.DemoPassword } });
        Assert.True(response.Ok, await response.TextAsync());
        return (await response.JsonAsync())!.Value.GetProperty("token").GetString()!;
    }

    private async Task<(long Id, string Slug)> NewClaimAsync(string title, string topic)
    {
        var token = await TokenAsync("checker");
        var response = await Page.APIRequest.PostAsync("/api/claims", new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
            DataObject = new
            {
                title, text = $"{title} ({Guid.NewGuid():N})", language = "en", claimantName = "Martuni district office", claimantKind = "official-body",
                kind = "statement", topics = new[] { topic },
            },
        });
        Assert.True(response.Ok, await response.TextAsync());
        var body = (await response.JsonAsync())!.Value;
        return (body.GetProperty("id").GetInt64(), body.GetProperty("slug").GetString()!);
    }

    private async Task TriageAsync(long id, string priority)
    {
        var token = await TokenAsync("editor");
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
        var claim = (await (await Page.APIRequest.GetAsync($"/api/claims/{id}", new() { Headers = headers })).JsonAsync())!.Value;
        var response = await Page.APIRequest.PostAsync($"/api/claims/{id}/actions/triage", new()
        {
            Headers = headers, DataObject = new { version = claim.GetProperty("version").GetInt64(), priority },
        });
        Assert.True(response.Ok, await response.TextAsync());
    }
}
