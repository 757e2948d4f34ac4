using System.Globalization;
using FactCheck.Web.Features.Review;
using Microsoft.AspNetCore.WebUtilities;

namespace FactCheck.Web.Features.Dashboard;

/// Where the dashboard's numbers lead: the filtered queue for open states, the claims list for the rest, and the
/// CSV behind each chart, all carrying the dashboard's topic and language.
public static class DashboardLinks
{
    public static string State(string status, DashboardFilter filter) => ReviewActions.IsOpen(status)
        ? With("/queue", ("tab", "all"), ("status", status), ("topic", filter.Topic), ("lang", filter.Language))
        : With("/claims", ("status", status), ("topic", filter.Topic), ("lang", filter.Language));

    public static string Queue(string tab, DashboardFilter filter) => With("/queue", ("tab", tab), ("topic", filter.Topic), ("lang", filter.Language));

    public static string Claim(long id) => $"/claims/{id.ToString(CultureInfo.InvariantCulture)}";

    public static string Claimant(string id) => $"/claimants/{Uri.EscapeDataString(id)}";

    public static string Export(string section, DashboardFilter filter) => DashboardExport.Url(section, filter);

    private static string With(string path, params (string Key, string? Value)[] query) =>
        QueryHelpers.AddQueryString(path, query.Where(q => q.Value is not null).Select(q => KeyValuePair.Create(q.Key, q.Value)));
}
