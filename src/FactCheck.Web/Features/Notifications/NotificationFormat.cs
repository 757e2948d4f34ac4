using System.Globalization;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Features.Notifications;

/// How the inbox writes times: "5 min ago" for the recent, the date in the newsroom's zone for the rest.
public static class NotificationFormat
{
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        return span switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min ago",
            { TotalHours: < 24 } => $"{(int)span.TotalHours} h ago",
            { TotalDays: < 7 } => $"{(int)span.TotalDays} d ago",
            _ => at.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    public static string Stamp(DateTimeOffset at, TimeZoneInfo zone) =>
        NewsroomTime.Of(zone.Id).Stamp(at);
}
