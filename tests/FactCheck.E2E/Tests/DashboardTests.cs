using System.Globalization;
using System.Text.RegularExpressions;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// The editor dashboard as a desk uses it: open on one screen while others work on claims at their own computers.
/// The test works on a demo claim no other browser test touches, and compares numbers with what it read first.
[Collection(E2ECollectionDefinition.Name)]
public sealed class DashboardTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private const string CeasefireTitle = "Two Russia-brokered ceasefires have been violated";

    [Fact]
    public async Task An_open_editor_dashboard_follows_a_claim_from_triage_to_an_approved_verdict_without_a_reload()
    {
        // Eka Editor keeps the desk dashboard open on the demo case's topic.
        await SignInAsync("editor");
        var dashboard = new DashboardPage(Page);
        await dashboard.GotoAsync("?topic=nagorno-karabakh");
        await Expect(dashboard.Heading).ToHaveTextAsync("Desk dashboard");
        await Expect(dashboard.BalanceNote).ToContainTextAsync("Azerbaijan had");
        await Expect(dashboard.BalanceNote).ToContainTextAsync("Armenia");
        var published = await dashboard.BarValueAsync("chart-states", "published");
        var inReview = await dashboard.BarValueAsync("chart-states", "in review");
        var noSideChecked = await dashboard.BarValueAsync("chart-sides", "No side set", "Checked");
        Assert.True(published >= 3, $"The demo case publishes three verdicts; the dashboard counts {published}.");
        await Expect(dashboard.Chart("chart-throughput").Locator("circle[data-series='Published']").First).ToBeVisibleAsync();
        await Expect(dashboard.Chart("chart-verdicts").Locator("path[data-label]").First).ToBeVisibleAsync();
        await ScreenshotAsync("dashboard-editor");
        // A mark on this load of the page: a reload or a navigation would wipe it.
        await Page.EvaluateAsync("() => window.sameLoad = true");

        // Dewi Editor triages and assigns the ceasefire claim at her computer.
        var editor2Page = await SignInElsewhereAsync("editor2");
        var queue = new QueuePage(editor2Page);
        await queue.WaitUntilInteractiveAsync();
        await queue.ClaimLink(CeasefireTitle).ClickAsync();
        await Expect(editor2Page).ToHaveURLAsync(new Regex(@"/claims/\d+$"));
        var claimId = long.Parse(Regex.Match(editor2Page.Url, @"/claims/(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);
        var editor2 = new ClaimReviewPanel(editor2Page);
        await editor2.WaitUntilInteractiveAsync();
        await editor2.TriageAsync("Normal");
        await Expect(editor2.Status("triaged")).ToBeVisibleAsync();
        await editor2.AssignAsync("Budi Checker", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3));
        await Expect(editor2.Status("assigned")).ToBeVisibleAsync();

        // Budi researches it and submits a verdict: the dashboard counts one more claim in review.
        var checkerPage = await SignInElsewhereAsync("checker");
        var checker = new ClaimReviewPanel(checkerPage);
        await checker.GotoAsync(claimId);
        await checker.OpenAsync("start");
        await Expect(checker.Status("researching")).ToBeVisibleAsync();
        await checker.AddEvidenceAsync("https://example.org/ceasefire-monitoring-2020-10", "Ceasefire monitoring reports, October 2020", "Supports");
        await Expect(checker.EvidenceItems).ToHaveCountAsync(1);
        await checker.OpenAsync("submit");
        await checker.FillVerdictAsync("Mostly true", "Both ceasefires of October 2020 broke down within days.", "Monitors reported shelling **within hours** of each truce.");
        await checker.SendAsync();
        await Expect(checker.Status("in_review")).ToBeVisibleAsync();
        await Expect(dashboard.Bar("chart-states", "in review")).ToHaveAttributeAsync("data-value", Number(inReview + 1));

        // Dewi approves: the verdict is published, and the open dashboard says so without a reload.
        await editor2.OpenAsync("approve");
        await editor2.SendAsync();
        await Expect(editor2.Status("published")).ToBeVisibleAsync();

        await Expect(dashboard.Bar("chart-states", "published")).ToHaveAttributeAsync("data-value", Number(published + 1));
        await Expect(dashboard.Bar("chart-states", "in review")).ToHaveAttributeAsync("data-value", Number(inReview));
        await Expect(dashboard.Bar("chart-sides", "No side set", "Checked")).ToHaveAttributeAsync("data-value", Number(noSideChecked + 1));
        await Expect(dashboard.Chart("chart-verdicts")).ToContainTextAsync("Mostly true");
        Assert.True(await Page.EvaluateAsync<bool>("() => window.sameLoad === true"), "The dashboard was reloaded instead of updated in place.");
        await ScreenshotAsync("dashboard-editor-after-approval");
    }

    [Fact]
    public async Task A_fact_checker_lands_on_their_own_work_and_cannot_open_the_editor_view()
    {
        await SignInAsync("checker2");
        var dashboard = new DashboardPage(Page);

        await dashboard.GotoAsync("?view=desk");

        await Expect(dashboard.Heading).ToHaveTextAsync("My desk");
        await Expect(Page.GetByTestId("my-tiles")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("desk-tiles")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("view-desk")).ToHaveCountAsync(0);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
