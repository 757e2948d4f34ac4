using System.Globalization;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Tests.Components;

/// How staff pages write instants: in the newsroom's zone, with the abbreviation the tz database gives it, in the
/// person's language.
public sealed class NewsroomTimeTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    [Theory]
    [InlineData("Asia/Jakarta", "2026-12-10T17:00:00Z", "10 December 2026, end of day WIB", "11 December 2026, 00:00 WIB")]
    [InlineData("Asia/Jakarta", "2026-12-08T08:43:00Z", "8 December 2026, 15:43 WIB", "8 December 2026, 15:43 WIB")]
    [InlineData("Europe/Paris", "2026-07-01T10:00:00Z", "1 July 2026, 12:00 CEST", "1 July 2026, 12:00 CEST")]
    [InlineData("Europe/Paris", "2026-12-01T23:00:00Z", "1 December 2026, end of day CET", "2 December 2026, 00:00 CET")]
    [InlineData("Asia/Dubai", "2026-12-01T10:00:00Z", "1 December 2026, 14:00 UTC+04", "1 December 2026, 14:00 UTC+04")]
    public void Staff_times_are_written_in_the_newsrooms_zone_with_its_abbreviation(string zone, string instant, string due, string stamp)
    {
        var time = NewsroomTime.Of(zone);
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

        Assert.Equal(due, time.Due(at, English));
        Assert.Equal(stamp, time.Stamp(at, English));
    }

    [Fact]
    public void Dates_and_times_follow_the_persons_language_in_the_newsrooms_zone()
    {
        var time = NewsroomTime.Of("Asia/Jakarta");
        var at = new DateTimeOffset(2026, 12, 7, 16, 14, 0, TimeSpan.Zero);

        Assert.Equal("7 Desember 2026 pukul 23.14 WIB", time.Stamp(at, Indonesian));
        Assert.Equal("7 December 2026, 23:14 WIB", time.Stamp(at, English));
        Assert.Equal("10 Desember 2026, akhir hari WIB", time.Due(time.EndOf(new DateOnly(2026, 12, 10)), Indonesian));
        Assert.Equal("17 Agustus 2026", NewsroomTime.Date(new DateOnly(2026, 8, 17), Indonesian));
        // A background job runs in the invariant culture: English, never a mix.
        Assert.Equal("7 December 2026, 23:14 WIB", time.Stamp(at, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_desks_short_times_follow_the_culture_the_page_runs_in()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var now = new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
        var format = new DeskTimeFormat(zone, now);
        var tomorrowAtThree = new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero);
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (Indonesian, Indonesian);
            Assert.Equal("besok 15.00", format.Due(tomorrowAtThree));
            Assert.Equal("3 jam", format.Age(now.AddHours(-3)));
            Assert.Equal("2 hari", format.Left(now.AddDays(2).AddHours(1)));
            Assert.Equal("12 Des", format.Due(new DateTimeOffset(2026, 12, 12, 17, 0, 0, TimeSpan.Zero)).Replace(".", ""));

            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (English, English);
            Assert.Equal("tomorrow 15:00", format.Due(tomorrowAtThree));
            Assert.Equal("3 h", format.Age(now.AddHours(-3)));
            Assert.Equal("Due 8 December 2026, 15:00 WIB", format.DueTitle(tomorrowAtThree));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
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
