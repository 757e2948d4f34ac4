using System.Globalization;

namespace FactCheck.Web.Infrastructure.Clock;

/// How desk pages (queue, dashboard, notifications, deadline forms) write due dates and ages: short, in the newsroom's time zone
/// and the person's language, where a desk reads them at a glance. Full dates and times come from NewsroomTime.
public sealed class DeskTimeFormat(TimeZoneInfo zone, DateTimeOffset now)
{
    private readonly NewsroomTime time = NewsroomTime.Of(zone.Id);

    /// The zone's abbreviation now ("WIB"), for the one label a list of local times carries.
    public string ZoneLabel => time.Abbreviation(now);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// A due date given as a day is stored as the midnight that ends it; show that day, not the next.
    public string Due(DateTimeOffset due)
    {
        var culture = NewsroomTime.DeskCulture(null);
        var local = TimeZoneInfo.ConvertTime(due, zone);
        var endOfDay = local.TimeOfDay == TimeSpan.Zero;
        var day = DateOnly.FromDateTime((endOfDay ? local.AddDays(-1) : local).DateTime);
        var today = Today;
        var text = day == today ? Text("Today", culture) : day == today.AddDays(1) ? Text("Tomorrow", culture) : day == today.AddDays(-1) ? Text("Yesterday", culture)
            : day.ToString(Text(day.Year == today.Year ? "ShortDateFormat" : "ShortDateYearFormat", culture), culture);
        return endOfDay ? text : string.Format(culture, Text("DueAt", culture), text, local.DateTime);
    }

    public string DueTitle(DateTimeOffset due) => string.Format(NewsroomTime.DeskCulture(null), Text("DueTitle", NewsroomTime.DeskCulture(null)), time.Due(due));

    public string Age(DateTimeOffset since) => Span(now - since);

    public string Late(DateTimeOffset due) => Span(now - due);

    public string Left(DateTimeOffset due) => Span(due - now);

    /// "5 min", "3 h", "2 d" (in Indonesian "5 mnt", "3 jam", "2 hari").
    public static string Span(TimeSpan span)
    {
        var culture = NewsroomTime.DeskCulture(null);
        return span switch
        {
            { TotalMinutes: < 1 } => Text("UnderAMinute", culture),
            { TotalHours: < 1 } => string.Format(culture, Text("Minutes", culture), (int)span.TotalMinutes),
            { TotalHours: < 48 } => string.Format(culture, Text("Hours", culture), (int)span.TotalHours),
            _ => string.Format(culture, Text("Days", culture), (int)span.TotalDays),
        };
    }

    public string Stamp(DateTimeOffset at) => time.Stamp(at);

    private static string Text(string key, CultureInfo culture) => NewsroomTime.Text(key, culture);
}
