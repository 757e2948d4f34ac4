using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace FactCheck.Web.Features.Claims;

/// What the claims page is showing, and its address: /claims?q=…&status=…&lang=…&kind=…&topic=…&claimant=…&from=…&to=…&sort=…&page=…
/// Every parameter is read leniently, so a hand-edited or stale link still opens (an unreadable value is ignored).
public sealed record ClaimSearchCriteria(
    string? Q = null, string? Status = null, string? Language = null, string? Kind = null, string? Topic = null, long? ClaimantId = null,
    DateOnly? SaidFrom = null, DateOnly? SaidTo = null, string? Sort = null, int Page = 1)
{
    public bool HasFilters => this with { Sort = null, Page = 1 } != new ClaimSearchCriteria();

    public SearchClaims ToQuery(int pageSize) => new()
    {
        Q = Q, Status = Status, Language = Language, Kind = Kind, Topic = Topic, ClaimantId = ClaimantId,
        SaidFrom = SaidFrom, SaidTo = SaidTo, Sort = Sort, Page = Page, PageSize = pageSize,
    };

    public string ToUrl(NavigationManager navigation) => navigation.GetUriWithQueryParameters("/claims", new Dictionary<string, object?>
    {
        ["q"] = Q,
        ["status"] = Status,
        ["lang"] = Language,
        ["kind"] = Kind,
        ["topic"] = Topic,
        ["claimant"] = ClaimantId,
        ["from"] = SaidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = SaidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["sort"] = Sort,
        ["page"] = Page > 1 ? Page : null,
    });

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static ClaimSearchCriteria Parse(string? q, string? status, string? language, string? kind, string? topic, string? claimant, string? from, string? to, string? sort, string? page) => new(
        Blank(q),
        Blank(status),
        Blank(language),
        Blank(kind),
        Blank(topic),
        long.TryParse(claimant, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : null,
        DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null,
        SearchClaims.Sorts.Contains(sort ?? "") ? sort : null,
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 1 ? p : 1);
}
