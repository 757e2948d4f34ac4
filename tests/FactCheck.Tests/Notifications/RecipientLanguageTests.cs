using System.Globalization;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Notifications;

/// Notifications, their e-mails, reminders and the digest are written in each recipient's language (users.language),
/// with times in the newsroom's zone (Asia/Jakarta, WIB); the inbox writes them in the reader's language at read time.
public sealed class RecipientLanguageTests : IDisposable
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private readonly TestApp app = new TestApp(settings: new Dictionary<string, string?>
    {
        ["FactCheck:Smtp:Host"] = "127.0.0.1",
        ["FactCheck:Smtp:From"] = "desk@factcheck.test",
    }).Start();

    public void Dispose() => app.Dispose();

    private async Task<ReviewDriver> DeskAsync()
    {
        var review = await ReviewDriver.CreateAsync(app);
        await app.ScalarAsync<long>(
            """
            UPDATE users SET email = username || '@factcheck.test',
                             language = CASE username WHEN 'checker' THEN 'id' WHEN 'editor' THEN 'id' ELSE 'en' END
            RETURNING 0
            """);
        return review;
    }

    /// The day a deadline falls on in Jakarta, in Indonesian ("10 Desember 2026"): a deadline at midnight ends the day before.
    private static string Local(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
        return (local.TimeOfDay == TimeSpan.Zero ? local.AddDays(-1) : local).ToString("d MMMM yyyy", Indonesian);
    }

    [Fact]
    public async Task An_assignment_tells_an_Indonesian_checker_in_Indonesian_and_an_English_one_in_English_in_the_inbox_and_by_email()
    {
        var review = await DeskAsync();
        await WorkNotificationDriver.SetDeliveryAsync(app, review.Checker, NotificationKinds.Assigned, NotificationKinds.Email);
        await WorkNotificationDriver.SetDeliveryAsync(app, review.Checker2, NotificationKinds.Assigned, NotificationKinds.Email);
        var forChecker = await review.NewClaimAsync(title: "Jembatan Kali Bening diserang");
        var forChecker2 = await review.NewClaimAsync(title: "Bridge attacked at dawn");
        await review.TriageAsync(forChecker);
        await review.TriageAsync(forChecker2);
        await review.AssignAsync(forChecker, review.Checker);
        await review.AssignAsync(forChecker2, review.Checker2);

        var indonesian = (await WorkNotificationDriver.ToldAsync(app, review.Checker, forChecker)).Single(t => t.Kind == NotificationKinds.Assigned);
        Assert.Equal("Ditugaskan kepada Anda: Jembatan Kali Bening diserang", indonesian.Title);
        Assert.EndsWith("menugaskan klaim ini kepada Anda.", indonesian.Body, StringComparison.Ordinal);
        var english = (await WorkNotificationDriver.ToldAsync(app, review.Checker2, forChecker2)).Single(t => t.Kind == NotificationKinds.Assigned);
        Assert.Equal("Assigned to you: Bridge attacked at dawn", english.Title);
        Assert.EndsWith("gave you this claim.", english.Body, StringComparison.Ordinal);

        var mail = await app.RowsAsync<(string To, string Subject, string Body)>("SELECT to_address, subject, body FROM mail_outbox ORDER BY to_address");
        Assert.Equal(
            [("checker2@factcheck.test", "Assigned to you: Bridge attacked at dawn"), ("checker@factcheck.test", "Ditugaskan kepada Anda: Jembatan Kali Bening diserang")],
            mail.Select(m => (m.To, m.Subject)).ToList());
        Assert.Contains("menugaskan klaim ini kepada Anda", mail[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_reminder_and_the_digest_reach_an_Indonesian_checker_in_Indonesian_with_Indonesian_dates()
    {
        var review = await DeskAsync();
        var claim = await review.NewClaimAsync(title: "Gudang logistik dibakar");
        await review.TriageAsync(claim);
        await review.AssignAsync(claim, review.Checker);
        var due = await app.ScalarAsync<DateTimeOffset>("SELECT due_at FROM ladders WHERE claim_id = @claim AND ended_at IS NULL", new { claim });

        app.Clock.SetUtcNow(due.AddMinutes(1));
        await app.SendAsync(new SendDueReminders(), Actor.System);
        var overdue = (await app.RowsAsync<(string Title, string Body)>(
            "SELECT title, body FROM notifications WHERE user_id = @UserId AND kind = 'overdue'", new { review.Checker.UserId })).Single();
        Assert.Equal("Lewat tenggat: Gudang logistik dibakar", overdue.Title);
        Assert.StartsWith("Putusan Anda untuk “Gudang logistik dibakar” bertenggat ", overdue.Body, StringComparison.Ordinal);
        Assert.Contains(Local(due), overdue.Body, StringComparison.Ordinal);
        Assert.Contains("minta tambahan waktu kepada redaktur", overdue.Body, StringComparison.Ordinal);
        Assert.Equal(overdue.Title, await app.ScalarAsync<string>(
            "SELECT subject FROM mail_outbox WHERE to_address = 'checker@factcheck.test' AND subject LIKE 'Lewat%'"));

        // The next morning at 08:00 WIB (01:00 UTC).
        var morning = new DateTimeOffset(DateOnly.FromDateTime(due.UtcDateTime).AddDays(1), new TimeOnly(1, 0), TimeSpan.Zero);
        app.Clock.SetUtcNow(morning);
        await app.SendAsync(new SendDailyDigests(), Actor.System);
        var digest = (await app.RowsAsync<(string Title, string Body)>(
            "SELECT title, body FROM notifications WHERE user_id = @UserId AND kind = 'digest'", new { review.Checker.UserId })).Single();
        Assert.StartsWith("Pekerjaan Anda hari ini: 1 klaim, 1 lewat tenggat", digest.Title, StringComparison.Ordinal);
        Assert.Contains("• LEWAT TENGGAT Gudang logistik dibakar (ditugaskan, tenggat ", digest.Body, StringComparison.Ordinal);
        Assert.Contains($"/claims/{claim}", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("due", digest.Body, StringComparison.Ordinal);

        // An English editor's digest the same morning stays English.
        var englishDigests = await app.RowsAsync<string>(
            "SELECT n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'digest' AND u.language = 'en'");
        Assert.All(englishDigests, t => Assert.StartsWith("Your ", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_inbox_is_written_in_the_language_its_reader_reads_now_not_the_one_it_was_sent_in()
    {
        var review = await DeskAsync();
        var claim = await review.NewClaimAsync(title: "Pos polisi ditembaki");
        await review.TriageAsync(claim);
        await review.AssignAsync(claim, review.Checker2); // checker2 reads English when it is sent

        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = English;
            var inEnglish = (await app.QueryAsync(new ListNotifications(), review.Checker2)).First(n => n.ClaimId == claim);
            Assert.Equal("Assigned to you: Pos polisi ditembaki", inEnglish.Title);

            CultureInfo.CurrentUICulture = Indonesian; // checker2 switched to Indonesian at /account
            var inIndonesian = (await app.QueryAsync(new ListNotifications(), review.Checker2)).First(n => n.ClaimId == claim);
            Assert.Equal("Ditugaskan kepada Anda: Pos polisi ditembaki", inIndonesian.Title);
            Assert.Contains("menugaskan klaim ini kepada Anda", inIndonesian.Body, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("id", "7 Desember 2026 pukul 23.14 WIB", "10 Desember 2026, akhir hari WIB")]
    [InlineData("en", "7 December 2026, 23:14 WIB", "10 December 2026, end of day WIB")]
    public void Times_in_messages_are_written_in_the_recipients_language_in_the_newsrooms_zone(string language, string moment, string dueDay)
    {
        var text = NotificationText.For(language, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));

        Assert.Equal(moment, text.Moment(new DateTimeOffset(2026, 12, 7, 16, 14, 0, TimeSpan.Zero)));
        Assert.Equal(dueDay, text.Due(new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.Zero))); // midnight WIB ending 10 December
    }
}
