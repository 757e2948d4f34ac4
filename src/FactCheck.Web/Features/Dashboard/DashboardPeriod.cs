namespace FactCheck.Web.Features.Dashboard;

/// The period a dashboard covers, in the newsroom's days: From is local midnight of its first day (null: all time),
/// Today is the local date now, WeekEnd the local midnight ending this week (weeks run Monday to Sunday).
public sealed record DashboardPeriod(DateTimeOffset? From, DateOnly? FirstDay, DateOnly Today, DateTimeOffset WeekEnd, TimeZoneInfo Zone)
{
    public static DashboardPeriod Of(DashboardFilter filter, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = LocalDate(now, zone);
        var monday = WeekStart(today);
        var weekEnd = Midnight(monday.AddDays(7), zone);
        if (filter.Days is not { } days)
        {
            return new DashboardPeriod(null, null, today, weekEnd, zone);
        }

        var first = today.AddDays(1 - days);
        return new DashboardPeriod(Midnight(first, zone), first, today, weekEnd, zone);
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// The instant a local day starts; where a clock change skips midnight, the first local time that exists.
    public static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// The SQL condition the topic and language filters put on claims aliased c (parameters @Topic and @Language), or
    /// on another table with the claim's language and id under that alias.
    public static string ClaimFilter(DashboardFilter filter, string alias = "c", string idColumn = "id")
    {
        var conditions = new List<string> { "1 = 1" };
        if (filter.Topic is not null)
        {
            conditions.Add($"EXISTS (SELECT 1 FROM claim_topics ft WHERE ft.claim_id = {alias}.{idColumn} AND ft.topic = @Topic)");
        }

        if (filter.Language is not null)
        {
            conditions.Add($"{alias}.language = @Language");
        }

        return string.Join(" AND ", conditions);
    }
}
