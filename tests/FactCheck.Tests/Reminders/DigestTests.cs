using System.Globalization;
using Dapper;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Reminders;

/// The daily digest, driven by the test clock through the real handler. The newsroom is in Asia/Jakarta (UTC+7),
/// so the default 08:00 digest time is 01:00 UTC.
public sealed class DigestTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    /// The UTC midnight starting the day after tomorrow: far enough ahead that the test clock only moves forward.
    private DateTimeOffset Day => new(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2), TimeOnly.MinValue, TimeSpan.Zero);

    private Task<int> DigestAsync() => app.SendAsync(new SendDailyDigests(), Actor.System);

    private async Task<List<string>> RecipientsAsync(DateTimeOffset since) => await app.RowsAsync<string>(
        """
        SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.kind = 'digest' AND n.created_at >= @since ORDER BY u.username
        """,
        new { since });

    /// checker researches one claim; a verdict by checker on another waits for review by either editor.
    private async Task<(long Researching, long InReview)> WorkAsync()
    {
        var review = await ReviewDriver.CreateAsync(app);
        return (await review.ClaimInStateAsync("researching"), await review.ClaimInStateAsync("in_review"));
    }

    [Fact]
    public async Task Digests_go_out_at_eight_in_the_newsroom_zone_one_to_each_person_with_work()
    {
        var (researching, inReview) = await WorkAsync();
        var day = Day;

        app.Clock.SetUtcNow(day.AddHours(-7)); // local midnight: the new day has begun, the digest time has not
        Assert.Equal(0, await DigestAsync());
        app.Clock.SetUtcNow(day.AddHours(1).AddTicks(-1)); // 07:59:59.9999999 in Jakarta
        Assert.Equal(0, await DigestAsync());
        Assert.Empty(await RecipientsAsync(day.AddDays(-1)));

        app.Clock.SetUtcNow(day.AddHours(1)); // 08:00 in Jakarta
        Assert.Equal(3, await DigestAsync());

        Assert.Equal(["checker", "editor", "editor2"], await RecipientsAsync(day));
        Assert.Equal(
            [day.ToString("yyyy-MM-dd")],
            (await app.RowsAsync<string>("SELECT DISTINCT local_date FROM digests")));
        var digests = await app.RowsAsync<(string Username, string Title, string Body)>(
            "SELECT u.username, n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'digest' ORDER BY u.username");
        // checker's claim is due at the end of this local day, shown as this day in Jakarta time, not as the next midnight.
        Assert.Equal("Your work today: 1 claim", digests[0].Title);
        Assert.Contains($"due {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, end of day WIB) /claims/{researching}", digests[0].Body);
        Assert.All(digests.Skip(1), d => Assert.Contains($"/claims/{inReview}", d.Body));
        Assert.All(digests.Skip(1), d => Assert.DoesNotContain($"/claims/{researching}", d.Body));
    }

    [Fact]
    public async Task No_digest_for_someone_who_turned_it_off_or_has_no_work()
    {
        await WorkAsync();
        await using (var connection = await app.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE users SET daily_digest = 0 WHERE username = 'editor2'");
        }

        app.Clock.SetUtcNow(Day.AddHours(1));
        Assert.Equal(2, await DigestAsync());

        // checker2 and admin have nothing to do; editor2 has, but does not want a digest.
        Assert.Equal(["checker", "editor"], await RecipientsAsync(Day.AddDays(-2)));
    }

    [Fact]
    public async Task A_digest_goes_once_a_local_day_and_again_the_next_day()
    {
        await WorkAsync();
        var day = Day;

        app.Clock.SetUtcNow(day.AddHours(1));
        Assert.Equal(3, await DigestAsync());
        Assert.Equal(0, await DigestAsync());
        app.Clock.SetUtcNow(day.AddHours(17).AddTicks(-1)); // 23:59:59.9999999 in Jakarta, same local day
        Assert.Equal(0, await DigestAsync());
        app.Clock.SetUtcNow(day.AddHours(17)); // the next local day, before its digest time
        Assert.Equal(0, await DigestAsync());
        Assert.Equal(3, (await RecipientsAsync(day)).Count);

        app.Clock.SetUtcNow(day.AddDays(1).AddHours(1));
        Assert.Equal(3, await DigestAsync());
        Assert.Equal(0, await DigestAsync());
        Assert.Equal(["checker", "editor", "editor2"], await RecipientsAsync(day.AddDays(1)));
        // checker's claim was due at midnight: the second day's digest says it is overdue.
        var (title, body) = (await app.RowsAsync<(string, string)>(
            """
            SELECT n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE n.kind = 'digest' AND u.username = 'checker' ORDER BY n.id DESC LIMIT 1
            """)).Single();
        Assert.Equal("Your work today: 1 claim, 1 overdue", title);
        Assert.StartsWith("• OVERDUE ", body);
        Assert.Equal(6, await app.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE kind = 'digest'"));
    }

    [Fact]
    public async Task Work_that_arrives_after_the_digest_time_waits_for_the_next_days_digest()
    {
        var day = Day;
        app.Clock.SetUtcNow(day.AddHours(1));
        Assert.Equal(0, await DigestAsync());

        await WorkAsync();
        app.Clock.SetUtcNow(day.AddHours(8)); // 15:00 in Jakarta
        Assert.Equal(0, await DigestAsync());
        Assert.Empty(await RecipientsAsync(day));

        app.Clock.SetUtcNow(day.AddDays(1).AddHours(1));
        Assert.Equal(3, await DigestAsync());
        Assert.Equal(["checker", "editor", "editor2"], await RecipientsAsync(day));
    }
}
