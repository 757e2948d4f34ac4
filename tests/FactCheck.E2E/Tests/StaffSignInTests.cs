using System.Text.RegularExpressions;
using Microsoft.Playwright;
using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;

namespace FactCheck.E2E.Tests;

[Collection(E2ECollectionDefinition.Name)]
public sealed class StaffSignInTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Editor_signs_in_and_sees_the_staff_navigation()
    {
        await SignInAsync("editor");

        await Expect(Page).ToHaveURLAsync(PathIs(QueuePage.Path));
        var shell = new StaffShell(Page);
        await Expect(shell.SignedInAs).ToHaveTextAsync("editor");
        await Expect(shell.NavLink("Queue")).ToBeVisibleAsync();
        await Expect(shell.NavLink("Claims")).ToBeVisibleAsync();
        await Expect(shell.NavLink("Dashboard")).ToBeVisibleAsync();
        await Expect(shell.AdminGroup).ToHaveCountAsync(0);
        await Expect(shell.NavLink("Users")).ToHaveCountAsync(0);
        await Expect(shell.NavLink("Background jobs")).ToHaveCountAsync(0);

        // An editor starts on every open claim. Other browser tests record claims and move some through the review, so the
        // number varies with the order the tests run in: the tab's count must match the rows, and only open claims show.
        var queue = new QueuePage(Page);
        await Expect(queue.Heading).ToBeVisibleAsync();
        await Expect(queue.Tab("all")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(queue.ClaimTable).ToBeVisibleAsync();
        // The demo desk has published its verdict on Baku's denial (out of the queue) and triaged the claim about Iran.
        await Expect(queue.ClaimRow("Mortars and rockets landed in villages in Iran")).ToHaveCountAsync(1);
        await Expect(queue.ClaimRow("Baku denies attacking buildings in Stepanakert")).ToHaveCountAsync(0);
        var rows = await queue.ClaimRows.CountAsync();
        await Expect(queue.TabCount("all")).ToHaveTextAsync(rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(queue.ResultCount).ToHaveTextAsync($"{rows} claims");
        await Expect(queue.ClaimTable.Locator("[data-testid=status] [data-status]")).ToHaveCountAsync(rows);
        await Expect(queue.ClaimTable.Locator("[data-testid=status] [data-status=published], [data-testid=status] [data-status=rejected]")).ToHaveCountAsync(0);

        var screenshot = await ScreenshotAsync("editor-queue");
        Assert.True(File.Exists(screenshot), $"No screenshot at {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 0, $"Empty screenshot at {screenshot}");
    }

    /// A sign-in page left open while its antiforgery cookie went away (it expired, or the browser dropped it): the
    /// post is refused with a styled page in both languages that says nothing was saved and links back to the form.
    [Fact]
    public async Task A_form_posted_after_its_antiforgery_cookie_expired_gets_a_readable_page_that_leads_back()
    {
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await Page.Context.ClearCookiesAsync();

        await login.SignInAsync("editor", E2EFixture.DemoPassword);

        var refused = Page.GetByTestId("form-refused");
        await Expect(refused.GetByRole(AriaRole.Heading, new() { Name = "The form could not be sent" })).ToBeVisibleAsync();
        await Expect(refused).ToContainTextAsync("Nothing was saved.");
        await Expect(refused).ToContainTextAsync("tidak ada yang disimpan");
        Assert.Equal("rgb(251, 251, 250)", await Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor")); // the site's own stylesheet
        Assert.DoesNotContain(await Page.Context.CookiesAsync(), c => c.Name == "factcheck.auth");
        await ScreenshotAsync("form-refused");

        await refused.GetByRole(AriaRole.Link, new() { Name = "Open the page again" }).ClickAsync();
        await Expect(login.Heading).ToBeVisibleAsync();
        await login.SignInAsync("editor", E2EFixture.DemoPassword);
        await Expect(Page).ToHaveURLAsync(PathIs(QueuePage.Path));
    }

    [Fact]
    public async Task Wrong_password_shows_a_readable_error_and_stays_on_login()
    {
        var login = new LoginPage(Page);
        await login.GotoAsync();

        await login.SignInAsync("editor2", "not-the-demo-password");

        await Expect(login.Error).ToBeVisibleAsync();
        await Expect(login.Error).ToHaveTextAsync("Unknown username or wrong password.");
        await Expect(Page).ToHaveURLAsync(PathIs(LoginPage.Path));
        await Expect(login.Username).ToHaveValueAsync("editor2");
        Assert.DoesNotContain(await Page.Context.CookiesAsync(), c => c.Name == "factcheck.auth");
    }

    [Fact]
    public async Task Sign_out_returns_to_login()
    {
        await SignInAsync("editor2");
        await Expect(Page).ToHaveURLAsync(PathIs(QueuePage.Path));
        var shell = new StaffShell(Page);
        await Expect(shell.SignedInAs).ToHaveTextAsync("editor2");

        await shell.SignOutAsync();

        var login = new LoginPage(Page);
        await Expect(Page).ToHaveURLAsync(new Regex(@"/login\?signedOut=true$", RegexOptions.IgnoreCase));
        await Expect(login.SignedOutNotice).ToBeVisibleAsync();
        await Expect(login.Heading).ToBeVisibleAsync();

        // The cookie is gone: a staff page sends the browser back to sign-in.
        await Page.GotoAsync(QueuePage.Path);
        await Expect(Page).ToHaveURLAsync(new Regex(@"/login\?returnUrl=", RegexOptions.IgnoreCase));
        await Expect(shell.SignedInAs).ToHaveCountAsync(0);
    }
}
