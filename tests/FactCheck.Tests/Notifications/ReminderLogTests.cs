using System.Net;
using Bunit;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Admin;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace FactCheck.Tests.Notifications;

/// The admin's reminder log over what the real sweep recorded (its own app: the clock moves).
public sealed class ReminderLogTests : BunitContext, IAsyncLifetime
{
    private readonly TestApp app = new TestApp().Start();
    private readonly AsyncServiceScope scope;
    private ReviewDriver review = null!;
    private long first;
    private long second;

    public ReminderLogTests()
    {
        scope = app.Services.CreateAsyncScope();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IMediator>());
        Services.AddSingleton(app.Services.GetRequiredService<IOptions<FactCheckOptions>>());
        Services.AddSingleton<TimeProvider>(app.Clock);
        Services.AddMudServices().AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// Two researching claims, assigned together: each gets due soon, then overdue (before any escalation).
    public async Task InitializeAsync()
    {
        review = await ReviewDriver.CreateAsync(app);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = review.Admin;
        first = await review.ClaimInStateAsync("researching");
        second = await review.NewClaimAsync(title: "Second claim on the log");
        await review.TriageAsync(second);
        await review.AssignAsync(second, review.Checker2);
        var due = await app.ScalarAsync<DateTimeOffset>("SELECT min(due_at) FROM ladders WHERE ended_at IS NULL AND claim_id IN (@first, @second)", new { first, second });
        var start = app.Clock.GetUtcNow();
        app.Clock.SetUtcNow(start + ((due - start) * 0.76));
        await app.SendAsync(new SendDueReminders(), Actor.System);
        app.Clock.SetUtcNow(due.AddMinutes(1));
        await app.SendAsync(new SendDueReminders(), Actor.System);
    }

    [Fact]
    public async Task The_log_filters_by_step_and_claim_and_pages_newest_first()
    {
        var all = await app.QueryAsync(new ListReminderLog(), review.Admin);
        var overdue = await app.QueryAsync(new ListReminderLog { Step = "overdue" }, review.Admin);
        var ofFirst = await app.QueryAsync(new ListReminderLog { ClaimId = first }, review.Admin);
        var page2 = await app.QueryAsync(new ListReminderLog { PageSize = 2, Page = 2 }, review.Admin);

        Assert.Equal(4, all.Total);
        Assert.Equal(["overdue", "overdue", "due-soon", "due-soon"], all.Items.Select(r => r.Step));
        Assert.True(all.Items.Zip(all.Items.Skip(1)).All(p => p.First.At >= p.Second.At));
        Assert.All(all.Items, r => Assert.Equal("sent", r.Outcome));
        Assert.Equal([first, second], overdue.Items.Select(r => r.ClaimId).Order());
        Assert.All(overdue.Items, r => Assert.Equal("overdue", r.Step));
        Assert.Equal(["Budi Checker", "Budi Checker"], ofFirst.Items.Select(r => r.Recipient));
        Assert.Equal(["overdue", "due-soon"], ofFirst.Items.Select(r => r.Step));
        Assert.Equal(4, page2.Total);
        Assert.Equal(all.Items.Skip(2).Take(2).Select(r => r.Id), page2.Items.Select(r => r.Id));
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.QueryAsync(new ListReminderLog { Step = "nagging" }, review.Admin));
    }

    [Fact]
    public async Task The_page_shows_each_reminder_with_a_claim_link_and_the_outbox_failures()
    {
        await app.ScalarAsync<long>(
            """
            INSERT INTO mail_outbox (to_address, subject, body, created_at, attempts, next_attempt_at, last_error)
            VALUES ('checker@factcheck.test', 'Overdue: x', 'body', '2025-01-01T00:00:00.0000000Z', 12, '2025-01-01T00:00:00.0000000Z', 'Connection refused (127.0.0.1:25)'),
                   ('checker2@factcheck.test', 'Overdue: y', 'body', '2025-01-01T00:00:00.0000000Z', 0, '2025-01-01T00:00:00.0000000Z', NULL)
            RETURNING 0
            """);

        var page = Render<ReminderLogPage>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=reminder-row]").Count));
        var dueSoon = Assert.Single(page.FindAll($"[data-testid=reminder-row][data-step=due-soon][data-claim='{first}']"));
        Assert.Equal($"/claims/{first}", dueSoon.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Budi Checker", dueSoon.TextContent, StringComparison.Ordinal);
        Assert.Contains("sent", dueSoon.TextContent, StringComparison.Ordinal);
        Assert.Contains("Second claim on the log", page.Find($"[data-testid=reminder-row][data-claim='{second}']").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 pending", page.Find("[data-testid=outbox-pending]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 failed", page.Find("[data-testid=outbox-failed]").TextContent, StringComparison.Ordinal);
        var problem = Assert.Single(page.FindAll("[data-testid=outbox-problem]"));
        Assert.Contains("Connection refused (127.0.0.1:25)", problem.TextContent, StringComparison.Ordinal);
        Assert.Contains("gave up", problem.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_are_refused_the_reminder_log_and_admins_get_it()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => app.QueryAsync(new ListReminderLog(), review.Editor));

        var editor = app.Browser();
        await app.SignInAsync(editor, "editor", TestApp.DemoPassword);
        var refused = await editor.GetAsync("/admin/reminders");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/access-denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var admin = app.Browser();
        await app.SignInAsync(admin, "admin", TestApp.DemoPassword);
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/reminders"));
        Assert.Contains("Second claim on the log", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reminder-log\"", html, StringComparison.Ordinal);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await scope.DisposeAsync();
        app.Dispose();
    }
}
