using System.Globalization;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// The desk's workflow with the keyboard alone, as a fact-checker who cannot use a mouse works: only Tab, arrows, Space,
/// Enter, Escape and typing (the one exception is the second person's sign-in at another computer, through the usual
/// helper). Each control is reached by tabbing to it, so a control the keyboard cannot reach, or a focus trap, fails
/// the test. axe checks the forms on the way.
[Collection(E2ECollectionDefinition.Name)]
public sealed class KeyboardWorkflowTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private readonly E2EFixture fixture = fixture;

    [Fact]
    public async Task Fact_checker_takes_a_claim_from_the_queue_to_a_submitted_verdict_and_the_editor_approves_and_corrects_it_with_the_keyboard_only()
    {
        const string title = "Indonesia evacuated 300 citizens from Baku";
        var claimId = await fixture.NewClaimAsync(title, "The foreign ministry said 300 Indonesian citizens were evacuated from Baku on 12 October 2020.");

        // The checker signs in from the keyboard and lands on their queue ("mine"), still empty of this claim.
        var me = new Keys(Page);
        await me.SignInAsync("checker");
        var queue = new QueuePage(Page);
        await queue.WaitUntilInteractiveAsync();

        // Focus starts on the page's heading; back past the navigation and the app bar is the skip link, the first stop
        // on the page, which jumps straight back to the content.
        await Expect(queue.Heading).ToBeFocusedAsync();
        await me.TabToAsync(Page.GetByTestId("skip-link"), "Shift+Tab");
        await Expect(Page.GetByTestId("skip-link")).ToBeVisibleAsync();
        await me.PressAsync("Enter");
        await Expect(Page.Locator("main#main")).ToBeFocusedAsync();

        // Meanwhile the editor triages the claim and assigns it to Budi Checker with a due day, from the keyboard.
        var editorPage = await SignInElsewhereAsync("editor");
        await editorPage.GotoAsync(ClaimReviewPanel.PathFor(claimId));
        var editor = new ClaimReviewPanel(editorPage);
        await editor.WaitUntilInteractiveAsync();
        var keys = new Keys(editorPage);
        await keys.TabToAsync(editor.Action("triage"));
        await keys.PressAsync("Enter");
        await keys.ChooseRadioAsync(editor.Form("triage").GetByTestId("triage-priority"), "High");
        await keys.TabToAsync(editor.SendButton);
        await keys.PressAsync("Enter");
        await Expect(editor.Status("triaged")).ToBeVisibleAsync();

        await keys.TabToAsync(editor.Action("assign"));
        await keys.PressAsync("Enter");
        await keys.ChooseAsync(editor.Form("assign").GetByTestId("assignee-select"), "Budi Checker");
        // The due day from the calendar: Enter opens it with focus kept in the field, arrows move (a week each), Enter picks.
        var dueField = editorPage.Locator("#assign-due");
        await keys.TabToAsync(dueField);
        await keys.PressAsync("Enter");
        await editorPage.Locator(".mud-popover-open .mud-picker-calendar-container").WaitForAsync();
        for (var week = 0; week < 5; week++)
        {
            await keys.PressAsync("ArrowDown");
        }

        await keys.PressAsync("Enter");
        await Expect(editorPage.Locator(".mud-popover-open .mud-picker-calendar-container")).ToHaveCountAsync(0);
        await Expect(dueField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2}$"));
        var due = DateOnly.ParseExact(await dueField.InputValueAsync(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(due > DateOnly.FromDateTime(DateTime.UtcNow), $"Five weeks on from the calendar's start is {due}, not a day ahead.");
        await keys.TabToAsync(editor.SendButton);
        await keys.PressAsync("Enter");
        await Expect(editor.Status("assigned")).ToBeVisibleAsync();
        await Expect(editor.Due).ToContainTextAsync(due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));

        // The deadline is running now: its two forms open (and close again) from the keyboard, and pass axe.
        foreach (var control in new[] { "extend-deadline", "snooze-reminders" })
        {
            var button = editor.Panel.GetByTestId(control);
            await keys.TabToAsync(button);
            await keys.PressAsync("Enter");
            await Expect(editor.Panel.GetByTestId($"form-{control}")).ToBeVisibleAsync();
            await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
            await Axe.AssertNoBlockingViolationsAsync(editorPage, editor.Panel, $"the {control} form", Axe.StaffRules);
            await keys.PressAsync("Enter");
            await Expect(editor.Panel.GetByTestId($"form-{control}")).ToHaveCountAsync(0);
        }

        // The checker's queue shows it by itself and a screen reader hears so, while focus stays where the checker is.
        await Expect(queue.ClaimLink(title)).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("queue-announcement")).ToHaveTextAsync($"Queue updated. New in this view: {title}.");
        await Expect(Page.Locator("main#main")).ToBeFocusedAsync();

        await me.TabToAsync(queue.ClaimLink(title));
        await me.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(PathIs(ClaimReviewPanel.PathFor(claimId)));
        var checker = new ClaimReviewPanel(Page);
        await checker.WaitUntilInteractiveAsync();

        await me.TabToAsync(checker.Action("start"));
        await me.PressAsync("Enter");
        await Expect(checker.Status("researching")).ToBeVisibleAsync();

        // Evidence: address, title, stance, add.
        await me.TabToAsync(Page.Locator("#evidence-url"));
        await me.TypeAsync("https://example.org/kemlu/evakuasi-baku");
        await me.TabToAsync(Page.Locator("#evidence-title"));
        await me.TypeAsync("Foreign ministry statement on the Baku evacuation");
        await me.ChooseRadioAsync(Page.GetByTestId("evidence-stance"), "Supports");
        await Axe.AssertNoBlockingViolationsAsync(Page, "the evidence form, filled in", Axe.StaffRules);
        await me.TabToAsync(Page.GetByTestId("add-evidence").GetByRole(AriaRole.Button, new() { Name = "Add source" }));
        await me.PressAsync("Enter");
        await Expect(checker.EvidenceItems).ToHaveCountAsync(1);

        // The verdict: rating from the list, summary, explanation, the evidence ticked by default; submit.
        await me.TabToAsync(checker.Action("submit"));
        await me.PressAsync("Enter");
        await Expect(checker.Form("submit")).ToBeVisibleAsync();
        await me.ChooseAsync(checker.Form("submit").GetByTestId("rating-select"), "Mostly true");
        // The claim is in English: its English version is the one required.
        await me.TabToAsync(Page.Locator("#verdict-en-title"));
        await me.TypeAsync("The ministry evacuated 300 citizens from Baku");
        await me.TabToAsync(Page.Locator("#verdict-en-summary"));
        await me.TypeAsync("The ministry confirmed the evacuation of 300 citizens from Baku.");
        await me.TabToAsync(Page.Locator("#verdict-en-explanation"));
        await me.TypeAsync("The ministry's **statement** gives the number and the date.");
        await Expect(checker.Form("submit").GetByTestId("verdict-en-preview").Locator("strong")).ToHaveTextAsync("statement");
        await Expect(checker.Form("submit").GetByTestId("verdict-evidence").GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();
        await Axe.AssertNoBlockingViolationsAsync(Page, "the verdict form, filled in", Axe.StaffRules);
        await me.TabToAsync(checker.SendButton);
        await me.PressAsync("Enter");

        await Expect(checker.Status("in_review")).ToBeVisibleAsync();
        await Expect(checker.DraftVerdict).ToContainTextAsync("The ministry confirmed the evacuation of 300 citizens from Baku.");
        await Expect(editor.Status("in_review")).ToBeVisibleAsync();

        // The editor approves it (one approval publishes) and then opens a correction, from the keyboard.
        await keys.TabToAsync(editor.Action("approve"));
        await keys.PressAsync("Enter");
        await keys.TabToAsync(editor.SendButton);
        await keys.PressAsync("Enter");
        await Expect(editor.Status("published")).ToBeVisibleAsync();
        await keys.TabToAsync(editor.Action("correct"));
        await keys.PressAsync("Enter");
        await keys.TabToAsync(editor.Form("correct").Locator("textarea").First);
        await keys.TypeAsync("The ministry later gave 301 as the number evacuated.");
        await keys.TabToAsync(editor.SendButton);
        await keys.PressAsync("Enter");
        await Expect(editor.CorrectionInProgress).ToBeVisibleAsync();
        await Expect(checker.CorrectionInProgress).ToContainTextAsync("301");
    }

    [Fact]
    public async Task Editor_takes_in_an_article_and_bulk_assigns_its_claims_with_the_keyboard_only()
    {
        var me = new Keys(Page);
        await me.SignInAsync("editor");

        // The bell's menu: Enter opens it with focus on one of its items, Escape closes it again.
        await new QueuePage(Page).WaitUntilInteractiveAsync();
        await Expect(new QueuePage(Page).Heading).ToBeFocusedAsync();
        var bell = Page.GetByTestId("notification-bell").GetByRole(AriaRole.Button);
        await me.TabToAsync(bell, "Shift+Tab");
        await me.PressAsync("Enter");
        await Expect(Page.GetByTestId("bell-all")).ToBeVisibleAsync();
        await Expect(Page.Locator(".mud-popover-open [role=menuitem]:focus")).ToHaveCountAsync(1);
        await me.PressAsync("Escape");
        await Expect(Page.GetByTestId("bell-all")).ToHaveCountAsync(0);

        // Intake: paste the article, find its claims, accept them all.
        var intake = new ArticleIntakePage(Page);
        await Page.GotoAsync(ArticleIntakePage.Path);
        await intake.WaitUntilInteractiveAsync();
        await me.TabToAsync(intake.ArticleText);
        await me.TypeAsync(
            "Menteri Luar Negeri Retno Marsudi mengatakan pada hari Senin (12/10/2020) bahwa 300 warga negara Indonesia telah dievakuasi dari Baku. "
            + "Kementerian Pertahanan Armenia menyatakan bahwa 40 desa di perbatasan telah dikosongkan sejak pekan lalu.");
        await me.TabToAsync(intake.FindClaimsButton);
        await me.PressAsync("Enter");
        await Expect(intake.Step).ToHaveAttributeAsync("data-step", "review");
        await Expect(intake.Cards.First).ToBeVisibleAsync();
        await me.TabToAsync(intake.SelectAll);
        await me.PressAsync("Enter");
        await me.TabToAsync(intake.AcceptSelected);
        await me.PressAsync("Enter");
        await Expect(intake.Step).ToHaveAttributeAsync("data-step", "done");
        await Expect(intake.NewClaims.First).ToBeVisibleAsync();
        var ids = await intake.NewClaims.EvaluateAllAsync<string[]>("all => all.map(e => e.dataset.claimId)");

        // Bulk assign: to the queue, tick the new claims, choose the checker and a due day, assign.
        await me.TabToAsync(Page.GetByTestId("open-queue"));
        await me.PressAsync("Enter");
        var queue = new QueuePage(Page);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/queue"));
        await queue.WaitUntilInteractiveAsync();
        foreach (var id in ids)
        {
            var tick = Page.Locator($"tr[data-claim-id='{id}'] input[type=checkbox]");
            await me.TabToAsync(tick);
            await me.PressAsync("Space");
            await Expect(tick).ToBeCheckedAsync();
        }

        await Expect(Page.GetByTestId("selected-count")).ToHaveTextAsync(ids.Length == 1 ? "1 claim selected" : $"{ids.Length} claims selected");
        await me.ChooseAsync(Page.GetByTestId("bulk-assignee"), "Sari Checker");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await me.TabToAsync(Page.Locator("#bulk-due"));
        await me.TypeAsync(due);
        await me.TabToAsync(Page.GetByTestId("bulk-assign"));
        await Expect(Page.Locator("#bulk-due")).ToHaveValueAsync(due);
        await me.PressAsync("Enter");

        foreach (var id in ids)
        {
            await Expect(Page.Locator($"tr[data-claim-id='{id}']")).ToContainTextAsync("Sari Checker");
        }

        await Expect(Page.GetByTestId("bulk-problem")).ToHaveCountAsync(0);
    }

    /// Only the keyboard: Tab (forwards) to reach a control, keys to use it.
    private sealed class Keys(IPage page)
    {
        private const int MostStops = 80;

        /// The sign-in form, field by field, submitted with Enter; lands on the queue.
        public async Task SignInAsync(string username)
        {
            await page.GotoAsync(LoginPage.Path);
            await TabToAsync(page.Locator("#username"));
            await TypeAsync(username);
            await TabToAsync(page.Locator("#password"));
            await TypeAsync(E2EFixture.DemoPassword);
            await PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/queue$"));
        }

        public async Task PressAsync(string key) => await page.Keyboard.PressAsync(key);

        public async Task TypeAsync(string text) => await page.Keyboard.TypeAsync(text);

        /// Tabs (forward, or back with Shift+Tab) until the target or something inside it has focus; fails if it is not
        /// reached in MostStops.
        public async Task TabToAsync(ILocator target, string key = "Tab")
        {
            await target.WaitForAsync();
            for (var stop = 0; stop < MostStops; stop++)
            {
                if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
                {
                    return;
                }

                await page.Keyboard.PressAsync(key);
            }

            await Assertions.Expect(target).ToBeFocusedAsync(new() { Timeout = 1 });
        }

        /// A radio group: Tab lands on its checked (or first) radio, the arrows move the choice.
        public async Task ChooseRadioAsync(ILocator group, string name)
        {
            await TabToAsync(group);
            var radio = group.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });
            for (var step = 0; step < 6 && !await radio.IsCheckedAsync(); step++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }

            await Assertions.Expect(radio).ToBeCheckedAsync();
        }

        /// A MudSelect from the keyboard: tab to it, ArrowDown opens it, each ArrowDown moves the highlight one option
        /// (waited for, as it comes back from the server), Enter picks the highlighted one.
        public async Task ChooseAsync(ILocator select, string option)
        {
            await TabToAsync(select);
            await page.Keyboard.PressAsync("ArrowDown");
            var list = page.Locator(".mud-popover-open .mud-list");
            await list.WaitForAsync();
            var highlighted = list.Locator(".mud-list-item.mud-selected-item");
            string? current = null;
            for (var step = 0; step < 20 && current?.Contains(option, StringComparison.Ordinal) != true; step++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
                await Assertions.Expect(highlighted).ToHaveCountAsync(1);
                if (current is not null)
                {
                    await Assertions.Expect(highlighted).Not.ToHaveTextAsync(current);
                }

                current = await highlighted.TextContentAsync();
            }

            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(list).ToHaveCountAsync(0);
            // The test id lands on the input or on a part of the select's wrapper, depending on the MudSelect.
            var chosen = await select.EvaluateAsync<string>(
                "e => { const control = e.closest('.mud-input-control') ?? e; const input = e.matches('input') ? e : control.querySelector('input'); return input?.value || control.textContent; }");
            Assert.Contains(option, chosen, StringComparison.Ordinal);
        }
    }
}
