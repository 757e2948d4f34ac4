using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Features.Notifications;

/// How the inbox writes times in the reader's language: "5 min ago" / "5 menit lalu" for the recent, the date for the rest.
public static class NotificationFormat
{
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        var text = NotificationText.ForCurrentCulture(TimeZoneInfo.Utc);
        return span switch
        {
            { TotalMinutes: < 1 } => text["AgoNow"],
            { TotalHours: < 1 } => text.Format("AgoMinutes", (int)span.TotalMinutes),
            { TotalHours: < 24 } => text.Format("AgoHours", (int)span.TotalHours),
            { TotalDays: < 7 } => text.Format("AgoDays", (int)span.TotalDays),
            _ => at.ToString("d MMM yyyy", text.Culture),
        };
    }

    public static string Stamp(DateTimeOffset at, TimeZoneInfo zone) =>
        NewsroomTime.Of(zone.Id).Stamp(at);
}
