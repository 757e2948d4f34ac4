using System.Globalization;

namespace FactCheck.Web.Infrastructure.Clock;

/// How desk pages (queue, dashboard, notifications, deadline forms) write due dates and ages: short, in the newsroom's time zone, where a desk reads them at a glance.
public sealed class DeskTimeFormat(TimeZoneInfo zone, DateTimeOffset now)
{
    private readonly NewsroomTime time = NewsroomTime.Of(zone.Id);

    /// The zone's abbreviation now ("WIB"), for the one label a list of local times carries.
    public string ZoneLabel => time.Abbreviation(now);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// A due date given as a day is stored as the midnight that ends it; show that day, not the next.
    public string Due(DateTimeOffset due)
    {
        var local = TimeZoneInfo.ConvertTime(due, zone);
        var endOfDay = local.TimeOfDay == TimeSpan.Zero;
        var day = DateOnly.FromDateTime((endOfDay ? local.AddDays(-1) : local).DateTime);
        var today = Today;
        var text = day == today ? "today" : day == today.AddDays(1) ? "tomorrow" : day == today.AddDays(-1) ? "yesterday"
            : day.ToString(day.Year == today.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture);
        return endOfDay ? text : $"{text} {local:HH:mm}";
    }

    public string DueTitle(DateTimeOffset due) => $"Due {time.Due(due)}";

    public string Age(DateTimeOffset since) => Span(now - since);

    public string Late(DateTimeOffset due) => Span(now - due);

    public string Left(DateTimeOffset due) => Span(due - now);

    public static string Span(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "<1 min",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalHours: < 48 } => $"{(int)span.TotalHours} h",
        _ => $"{(int)span.TotalDays} d",
    };

    public string Stamp(DateTimeOffset at) => time.Stamp(at);
}
