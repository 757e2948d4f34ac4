using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// axe-core on every staff page a role can open, and on what opens inside them (the notification menu, date pickers,
/// drop-down lists, the workflow forms, the bulk-assign bar, the intake review): no serious or critical violation, one
/// main landmark, all content in landmarks, headings in order. One signed-in browser context per role walks all of it;
/// what opens is checked on its own, the page around it having been checked whole. Forms are opened, never sent, so
/// the demo claims stay as the other tests expect them.
[Collection(E2ECollectionDefinition.Name)]
public sealed class StaffAccessibilityTests(E2EFixture fixture) : BrowserTest(fixture)
{
    // Demo claims by id (the order DemoCase enters them): published, triaged with a target date, still new.
    private const string Published = "/claims/1";
    private const string Triaged = "/claims/4";
    private const string New = "/claims/5";

    private readonly List<string> failures = [];

    [Theory]
    [InlineData("editor")]
    [InlineData("checker")]
    [InlineData("admin")]
    public async Task Every_staff_page_and_what_it_opens_passes_axe(string role)
    {
        if (role == "editor")
        {
            // A reader's tip first, so the editor's tip inbox shows a tip with its actions, not only "no new tips".
            await Page.GotoAsync("/tips");
            await Page.Locator("#tip-text").FillAsync("A spokesman said no shells fell on Ganja this week.");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Send tip" }).ClickAsync();
            await Expect(Page.GetByTestId("tip-thanks")).ToBeVisibleAsync();
        }

        await SignInAsync(role);
        await Expect(Page).Not.ToHaveURLAsync(PathIs(LoginPage.Path));
        var desk = role is "editor" or "checker";

        await VisitAsync("/dashboard", "[data-testid=dashboard][data-interactive=true]");
        await VisitAsync("/dashboard?view=mine", "[data-testid=dashboard][data-interactive=true]");
        await VisitAsync("/claims", "[data-testid=claim-filters][data-interactive]");
        await OpenDatePickerAsync("#said-from", "/claims: the 'Said from' calendar");
        await VisitAsync("/claimants/1", "h1");
        await VisitAsync("/claims/topics", "[data-testid=topics]");
        await VisitAsync("/notifications", "h1");
        await OpenBellAsync();
        await VisitAsync("/account", "h1");

        foreach (var claim in new[] { Published, Triaged, New })
        {
            await VisitAsync(claim, "[data-testid=review-panel][data-interactive]");
            await OpenEveryFormAsync(claim);
        }

        if (desk)
        {
            await VisitAsync(QueuePage.Path, "[data-testid=queue-filters][data-interactive]");
            await OpenSelectAsync("status-filter", "/queue: the status list");
            await VisitAsync(NewClaimPage.Path, "[data-testid=new-claim][data-interactive]");
            await OpenDatePickerAsync("#said-on", "/claims/new: the 'Said on' calendar");
            await VisitAsync(ArticleIntakePage.Path, "[data-testid=paste-form][data-interactive]");
            await ReviewAnArticleAsync();
        }

        if (role == "editor")
        {
            await VisitAsync(QueuePage.Path + "?tab=all", "[data-testid=queue-filters][data-interactive]");
            await Page.GetByTestId("claim-table").Locator("tbody tr input[type=checkbox]").First.CheckAsync();
            await Page.Locator("#bulk-due").WaitForAsync();
            await CheckAsync("/queue: the bulk-assign bar", Page.GetByTestId("bulk-bar"));
            await OpenDatePickerAsync("#bulk-due", "/queue: the bulk-assign calendar");
            await Page.GotoAsync("/tips/inbox");
            var tip = Page.Locator("tr").Filter(new() { HasText = "A spokesman said no shells fell on Ganja this week." });
            await tip.WaitForAsync();
            await CheckAsync("/tips/inbox");
            await tip.Locator("[data-testid^='dismiss-']").ClickAsync();
            await Page.Locator("[data-testid^='confirm-dismiss-']").WaitForAsync();
            await CheckAsync("/tips/inbox: dismissing a tip", Page.Locator("main"));
            await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        }

        if (role == "admin")
        {
            await VisitAsync("/admin/users", "h1");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Roles", Exact = true }).First.ClickAsync();
            await CheckAsync("/admin/users: editing roles", Page.Locator("main"));
            await VisitAsync("/admin/reminders", "h1");
            await VisitAsync("/admin/audit", "h1");
        }

        Assert.True(failures.Count == 0, $"Signed in as {role}:\n" + string.Join("\n", failures));
    }

    private async Task VisitAsync(string path, string ready)
    {
        await Page.GotoAsync(path);
        await Page.Locator(ready).First.WaitForAsync();
        await CheckAsync(path);
    }

    private async Task CheckAsync(string where, ILocator? within = null)
    {
        var violations = await Axe.BlockingViolationsAsync(Page, within, Axe.StaffRules);
        failures.AddRange(violations.Select(v => $"{where}: {Axe.Describe(v)}"));
    }

    /// Opens the calendar from its button beside the date field, checks it, and closes it with Escape.
    private async Task OpenDatePickerAsync(string input, string where)
    {
        var field = Page.Locator(".mud-input-control").Filter(new() { Has = Page.Locator(input) });
        await field.Locator("button.mud-input-adornment-icon-button").First.ClickAsync();
        var calendar = Page.Locator(".mud-popover-open").Filter(new() { Has = Page.Locator(".mud-picker-calendar-container") });
        await calendar.WaitForAsync();
        await CheckAsync(where, calendar);
        await Page.Keyboard.PressAsync("Escape");
    }

    private async Task OpenSelectAsync(string testId, string where)
    {
        await Page.GetByTestId(testId).ClickAsync();
        var list = Page.Locator(".mud-popover-open").Filter(new() { Has = Page.Locator(".mud-list") });
        await list.WaitForAsync();
        await CheckAsync(where, list);
        await Page.Keyboard.PressAsync("Escape");
    }

    private async Task OpenBellAsync()
    {
        await Page.GetByTestId("notification-bell").GetByRole(AriaRole.Button).ClickAsync();
        await Page.GetByTestId("bell-all").WaitForAsync();
        await CheckAsync("the notification menu", Page.Locator(".mud-popover-open").Filter(new() { Has = Page.GetByTestId("bell-all") }));
        await Page.Keyboard.PressAsync("Escape");
    }

    /// Every workflow form the signed-in person can open on this claim. Reassign is the assign form again, and one
    /// calendar (triage's) stands for the forms' date pickers, all the same component. The deadline forms need a
    /// running deadline, which no demo claim has: the keyboard test checks them on its own claim.
    private async Task OpenEveryFormAsync(string claim)
    {
        var panel = new ClaimReviewPanel(Page);
        var actions = await panel.Actions.EvaluateAllAsync<string[]>("all => all.map(a => a.dataset.testid.substring('action-'.length))");
        foreach (var action in actions.Where(a => a is not ("start" or "reassign")))
        {
            await panel.OpenAsync(action);
            await CheckAsync($"{claim}: the {action} form", panel.Panel);
            if (action == "triage")
            {
                await OpenDatePickerAsync("#triage-due", $"{claim}: the triage calendar");
            }
        }
    }

    private async Task ReviewAnArticleAsync()
    {
        var intake = new ArticleIntakePage(Page);
        await intake.PasteAsync(
            "Menteri Luar Negeri Indonesia mengatakan pada hari Senin (12/10/2020) bahwa 300 warga negara Indonesia telah dievakuasi dari Baku. "
            + "Juru bicara kementerian membantah laporan bahwa evakuasi itu ditunda.",
            "https://example.org/berita/evakuasi", "Contoh Berita", "2020-10-13");
        await intake.FindClaimsAsync();
        await Expect(intake.Step).ToHaveAttributeAsync("data-step", "review");
        await CheckAsync("/claims/from-article: reviewing the candidates");
    }
}
