using FactCheck.Tests.Review;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Notifications;

/// With SMTP configured, a person who turned e-mail reminders off still gets them in the inbox but none in the outbox.
public sealed class EmailPreferenceTests : IDisposable
{
    private readonly TestApp app = new TestApp(settings: new Dictionary<string, string?>
    {
        ["FactCheck:Smtp:Host"] = "127.0.0.1",
        ["FactCheck:Smtp:From"] = "desk@factcheck.test",
    }).Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Turning_email_reminders_off_keeps_my_reminders_in_the_inbox_and_out_of_the_outbox()
    {
        var review = await ReviewDriver.CreateAsync(app);
        await app.ScalarAsync<long>("UPDATE users SET email = username || '@factcheck.test' WHERE username IN ('checker', 'checker2') RETURNING 0");
        await app.SendAsync(new SetNotificationPreferences { EmailReminders = false, DailyDigest = true }, review.Checker);
        Assert.True((await app.QueryAsync(new GetNotificationPreferences(), review.Checker)).MailConfigured);

        var mine = await review.NewClaimAsync();
        await review.TriageAsync(mine);
        await review.AssignAsync(mine, review.Checker);
        var theirs = await review.NewClaimAsync();
        await review.TriageAsync(theirs);
        await review.AssignAsync(theirs, review.Checker2);
        var due = await app.ScalarAsync<DateTimeOffset>("SELECT max(due_at) FROM ladders WHERE claim_id IN (@mine, @theirs)", new { mine, theirs });
        await app.SendAsync(new MarkAllNotificationsRead(), review.Checker); // "assigned to you" and the demo desk's work
        await app.SendAsync(new MarkAllNotificationsRead(), review.Checker2);
        app.Clock.SetUtcNow(due.AddMinutes(1));
        await app.SendAsync(new SendDueReminders(), Actor.System);

        Assert.Equal(1, await app.QueryAsync(new CountUnreadNotifications(), review.Checker));
        Assert.Equal(1, await app.QueryAsync(new CountUnreadNotifications(), review.Checker2));
        Assert.Equal(["checker2@factcheck.test"], await app.RowsAsync<string>("SELECT to_address FROM mail_outbox"));
    }
}
