using System.Globalization;

namespace FactCheck.Web.Features.Claims;

/// A short piece of a long claim text for lists, cut around the first searched word so a hit shows why it matched.
public static class Excerpt
{
    public static string Of(string? text, string? query = null, int length = 200)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        text = text.Trim();
        if (text.Length <= length)
        {
            return text;
        }

        var hit = Words(query)
            .Select(w => CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, w, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace))
            .Where(i => i >= 0)
            .DefaultIfEmpty(0)
            .Min();
        var start = hit < length / 2 ? 0 : text.LastIndexOf(' ', hit - length / 3) + 1;
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length && text.LastIndexOf(' ', end - 1, end - start) is var space && space > start)
        {
            end = space;
        }

        return (start > 0 ? "…" : "") + text[start..end].Trim() + (end < text.Length ? "…" : "");
    }

    /// The words of a query as typed, to highlight in the results.
    public static IReadOnlyList<string> Words(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => w.Trim('"', '\'', ',', '.', '?', '!', ':', ';', '(', ')'))
                .Where(w => w.Length > 1)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
}
