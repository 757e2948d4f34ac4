namespace FactCheck.Web.Components;

/// MudBlazor's date pickers speak DateTime; our records hold DateOnly.
public static class PickerDates
{
    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDateOnly(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
