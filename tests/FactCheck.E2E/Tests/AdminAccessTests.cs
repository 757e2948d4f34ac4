using FactCheck.E2E.Infrastructure;
using FactCheck.E2E.PageObjects;
using Microsoft.Playwright;

namespace FactCheck.E2E.Tests;

[Collection(E2ECollectionDefinition.Name)]
public sealed class AdminAccessTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Admin_sees_the_admin_navigation_and_the_jobs_dashboard()
    {
        await SignInAsync("admin");

        // An account that is only an admin lands on the user list.
        await Expect(Page).ToHaveURLAsync(PathIs("/admin/users"));
        var shell = new StaffShell(Page);
        await Expect(shell.SignedInAs).ToHaveTextAsync("admin");
        await Expect(shell.AdminGroup).ToBeVisibleAsync();
        await Expect(shell.NavLink("Users")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("user-table")).ToContainTextAsync("checker2");
        await ScreenshotAsync("admin-users");

        await shell.NavLink("Background jobs").ClickAsync();

        await Expect(Page).ToHaveURLAsync(PathIs("/jobs"));
        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("FactCheck jobs"));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Recurring Jobs" }).First).ToBeVisibleAsync();

        // The app registers its maintenance sweep as a recurring job at start-up.
        await Page.GotoAsync("/jobs/recurring");
        await Expect(Page.GetByText("database-maintenance").First).ToBeVisibleAsync();
        await ScreenshotAsync("admin-jobs");
    }

    [Fact]
    public async Task Factchecker_cannot_open_the_admin_page()
    {
        await SignInAsync("checker");
        await Expect(Page).ToHaveURLAsync(PathIs(QueuePage.Path));
        var shell = new StaffShell(Page);
        await Expect(shell.AdminGroup).ToHaveCountAsync(0);

        await Page.GotoAsync("/admin/users");

        // Either the access-denied page or the in-app alert; both say the role does not give access.
        await Expect(Page.GetByText("does not give you access").First).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("user-table")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Staff accounts" })).ToHaveCountAsync(0);
        await ScreenshotAsync("checker-admin-refused");
    }

    /// The app here listens on 127.0.0.1, so every request is a local one, as behind a reverse proxy on the same
    /// host: Hangfire's own "local requests only" rule would let all of them in. The admin check must still hold.
    [Fact]
    public async Task The_jobs_dashboard_refuses_local_requests_from_anyone_but_an_admin()
    {
        await Page.GotoAsync("/jobs/recurring");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        Assert.DoesNotContain("FactCheck jobs", await Page.TitleAsync(), StringComparison.Ordinal);

        await SignInAsync("editor");
        var editor = await Page.GotoAsync("/jobs/recurring");

        Assert.NotNull(editor);
        Assert.DoesNotContain("FactCheck jobs", await Page.TitleAsync(), StringComparison.Ordinal);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Recurring Jobs" })).ToHaveCountAsync(0);
    }
}
