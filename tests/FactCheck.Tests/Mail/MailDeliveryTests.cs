using Dapper;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Mail;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure.Jobs;
using FactCheck.Web.Infrastructure.Pipeline;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Mail;

/// The outbox delivered over real SMTP to a local sink, driven by the test clock.
public sealed class MailDeliveryTests
{
    private static TestApp MailApp(int port, int maxAttempts = 12) => new TestApp(settings: new Dictionary<string, string?>
    {
        ["FactCheck:Smtp:Host"] = "127.0.0.1",
        ["FactCheck:Smtp:Port"] = port.ToString(),
        ["FactCheck:Smtp:Security"] = "None",
        ["FactCheck:Smtp:From"] = "desk@factcheck.test",
        ["FactCheck:Smtp:FromName"] = "FactCheck desk",
        ["FactCheck:Smtp:MaxAttempts"] = maxAttempts.ToString(),
    }).Start();

    private static Task<MailDelivery> DeliverAsync(TestApp app) => app.RequestAsync(new DeliverMail(), Actor.System);

    private static List<RecurringJobDto> DeliveryJobs(TestApp app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Where(j => j.Id == MailDeliveryJob.JobId).ToList();
    }

    /// Gives every account an address, takes claims to research with checker and lets them run late, so the
    /// sweep tells checker they are overdue and editor (who assigned them) that they are late: two mails a claim.
    private static async Task<List<OutboxRow>> QueueRemindersAsync(TestApp app, int claims)
    {
        await using (var connection = await app.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE users SET email = username || '@newsroom.test'");
        }

        var review = await ReviewDriver.CreateAsync(app);
        for (var i = 0; i < claims; i++)
        {
            await review.ClaimInStateAsync("researching");
        }

        var lastDue = await app.ScalarAsync<DateTimeOffset>("SELECT max(due_at) FROM ladders WHERE ended_at IS NULL");
        app.Clock.SetUtcNow(lastDue.AddHours(5));
        await app.SendAsync(new SendDueReminders(), Actor.System);
        return await OutboxAsync(app);
    }

    private static Task<List<OutboxRow>> OutboxAsync(TestApp app) => app.RowsAsync<OutboxRow>(
        """
        SELECT id AS Id, to_address AS ToAddress, subject AS Subject, attempts AS Attempts, next_attempt_at AS NextAttemptAt,
               sent_at AS SentAt, last_error AS LastError
        FROM mail_outbox ORDER BY id
        """);

    [Fact]
    public async Task Smtp_down_then_up_delivers_everything_once()
    {
        var port = SmtpSink.FreePort();
        using var app = MailApp(port);
        var queued = await QueueRemindersAsync(app, claims: 2);
        Assert.Equal(4, queued.Count);
        Assert.Equal(2, queued.Count(r => r.ToAddress == "checker@newsroom.test" && r.Subject.StartsWith("Overdue: ", StringComparison.Ordinal)));
        Assert.Equal(2, queued.Count(r => r.ToAddress == "editor@newsroom.test" && r.Subject.StartsWith("Late: ", StringComparison.Ordinal)));

        // Down: every message fails, waits 30 s, then 60 s after a second failure.
        var failedAt = app.Clock.GetUtcNow();
        Assert.Equal(new MailDelivery(4, 0, 4), await DeliverAsync(app));
        Assert.All(await OutboxAsync(app), r =>
        {
            Assert.Null(r.SentAt);
            Assert.Equal(1, r.Attempts);
            Assert.Equal(failedAt.AddSeconds(30), r.NextAttemptAt);
            Assert.Contains($"127.0.0.1:{port}", r.LastError);
        });
        Assert.Equal(new MailDelivery(0, 0, 0), await DeliverAsync(app));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(new MailDelivery(4, 0, 4), await DeliverAsync(app));
        Assert.All(await OutboxAsync(app), r => Assert.Equal((2, app.Clock.GetUtcNow().AddSeconds(60)), (r.Attempts, r.NextAttemptAt)));

        // Up: once the back-off has passed, the recurring job's method sends each message once.
        Assert.Equal("* * * * *", Assert.Single(DeliveryJobs(app)).Cron);
        await using var sink = await SmtpSink.StartAsync(port);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MailDeliveryJob>().DeliverMail(CancellationToken.None);
        }

        var rows = await OutboxAsync(app);
        Assert.All(rows, r => Assert.Equal(app.Clock.GetUtcNow(), r.SentAt));
        Assert.Equal(
            rows.Select(r => $"factcheck-outbox-{r.Id}@factcheck.test {r.ToAddress} {r.Subject}").Order(),
            sink.Messages.Select(m => $"{m.MessageId} {m.To.Mailboxes.Single().Address} {m.Subject}").Order());
        var overdue = sink.Messages.First(m => m.Subject?.StartsWith("Overdue: ", StringComparison.Ordinal) == true);
        Assert.Equal(("FactCheck desk", "desk@factcheck.test"), (overdue.From.Mailboxes.Single().Name, overdue.From.Mailboxes.Single().Address));
        Assert.Matches(@"Claim: https://localhost/claims/\d+", overdue.TextBody);
        Assert.Equal("auto-generated", overdue.Headers["Auto-Submitted"]);

        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new MailDelivery(0, 0, 0), await DeliverAsync(app));
        Assert.Equal(4, sink.Messages.Count);
    }

    [Fact]
    public async Task Delivery_gives_up_after_MaxAttempts_and_keeps_the_last_error()
    {
        var port = SmtpSink.FreePort();
        using var app = MailApp(port, maxAttempts: 3);
        var queued = await QueueRemindersAsync(app, claims: 1);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(new MailDelivery(2, 0, 2), await DeliverAsync(app));
            app.Clock.Advance(TimeSpan.FromHours(1));
        }

        await using var sink = await SmtpSink.StartAsync(port);
        Assert.Equal(new MailDelivery(0, 0, 0), await DeliverAsync(app));
        Assert.Empty(sink.Messages);
        Assert.All(await OutboxAsync(app), r =>
        {
            Assert.Equal((3, (DateTimeOffset?)null), (r.Attempts, r.SentAt));
            Assert.NotNull(r.LastError);
        });
        Assert.Equal(2 * 3, await app.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'RecordMailAttempt' AND after_json LIKE '%\"sent\":false%'"));
        Assert.Equal(2, await app.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'RecordMailAttempt' AND after_json LIKE '%\"gaveUp\":true%'"));
        Assert.Equal(queued.Select(q => q.Id), (await OutboxAsync(app)).Select(r => r.Id));
    }

    [Fact]
    public async Task A_person_with_email_off_gets_the_notification_but_no_mail()
    {
        using var app = MailApp(SmtpSink.FreePort());
        await using (var connection = await app.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE users SET email_reminders = 0 WHERE username = 'checker'");
        }

        var queued = await QueueRemindersAsync(app, claims: 1);

        Assert.Equal(["editor@newsroom.test"], queued.Select(r => r.ToAddress));
        Assert.Equal(1, await app.ScalarAsync<long>(
            "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'checker' AND n.kind = 'overdue'"));
    }

    [Fact]
    public async Task Without_smtp_nothing_is_queued_no_delivery_job_runs_and_delivery_sends_nothing()
    {
        using var app = new TestApp().Start();

        var queued = await QueueRemindersAsync(app, claims: 1);

        Assert.Empty(queued);
        Assert.Empty(DeliveryJobs(app));
        Assert.Equal(2, await app.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE kind IN ('overdue', 'escalation')"));
        Assert.Equal(new MailDelivery(0, 0, 0), await DeliverAsync(app));
    }

    [Fact]
    public async Task Two_deliveries_at_once_send_each_message_once()
    {
        var port = SmtpSink.FreePort();
        using var app = MailApp(port);
        await using var sink = await SmtpSink.StartAsync(port);
        var queued = await QueueRemindersAsync(app, claims: 6);

        var runs = await Task.WhenAll(Task.Run(() => DeliverAsync(app)), Task.Run(() => DeliverAsync(app)));

        Assert.Equal(12, runs.Sum(r => r.Sent));
        Assert.Equal(0, runs.Sum(r => r.Failed));
        Assert.Equal(queued.Select(q => $"factcheck-outbox-{q.Id}@factcheck.test").Order(), sink.Messages.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task A_claimed_message_is_left_alone_until_its_lease_runs_out_then_tried_again()
    {
        using var app = MailApp(SmtpSink.FreePort());
        var id = (await QueueRemindersAsync(app, claims: 1))[0].Id;

        var first = await app.SendAsync(new ClaimMail(id), Actor.System);
        Assert.Equal(1, first?.Attempt);
        Assert.Null(await app.SendAsync(new ClaimMail(id), Actor.System));
        Assert.DoesNotContain(id, await app.QueryAsync(new ListDueMail(), Actor.System));

        // The delivery that took it died before recording anything: after the lease, it is sent again (at least once).
        app.Clock.Advance(ClaimMailHandler.Lease);
        Assert.Contains(id, await app.QueryAsync(new ListDueMail(), Actor.System));
        Assert.Equal(2, (await app.SendAsync(new ClaimMail(id), Actor.System))?.Attempt);

        Assert.True(await app.SendAsync(new RecordMailAttempt { Id = id, Sent = true }, Actor.System));
        Assert.False(await app.SendAsync(new RecordMailAttempt { Id = id, Sent = false, Error = "late news of an old failure" }, Actor.System));
        app.Clock.Advance(ClaimMailHandler.Lease);
        Assert.Null(await app.SendAsync(new ClaimMail(id), Actor.System));
    }

    [Fact]
    public void Back_off_doubles_from_thirty_seconds_and_stops_at_an_hour()
    {
        Assert.Equal(
            [30, 60, 120, 240, 480, 960, 1920, 3600, 3600],
            Enumerable.Range(1, 9).Select(n => (int)RecordMailAttemptHandler.Backoff(n).TotalSeconds));
    }

    private sealed record OutboxRow(long Id, string ToAddress, string Subject, long Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError)
    {
        public OutboxRow()
            : this(0, "", "", 0, default, null, null)
        {
        }
    }
}
