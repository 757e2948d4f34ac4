namespace FactCheck.Web.Features.Dashboard;

/// Chart colours for ratings: greens for true, reds for false, neutral tones for the rest. Labels always accompany
/// them, so the colour only helps; a rating the scale does not know gets grey.
public static class RatingColors
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["true"] = "#1e6b34",
        ["mostly-true"] = "#5aa469",
        ["mixed"] = "#b8860b",
        ["mostly-false"] = "#e07b53",
        ["false"] = "#a3261b",
        ["misleading"] = "#7b3294",
        ["unverified"] = "#6b7280",
    };

    public static string Of(string rating) => Known.GetValueOrDefault(rating, "#9ca3af");
}
