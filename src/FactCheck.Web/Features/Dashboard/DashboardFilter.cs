using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace FactCheck.Web.Features.Dashboard;

/// What a dashboard shows, and its address: /dashboard?view=…&period=…&by=…&topic=…&lang=…
/// Read leniently, like the queue's address: an unknown value falls back to the default, so an old link still opens.
public sealed record DashboardFilter : IValidatableObject
{
    public const string DefaultPeriod = "30d";

    /// The periods the history charts can cover, with their length in days (null: since the first claim).
    public static readonly IReadOnlyDictionary<string, int?> Periods = new Dictionary<string, int?>
    {
        ["7d"] = 7,
        ["30d"] = 30,
        ["90d"] = 90,
        ["365d"] = 365,
        ["all"] = null,
    };

    public static readonly IReadOnlyList<string> Buckets = ["day", "week"];

    public string Period { get; init; } = DefaultPeriod;

    /// Throughput per day or per week; null picks by the period (days up to 90 days, weeks beyond).
    public string? By { get; init; }

    [StringLength(100)]
    public string? Topic { get; init; }

    [StringLength(16)]
    public string? Language { get; init; }

    public string Bucket => By ?? (Periods.GetValueOrDefault(Period) is { } days && days <= 90 ? "day" : "week");

    public int? Days => Periods.GetValueOrDefault(Period);

    public bool HasFilters => Topic is not null || Language is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Periods.ContainsKey(Period))
        {
            yield return new ValidationResult($"Period must be one of: {string.Join(", ", Periods.Keys)}.", [nameof(Period)]);
        }

        if (By is not null && !Buckets.Contains(By))
        {
            yield return new ValidationResult($"By must be one of: {string.Join(", ", Buckets)}.", [nameof(By)]);
        }
    }

    public static DashboardFilter Parse(string? period, string? by, string? topic, string? language) => new()
    {
        Period = Periods.ContainsKey(period ?? "") ? period! : DefaultPeriod,
        By = Buckets.Contains(by ?? "") ? by : null,
        Topic = Blank(topic),
        Language = Blank(language),
    };

    /// The query string of this filter (defaults left out), for links to the page and to its CSV exports.
    public IReadOnlyDictionary<string, object?> Query() => new Dictionary<string, object?>
    {
        ["period"] = Period == DefaultPeriod ? null : Period,
        ["by"] = By,
        ["topic"] = Topic,
        ["lang"] = Language,
    };

    public string ToUrl(NavigationManager navigation, string path, string? view = null)
    {
        var query = new Dictionary<string, object?>(Query()) { ["view"] = view };
        return navigation.GetUriWithQueryParameters(path, query);
    }

    /// A relative link with this filter, for plain anchors (CSV downloads) that must not depend on the page's address.
    public string RelativeUrl(string path) => QueryHelpers.AddQueryString(path, Query()
        .Where(p => p.Value is not null)
        .Select(p => KeyValuePair.Create(p.Key, Convert.ToString(p.Value, CultureInfo.InvariantCulture))));

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
