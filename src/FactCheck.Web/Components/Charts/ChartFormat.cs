using System.Globalization;

namespace FactCheck.Web.Components.Charts;

/// How the charts write numbers: coordinates and data-value attributes in the invariant culture (a browser and a test
/// read them the same everywhere), values for people as whole numbers or with one decimal.
internal static class ChartFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string F(double value) => value.ToString("0.##", Invariant);

    public static string Data(double value) => value.ToString(Invariant);

    public static string Number(double value)
    {
        // Adding 0.0 turns a rounded -0 into 0, which would otherwise print as "-0".
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0;
        return rounded.ToString(rounded == Math.Floor(rounded) ? "#,##0" : "#,##0.0", Invariant);
    }

    public static string Value(double value, string? unit) =>
        string.IsNullOrEmpty(unit) ? Number(value)
        : unit.StartsWith('%') ? Number(value) + unit
        : $"{Number(value)} {unit}";

    /// The text colour that reads best on a fill given as #rgb or #rrggbb (WCAG contrast); null for any other colour,
    /// on which the caller keeps dark text with a white halo.
    public static string? TextOn(string fill)
    {
        var hex = fill.Trim().TrimStart('#');
        if (!fill.TrimStart().StartsWith('#') || hex.Length is not (3 or 6) || !int.TryParse(hex, NumberStyles.HexNumber, Invariant, out _))
        {
            return null;
        }

        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => $"{c}{c}"));
        }

        double Channel(int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, Invariant) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
        return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / (DarkLuminance + 0.05) ? "#ffffff" : DarkText;
    }

    public const string DarkText = "#111827";

    private const double DarkLuminance = 0.0092;

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// Whole percentages that add up to 100 (largest remainder), so a legend never reads 99% or 101% in all.
    public static IReadOnlyList<int> Percentages(IReadOnlyList<double> values)
    {
        var total = values.Sum(v => Math.Max(0, v));
        if (total <= 0)
        {
            return values.Select(_ => 0).ToList();
        }

        var exact = values.Select(v => Math.Max(0, v) * 100 / total).ToList();
        var whole = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var missing = 100 - whole.Sum();
        foreach (var i in Enumerable.Range(0, exact.Count).OrderByDescending(i => exact[i] - whole[i]).ThenByDescending(i => exact[i]).Take(missing))
        {
            whole[i]++;
        }

        return whole;
    }

    public static string Percent(int percent, double value, double total) =>
        percent == 0 && value > 0 ? "<1%" : percent == 100 && value < total ? ">99%" : $"{percent}%";
}
