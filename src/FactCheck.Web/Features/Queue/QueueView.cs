using System.Globalization;
using FactCheck.Web.Features.Review;
using Microsoft.AspNetCore.Components;

namespace FactCheck.Web.Features.Queue;

/// What the queue page shows, and its address: /queue?tab=…&status=…&sort=…&topic=…&claimant=…&lang=…&page=…
/// Read leniently, so a stale or hand-edited link still opens (an unknown value falls back to the default).
public sealed record QueueView(
    string Tab, string Sort = QueueTabs.PrioritySort, string? Topic = null, long? ClaimantId = null, string? Language = null, int Page = 1, string? Status = null)
{
    public bool HasFilters => Topic is not null || ClaimantId is not null || Language is not null || Status is not null;

    /// Fact-checkers start on their own work; editors on everything open, which is what they hand out and review.
    public static string DefaultTab(bool editor) => editor ? QueueTabs.All : QueueTabs.Mine;

    public ListQueue ToQuery(int pageSize) => new()
    {
        Tab = Tab, Sort = Sort, Topic = Topic, ClaimantId = ClaimantId, Language = Language, Status = Status, Page = Page, PageSize = pageSize,
    };

    /// The tab is always written, so a shared link shows the same tab to an editor and a fact-checker.
    public string ToUrl(NavigationManager navigation) => navigation.GetUriWithQueryParameters("/queue", new Dictionary<string, object?>
    {
        ["tab"] = Tab,
        ["status"] = Status,
        ["sort"] = Sort == QueueTabs.PrioritySort ? null : Sort,
        ["topic"] = Topic,
        ["claimant"] = ClaimantId,
        ["lang"] = Language,
        ["page"] = Page > 1 ? Page : null,
    });

    public static QueueView Parse(
        string defaultTab, string? tab, string? sort, string? topic, string? claimant, string? language, string? page, string? status = null) => new(
        QueueTabs.Tabs.Contains(tab ?? "") ? tab! : defaultTab,
        QueueTabs.Sorts.Contains(sort ?? "") ? sort! : QueueTabs.PrioritySort,
        Blank(topic),
        long.TryParse(claimant, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        Blank(language),
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 1 ? p : 1,
        ReviewActions.OpenStates.Contains(status ?? "") ? status : null);

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
