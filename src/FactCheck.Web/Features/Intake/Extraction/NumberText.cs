using System.Globalization;

namespace FactCheck.Web.Features.Intake.Extraction;

/// Reads numbers the way the article's language writes them: "5.000" and "1,5" in Indonesian, "5,000" and "1.5" in
/// English. A group after the thousands separator must have three digits; when the language's way does not fit
/// ("1.5" in an Indonesian text) the other way is tried.
internal static class NumberText
{
    /// Larger values are not figures an article states (and would not survive JSON as finite numbers).
    public const double Largest = 1e15;

    public static bool TryParse(string text, char decimalSeparator, out double value) =>
        TryParseWith(text, decimalSeparator, out value) || TryParseWith(text, decimalSeparator == ',' ? '.' : ',', out value);

    /// "2.000-3.000" and "4–5": both ends of a range written as one token.
    public static bool TryParseRange(string text, char decimalSeparator, out double low, out double high)
    {
        low = high = 0;
        var dash = text.IndexOfAny(['-', '–']);
        return dash > 0 && text.IndexOfAny(['-', '–'], dash + 1) < 0
            && TryParse(text[..dash], decimalSeparator, out low) && TryParse(text[(dash + 1)..], decimalSeparator, out high) && high > low;
    }

    private static bool TryParseWith(string text, char decimalSeparator, out double value)
    {
        value = 0;
        if (text.Length is 0 or > 40)
        {
            return false;
        }

        var thousands = decimalSeparator == ',' ? '.' : ',';
        var decimalAt = text.IndexOf(decimalSeparator, StringComparison.Ordinal);
        if (decimalAt >= 0 && text.IndexOf(decimalSeparator, decimalAt + 1) >= 0)
        {
            return false;
        }

        var whole = decimalAt >= 0 ? text[..decimalAt] : text;
        var fraction = decimalAt >= 0 ? text[(decimalAt + 1)..] : "";
        var groups = whole.Split(thousands);
        if (!fraction.All(char.IsAsciiDigit) || (decimalAt >= 0 && fraction.Length == 0) || groups[0].Length == 0
            || (groups.Length > 1 && (groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3))) || !groups.All(g => g.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var invariant = string.Concat(groups) + (fraction.Length > 0 ? "." + fraction : "");
        return double.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value) && value <= Largest;
    }

    /// Writes a value back plainly for labels: 5000, 1500000, 1.5.
    public static string Plain(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
