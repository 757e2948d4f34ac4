using System.Security.Claims;
using Bunit;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace FactCheck.Tests.Notifications;

/// The bell and the inbox page, signed in as checker, while the real reminder sweep writes to checker's inbox.
/// Each test has its own app: they move the clock.
public sealed class InboxLiveTests : BunitContext, IAsyncLifetime
{
    private readonly TestApp app = new TestApp().Start();
    private readonly AsyncServiceScope scope;
    private ReviewDriver review = null!;
    private DateTimeOffset start;
    private DateTimeOffset due;

    public InboxLiveTests()
    {
        scope = app.Services.CreateAsyncScope();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IMediator>());
        Services.AddSingleton(app.Services.GetRequiredService<InboxNotifier>());
        Services.AddSingleton(app.Services.GetRequiredService<IOptions<FactCheckOptions>>());
        Services.AddSingleton<TimeProvider>(app.Clock);
        Services.AddMudServices().AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task InitializeAsync()
    {
        review = await ReviewDriver.CreateAsync(app);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = review.Checker;
        AddAuthorization().SetAuthorized("checker")
            .SetRoles(Roles.FactChecker)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, review.Checker.UserId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var claimId = await review.ClaimInStateAsync("researching");
        due = await app.ScalarAsync<DateTimeOffset>("SELECT due_at FROM ladders WHERE claim_id = @claimId AND ended_at IS NULL", new { claimId });

        // These tests are about reminders: the work notifications of the demo desk and of this claim's set-up go first.
        await app.RowsAsync<long>("DELETE FROM notifications WHERE user_id = @UserId RETURNING id", new { review.Checker.UserId });
        start = app.Clock.GetUtcNow();
    }

    private async Task SweepAtAsync(DateTimeOffset at)
    {
        app.Clock.SetUtcNow(at);
        await app.SendAsync(new SendDueReminders(), Actor.System);
    }

    private static string? Unread(IRenderedComponent<NotificationBell> bell) =>
        bell.FindAll("[data-testid=unread-count]").SingleOrDefault()?.TextContent;

    [Fact]
    public async Task The_bell_counts_each_reminder_the_sweep_writes_for_me_as_it_happens()
    {
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("0", bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread")));
        Assert.Null(Unread(bell));

        await SweepAtAsync(start + ((due - start) * 0.76));
        bell.WaitForAssertion(() => Assert.Equal("1", Unread(bell)));

        await SweepAtAsync(due.AddMinutes(1));
        bell.WaitForAssertion(() => Assert.Equal("2", Unread(bell)));
        Assert.Contains("2 unread", bell.Find("button").GetAttribute("aria-label"), StringComparison.Ordinal);
        // Screen readers hear it arrive from the bell's polite live region; the button keeps no focus it did not have.
        var announcement = bell.Find("[data-testid=bell-announcement]");
        Assert.Equal("status", announcement.GetAttribute("role"));
        Assert.Equal("New notification. Notifications: 2 unread.", announcement.TextContent);

        // The escalation goes to the assigning editor: checker's bell has nothing new to count.
        await SweepAtAsync(due.AddHours(5));
        Assert.Equal(1, await app.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE kind = 'escalation' AND user_id = @UserId", new { review.Editor.UserId }));
        bell.WaitForAssertion(() => Assert.Equal("2", Unread(bell)));
    }

    [Fact]
    public async Task Clicking_the_bell_lists_the_latest_reminders_and_links_to_the_inbox()
    {
        await SweepAtAsync(start + ((due - start) * 0.76));
        await SweepAtAsync(due.AddMinutes(1));
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("2", Unread(bell)));

        await bell.Find("button").ClickAsync(new());

        popovers.WaitForAssertion(() => Assert.Equal(2, popovers.FindAll("[data-testid=bell-item]").Count));
        var items = popovers.FindAll("[data-testid=bell-item]");
        Assert.StartsWith("Overdue:", items[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Due soon:", items[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("/notifications", popovers.Find("[data-testid=bell-all]").GetAttribute("href"));
    }

    [Fact]
    public async Task Reading_on_the_inbox_page_lowers_the_bell_and_mark_all_read_clears_it()
    {
        await SweepAtAsync(start + ((due - start) * 0.76));
        await SweepAtAsync(due.AddMinutes(1));
        var bell = Render<NotificationBell>();
        var page = Render<NotificationsPage>();
        bell.WaitForAssertion(() => Assert.Equal("2", Unread(bell)));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=notification]").Count));

        var rows = page.FindAll("[data-testid=notification]");
        Assert.StartsWith("Overdue:", rows[0].QuerySelector("[data-testid=notification-title]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("font-weight-bold", rows[0].QuerySelector("[data-testid=notification-title]")!.ClassName, StringComparison.Ordinal);
        Assert.StartsWith("/claims/", rows[0].QuerySelector("[data-testid=notification-claim]")!.GetAttribute("href"), StringComparison.Ordinal);

        await page.FindAll("[data-testid=mark-read]")[0].ClickAsync(new());
        bell.WaitForAssertion(() => Assert.Equal("1", Unread(bell)));
        page.WaitForAssertion(() => Assert.Equal("false", page.FindAll("[data-testid=notification]")[0].GetAttribute("data-unread")));
        Assert.DoesNotContain("font-weight-bold", page.FindAll("[data-testid=notification-title]")[0].ClassName ?? "", StringComparison.Ordinal);

        await page.Find("[data-testid=mark-all-read]").ClickAsync(new());
        bell.WaitForAssertion(() => Assert.Null(Unread(bell)));
        page.WaitForAssertion(() => Assert.All(page.FindAll("[data-testid=notification]"), n => Assert.Equal("false", n.GetAttribute("data-unread"))));
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE user_id = @UserId AND read_at IS NULL", new { review.Checker.UserId }));
    }

    [Fact]
    public async Task The_inbox_page_shows_a_new_reminder_without_a_reload_and_saves_my_email_choice()
    {
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=empty]"));
        Assert.Contains("only goes out when the server has SMTP configured", page.Find("[data-testid=mail-status]").TextContent, StringComparison.Ordinal);

        await SweepAtAsync(start + ((due - start) * 0.76));
        page.WaitForAssertion(() => Assert.StartsWith("Due soon:", page.Find("[data-testid=notification-title]").TextContent, StringComparison.Ordinal));

        page.WaitForAssertion(() => page.Find("[data-testid=email-reminders]"));
        await page.Find("input[data-testid=email-reminders]").ChangeAsync(new() { Value = false });
        var saved = await app.QueryAsync(new GetNotificationPreferences(), review.Checker);
        Assert.False(saved.EmailReminders);
        Assert.True(saved.DailyDigest);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await scope.DisposeAsync();
        app.Dispose();
    }
}
