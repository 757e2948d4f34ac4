using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Tests.Components;

/// How staff pages write instants: in the newsroom's zone, with the abbreviation the tz database gives it.
public sealed class NewsroomTimeTests
{
    [Theory]
    [InlineData("Asia/Jakarta", "2026-12-10T17:00:00Z", "2026-12-10, end of day WIB", "2026-12-11 00:00 WIB")]
    [InlineData("Asia/Jakarta", "2026-12-08T08:43:00Z", "2026-12-08 15:43 WIB", "2026-12-08 15:43 WIB")]
    [InlineData("Europe/Paris", "2026-07-01T10:00:00Z", "2026-07-01 12:00 CEST", "2026-07-01 12:00 CEST")]
    [InlineData("Europe/Paris", "2026-12-01T23:00:00Z", "2026-12-01, end of day CET", "2026-12-02 00:00 CET")]
    [InlineData("Asia/Dubai", "2026-12-01T10:00:00Z", "2026-12-01 14:00 UTC+04", "2026-12-01 14:00 UTC+04")]
    public void Staff_times_are_written_in_the_newsrooms_zone_with_its_abbreviation(string zone, string instant, string due, string stamp)
    {
        var time = NewsroomTime.Of(zone);
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(due, time.Due(at));
        Assert.Equal(stamp, time.Stamp(at));
    }

    [Fact]
    public void A_day_picked_as_due_date_ends_at_midnight_in_the_newsroom_and_reads_as_that_day()
    {
        var time = NewsroomTime.Of("Asia/Jakarta");
        var due = time.EndOf(new DateOnly(2026, 12, 12));

        Assert.Equal(new DateTimeOffset(2026, 12, 12, 17, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(new DateOnly(2026, 12, 12), time.DueDay(due));
        Assert.Equal(new DateOnly(2026, 12, 12), time.DueDay(due.AddHours(-2)));
    }
}
