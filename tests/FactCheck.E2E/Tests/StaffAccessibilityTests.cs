using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

/// axe-core on every staff page a role can open, and on what opens inside them (the notification menu, date pickers,
/// drop-down lists, the workflow forms, the bulk-assign bar, the intake review): no serious or critical violation, one
/// main landmark, all content in landmarks. One signed-in browser context per role walks all of it; forms are opened,
/// never sent, so the demo claims stay as the other tests expect them.
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
        await SignInAsync(role);
        await Expect(Page).Not.ToHaveURLAsync(PathIs(LoginPage.Path));
        var desk = role is "editor" or "checker";

        await VisitAsync("/dashboard", "[data-testid=dashboard][data-interactive=true]");
        await VisitAsync("/dashboard?view=mine", "[data-testid=dashboard][data-interactive=true]");
        await VisitAsync("/claims", "[data-testid=claim-filters][data-interactive]");
        await OpenDatePickerAsync("#said-from", "/claims: the 'Said from' calendar");
        await VisitAsync("/claimants/1", "h1");
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
            await CheckAsync("/queue: the bulk-assign bar");
            await OpenDatePickerAsync("#bulk-due", "/queue: the bulk-assign calendar");
            await VisitAsync("/tips/inbox", "h1");
        }

        if (role == "admin")
        {
            await VisitAsync("/admin/users", "h1");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Roles", Exact = true }).First.ClickAsync();
            await CheckAsync("/admin/users: editing roles");
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

    private async Task CheckAsync(string where)
    {
        var violations = await Axe.BlockingViolationsAsync(Page, Axe.LandmarkRules);
        failures.AddRange(violations.Select(v => $"{where}: {Axe.Describe(v)}"));
    }

    /// Opens the calendar from its button beside the date field, checks it, and closes it with Escape.
    private async Task OpenDatePickerAsync(string input, string where)
    {
        var field = Page.Locator(".mud-input-control").Filter(new() { Has = Page.Locator(input) });
        await field.Locator("button.mud-input-adornment-icon-button").First.ClickAsync();
        await Page.Locator(".mud-picker-popover-paper, .mud-picker-calendar-container").First.WaitForAsync();
        await CheckAsync(where);
        await Page.Keyboard.PressAsync("Escape");
    }

    private async Task OpenSelectAsync(string testId, string where)
    {
        await Page.GetByTestId(testId).ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list").First.WaitForAsync();
        await CheckAsync(where);
        await Page.Keyboard.PressAsync("Escape");
    }

    private async Task OpenBellAsync()
    {
        await Page.GetByTestId("notification-bell").GetByRole(AriaRole.Button).ClickAsync();
        await Page.GetByTestId("bell-all").WaitForAsync();
        await CheckAsync("the notification menu");
        await Page.Keyboard.PressAsync("Escape");
    }

    /// Every workflow action the signed-in person has on this claim, each form opened in turn (and its calendar).
    private async Task OpenEveryFormAsync(string claim)
    {
        var panel = new ClaimReviewPanel(Page);
        var actions = await panel.Actions.EvaluateAllAsync<string[]>("all => all.map(a => a.dataset.testid.substring('action-'.length))");
        foreach (var action in actions.Where(a => a != "start"))
        {
            await panel.OpenAsync(action);
            await CheckAsync($"{claim}: the {action} form");
            var calendar = panel.Form(action).Locator("input[id$='-due']");
            if (await calendar.CountAsync() > 0)
            {
                await OpenDatePickerAsync("#" + await calendar.First.GetAttributeAsync("id"), $"{claim}: the {action} calendar");
            }
        }

        foreach (var (control, date) in new[] { ("extend-deadline", "#extend-due-date"), ("snooze-reminders", "#snooze-until-date") })
        {
            var button = panel.Panel.GetByTestId(control);
            if (await button.CountAsync() > 0)
            {
                await button.ClickAsync();
                await Page.Locator(date).WaitForAsync();
                await CheckAsync($"{claim}: the {control} form");
                await OpenDatePickerAsync(date, $"{claim}: the {control} calendar");
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
