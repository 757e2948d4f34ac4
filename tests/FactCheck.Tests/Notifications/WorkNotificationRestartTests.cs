using Dapper;
using FactCheck.Tests.Mail;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Comments;
using FactCheck.Web.Features.Following;
using FactCheck.Web.Features.Mail;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Features.Tips;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Notifications;

/// Every kind of work notification, e-mailed through the outbox, reaches each person exactly once although the app
/// restarts before the mail goes out and twice more after.
public sealed class WorkNotificationRestartTests
{
    private static TestApp MailApp(string folder, int port) => new TestApp(folder: folder, settings: new Dictionary<string, string?>
    {
        ["FactCheck:Smtp:Host"] = "127.0.0.1",
        ["FactCheck:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FactCheck:Smtp:Security"] = "None",
        ["FactCheck:Smtp:From"] = "desk@factcheck.test",
    }).Start();

    private static Task<List<Sent>> WorkNotificationsAsync(TestApp app, long after) => app.RowsAsync<Sent>(
        """
        SELECT n.id AS Id, n.user_id AS UserId, n.kind AS Kind, n.event_key AS EventKey,
               (SELECT count(*) FROM mail_outbox m WHERE m.notification_id = n.id) AS Mails,
               (SELECT count(*) FROM mail_outbox m WHERE m.notification_id = n.id AND m.sent_at IS NOT NULL) AS MailsSent
        FROM notifications n WHERE n.event_key IS NOT NULL AND n.id > @after ORDER BY n.id
        """,
        new { after });

    [Fact]
    public async Task Each_kind_is_sent_exactly_once_across_restarts()
    {
        var folder = Path.Combine(Path.GetTempPath(), "factcheck-tests", Guid.NewGuid().ToString("N"));
        var port = SmtpSink.FreePort();
        try
        {
            List<Sent> written;
            long demo;
            using (var first = MailApp(folder, port))
            {
                await using (var connection = await first.Db.OpenAsync())
                {
                    await connection.ExecuteAsync("UPDATE users SET email = username || '@newsroom.test'");
                    foreach (var kind in NotificationKinds.All.Select(k => k.Key))
                    {
                        await connection.ExecuteAsync("INSERT INTO notification_settings (user_id, kind, delivery) SELECT u.id, @kind, 'email' FROM users u", new { kind });
                    }
                }

                // The demo desk's seeded work told its people before they had addresses; this test starts after it.
                demo = await first.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM notifications");
                var r = await ReviewDriver.CreateAsync(first);
                await first.SendAsync(new SubmitTip { Text = "A reader saw a claim about the border" }, Actor.Anonymous);
                var id = await r.ClaimInStateAsync("researching");
                await first.SendAsync(new FollowClaim(id, true), r.Editor);
                await first.SendAsync(new AddComment { ClaimId = id, Body = "@editor2 is the ministry's figure the latest?" }, r.Checker);
                await r.AddEvidenceAsync(id);
                await r.SubmitAsync(id);
                await r.ActAsync(new RequestChanges { ClaimId = id, Version = await r.VersionAsync(id), Comment = "Add the date of the images." }, r.Editor2);
                await r.SubmitAsync(id);
                if ((await r.ApproveAsync(id, r.Editor2)).Status == "in_review")
                {
                    await r.ApproveAsync(id, r.Editor);
                }

                written = await WorkNotificationsAsync(first, demo);
                Assert.All(written, w => Assert.True(w.Mails == 1, $"{w.Kind} {w.EventKey} to {w.UserId}: {w.Mails} mails"));

                // Mail is down until the app has restarted.
                Assert.Equal(new MailDelivery(written.Count, 0, written.Count), await first.RequestAsync(new DeliverMail(500), Actor.System));
            }

            Assert.Equal(
                NotificationKinds.All.Select(k => k.Key).Where(k => k != NotificationKinds.VerdictApproved).Order(),
                written.Select(w => w.Kind).Where(k => k != NotificationKinds.VerdictApproved).Distinct().Order());
            Assert.All(written, w => Assert.Equal(1, w.Mails));
            Assert.Equal(written.Count, written.Select(w => (w.UserId, w.EventKey)).Distinct().Count());

            await using var sink = await SmtpSink.StartAsync(port);
            using (var second = MailApp(folder, port))
            {
                second.Clock.Advance(TimeSpan.FromHours(1));
                await second.RequestAsync(new DeliverMail(500), Actor.System);
                await second.RequestAsync(new DeliverMail(500), Actor.System);
            }

            using (var third = MailApp(folder, port))
            {
                third.Clock.Advance(TimeSpan.FromHours(2));
                Assert.Equal(new MailDelivery(0, 0, 0), await third.RequestAsync(new DeliverMail(500), Actor.System));
                var after = await WorkNotificationsAsync(third, demo);
                Assert.Equal(written.Select(w => w.Id), after.Select(a => a.Id));
                Assert.All(after, a => Assert.Equal((1L, 1L), (a.Mails, a.MailsSent)));
            }

            Assert.Equal(written.Count, sink.Messages.Count);
            Assert.Equal(written.Count, sink.Messages.Select(m => m.MessageId).Distinct().Count());
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record Sent
    {
        public long Id { get; init; }

        public long UserId { get; init; }

        public string Kind { get; init; } = "";

        public string EventKey { get; init; } = "";

        public long Mails { get; init; }

        public long MailsSent { get; init; }
    }
}
