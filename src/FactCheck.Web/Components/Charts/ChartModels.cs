namespace FactCheck.Web.Components.Charts;

/// One named row of values, one per category (bar charts) or per point (line charts). Colour is a CSS colour; the
/// charts never rely on it alone: every series is named in a legend and its values are written out.
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<double> Values);

/// One part of a whole (donut charts). Href, where given, links the part (to the filtered list it counts).
public sealed record ChartSlice(string Label, double Value, string Color, string? Href = null);

/// Colours that stay apart for the common kinds of colour blindness (Okabe–Ito), in the order charts hand them out.
public static class ChartPalette
{
    public static readonly IReadOnlyList<string> Colors =
        ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public static string At(int index) => Colors[index % Colors.Count];
}
