
namespace FactCheck.Web.Infrastructure.Clock;

/// Deadline arithmetic in wall-clock hours, or in the newsroom's working hours (FactCheck:Sla:WorkingHours) in
/// its time zone: "24 working hours" from Friday 15:00 in Jakarta ends on the following Wednesday at 15:00.
public sealed class WorkingTime
{
    private static readonly DayOfWeek[] DefaultDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly bool enabled;
    private readonly TimeZoneInfo zone;
    private readonly TimeSpan dayStart;
    private readonly TimeSpan dayEnd;
    private readonly HashSet<DayOfWeek> days;

    public WorkingTime(bool enabled, TimeZoneInfo zone, TimeOnly dayStart, TimeOnly dayEnd, IEnumerable<DayOfWeek>? days = null)
    {
        this.enabled = enabled;
        this.zone = zone;
        this.dayStart = dayStart.ToTimeSpan();
        this.dayEnd = dayEnd.ToTimeSpan();
        this.days = (days ?? []).ToHashSet();
        if (this.days.Count == 0)
        {
            this.days = [.. DefaultDays];
        }

        if (enabled && this.dayEnd <= this.dayStart)
        {
            throw new InvalidOperationException("FactCheck:Sla:WorkdayEnd must be after WorkdayStart.");
        }
    }

    public static WorkingTime From(FactCheckOptions options) =>
        new(options.Sla.WorkingHours, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone), options.Sla.WorkdayStart, options.Sla.WorkdayEnd, options.Sla.WorkDays);

    public TimeZoneInfo Zone => zone;

    /// The instant `duration` of (working) time after `start`.
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration)
    {
        if (!enabled || duration <= TimeSpan.Zero)
        {
            return start + duration;
        }

        var remaining = duration;
        var cursor = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        for (var guard = 0; guard < 3700; guard++)
        {
            var day = cursor.Date;
            if (days.Contains(day.DayOfWeek))
            {
                var open = day + dayStart;
                var close = day + dayEnd;
                if (cursor < open)
                {
                    cursor = open;
                }

                if (cursor < close)
                {
                    var available = close - cursor;
                    if (remaining <= available)
                    {
                        return ToInstant(cursor + remaining);
                    }

                    remaining -= available;
                }
            }

            cursor = day.AddDays(1);
        }

        throw new InvalidOperationException("The working-hours calendar has no working time in the next ten years.");
    }

    /// How much (working) time lies between two instants.
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (!enabled)
        {
            return to - from;
        }

        var start = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        var end = TimeZoneInfo.ConvertTime(to, zone).DateTime;
        var total = TimeSpan.Zero;
        for (var day = start.Date; day <= end.Date; day = day.AddDays(1))
        {
            if (!days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var open = Max(day + dayStart, start);
            var close = Min(day + dayEnd, end);
            if (close > open)
            {
                total += close - open;
            }
        }

        return total;
    }

    private DateTimeOffset ToInstant(DateTime local) => new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
