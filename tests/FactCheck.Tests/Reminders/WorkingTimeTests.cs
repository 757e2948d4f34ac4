using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Tests.Reminders;

/// Deadline arithmetic in working hours (09:00–17:00, Monday to Friday) in Jakarta (UTC+7, no daylight saving).
public sealed class WorkingTimeTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly WorkingTime Office = new(true, Jakarta, new TimeOnly(9, 0), new TimeOnly(17, 0));

    // 7 March 2025 is a Friday.
    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Working_hours_skip_the_weekend()
    {
        Assert.Equal(DayOfWeek.Friday, Local(7, 15).DayOfWeek);

        Assert.Equal(Local(10, 11), Office.Add(Local(7, 15), TimeSpan.FromHours(4)));
        Assert.Equal(Local(12, 15), Office.Add(Local(7, 15), TimeSpan.FromHours(24)));
        Assert.Equal(TimeSpan.FromHours(2), Office.Between(Local(7, 16), Local(10, 10)));
        Assert.Equal(TimeSpan.Zero, Office.Between(Local(8, 9), Local(9, 23)));
    }

    [Fact]
    public void A_Friday_evening_in_UTC_is_already_the_weekend_in_Jakarta()
    {
        // 23:00 UTC on Friday is 06:00 on Saturday in Jakarta: the hour is worked on Monday, 10:00 local = 03:00 UTC.
        Assert.Equal(Utc(10, 3), Office.Add(Utc(7, 23), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(1), Office.Between(Utc(7, 23), Utc(10, 3)));

        // 23:00 UTC on Sunday is already Monday 06:00 in Jakarta, before opening.
        Assert.Equal(Utc(10, 3), Office.Add(Utc(9, 23), TimeSpan.FromHours(1)));

        // 09:30 UTC on Monday is 16:30 in Jakarta: half an hour left that day, the rest on Tuesday.
        Assert.Equal(Utc(11, 2, 30), Office.Add(Utc(10, 9, 30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Work_given_before_opening_starts_at_opening_and_after_closing_on_the_next_working_day()
    {
        Assert.Equal(Local(10, 11), Office.Add(Local(10, 7), TimeSpan.FromHours(2)));
        Assert.Equal(Local(11, 11), Office.Add(Local(10, 18), TimeSpan.FromHours(2)));
        Assert.Equal(Local(10, 11), Office.Add(Local(7, 18), TimeSpan.FromHours(2)));
        Assert.Equal(Local(10, 11), Office.Add(Local(8, 12), TimeSpan.FromHours(2)));

        // A full day from opening ends at closing the same day, not at the next opening.
        Assert.Equal(Local(10, 17), Office.Add(Local(10, 9), TimeSpan.FromHours(8)));
        Assert.Equal(Local(10, 17), Office.Add(Local(10, 6), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Between_is_the_inverse_of_Add()
    {
        TimeSpan[] durations = [TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(8), TimeSpan.FromHours(9), TimeSpan.FromHours(24), TimeSpan.FromHours(72), TimeSpan.FromDays(7)];
        var wallClock = new WorkingTime(false, Jakarta, new TimeOnly(9, 0), new TimeOnly(17, 0));
        var checkedPairs = 0;
        for (var start = Utc(6, 0, 7); start < Utc(20, 0); start = start.AddMinutes(37))
        {
            foreach (var duration in durations)
            {
                Assert.Equal(duration, Office.Between(start, Office.Add(start, duration)));
                Assert.Equal(duration, wallClock.Between(start, wallClock.Add(start, duration)));
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs > 4000);
    }

    [Fact]
    public void Wall_clock_mode_counts_every_hour_of_every_day()
    {
        var wallClock = new WorkingTime(false, Jakarta, new TimeOnly(9, 0), new TimeOnly(17, 0));

        Assert.Equal(Local(8, 15), wallClock.Add(Local(7, 15), TimeSpan.FromHours(24)));
        Assert.Equal(TimeSpan.FromHours(66), wallClock.Between(Local(7, 16), Local(10, 10)));
    }

    [Fact]
    public void A_newsroom_can_set_its_own_working_week()
    {
        DayOfWeek[] sundayToThursday = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];
        var office = new WorkingTime(true, Jakarta, new TimeOnly(8, 0), new TimeOnly(16, 0), sundayToThursday);

        // Thursday 6 March 15:00: one hour that day, one on Sunday.
        Assert.Equal(Local(9, 9), office.Add(Local(6, 15), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), office.Between(Local(6, 15), Local(9, 9)));
    }
}
