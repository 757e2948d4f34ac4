using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;

namespace FactCheck.Web.Infrastructure.Clock;

/// Instants as the desk reads them: in the newsroom's time zone (FactCheck:TimeZone), labelled with its abbreviation
/// ("7 December 2026, 23:40 WIB", in Indonesian "7 Desember 2026 pukul 23.40 WIB"). Every staff page writes times through this, and the public target date reads its day here.
/// A due date picked as a day is stored as the midnight that ends that day in the zone, and reads as that day.
public sealed class NewsroomTime
{
    private static readonly ConcurrentDictionary<string, NewsroomTime> Known = new(StringComparer.Ordinal);

    // The tz database's own abbreviations: .NET has none (its names are "Western Indonesia Time" or nothing).
    private readonly DateTimeZone? tzdb;

    public NewsroomTime(TimeZoneInfo zone)
    {
        Zone = zone;
        var id = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
        tzdb = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
    }

    public TimeZoneInfo Zone { get; }

    public static NewsroomTime Of(FactCheckOptions options) => Of(options.TimeZone);

    public static NewsroomTime Of(string zoneId) => Known.GetOrAdd(zoneId, id => new NewsroomTime(FindZone(id)));

    /// The configured zone, or UTC when the machine does not know it (display only: start-up checks the setting).
    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// "WIB" in Jakarta, "CET" or "CEST" in Paris; where the tz database names a zone only by its offset, "UTC+04".
    public string Abbreviation(DateTimeOffset at)
    {
        var name = tzdb?.GetZoneInterval(Instant.FromDateTimeOffset(at)).Name;
        if (!string.IsNullOrEmpty(name) && char.IsLetter(name[0]))
        {
            return name;
        }

        var offset = Zone.GetUtcOffset(at);
        return offset == TimeSpan.Zero ? "UTC"
            : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.ToString(offset.Minutes == 0 ? "hh" : @"hh\:mm", CultureInfo.InvariantCulture)}";
    }

    /// "7 December 2026, 23:40 WIB" / "7 Desember 2026 pukul 23.40 WIB": in the language of the culture given, or of
    /// the code running (a staff page runs in its person's language).
    public string Stamp(DateTimeOffset at, CultureInfo? culture = null)
    {
        var desk = DeskCulture(culture);
        return string.Format(desk, Text("StampFormat", desk), Local(at).DateTime, Abbreviation(at));
    }

    /// "7 December 2026" / "7 Desember 2026".
    public static string Date(DateOnly day, CultureInfo? culture = null)
    {
        var desk = DeskCulture(culture);
        return day.ToString(Text("DateFormat", desk), desk);
    }

    /// The culture dates are written in: Indonesian, or English for any other (a background job runs invariant).
    public static CultureInfo DeskCulture(CultureInfo? culture) =>
        StaffLanguage.Culture((culture ?? CultureInfo.CurrentCulture).TwoLetterISOLanguageName == StaffLanguage.Indonesian ? StaffLanguage.Indonesian : StaffLanguage.English);

    internal static string Text(string key, CultureInfo culture) => Texts.GetString(key, culture) ?? key;

    private static readonly System.Resources.ResourceManager Texts = new(typeof(TimeText));

    public DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    /// A deadline at midnight there is the end of the day before it (how a due date picked as a day is stored).
    public bool IsEndOfDay(DateTimeOffset due) => Local(due).TimeOfDay == TimeSpan.Zero;

    /// The day a deadline falls on, as the desk and readers count days.
    public DateOnly DueDay(DateTimeOffset due) => IsEndOfDay(due) ? Day(due).AddDays(-1) : Day(due);

    /// "10 December 2026, end of day WIB" for a due date picked as a day; "10 December 2026, 15:00 WIB" for an exact time.
    public string Due(DateTimeOffset due, CultureInfo? culture = null)
    {
        if (!IsEndOfDay(due))
        {
            return Stamp(due, culture);
        }

        var desk = DeskCulture(culture);
        return string.Format(desk, Text("EndOfDayFormat", desk), Date(DueDay(due), desk), Abbreviation(due.AddTicks(-1)));
    }

    /// The instant a due date picked as a day stands for: the midnight that ends that day in the newsroom's zone.
    public DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// A deadline given as an exact time, or as a day (the end of that day in the newsroom's zone).
    public DateTimeOffset? ResolveDue(DateTimeOffset? dueAt, DateOnly? dueDate) =>
        dueAt is { } at ? at.ToUniversalTime() : dueDate is { } date ? EndOf(date) : null;
}
