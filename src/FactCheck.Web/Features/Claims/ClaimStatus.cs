using MudBlazor;

namespace FactCheck.Web.Features.Claims;

/// The workflow states a claim passes through, in order, as the staff pages show them.
public static class ClaimStatus
{
    public static readonly IReadOnlyList<string> All = ["new", "triaged", "assigned", "researching", "in_review", "published", "rejected", "merged"];

    public static string Label(string status) => status.Replace('_', ' ');

    public static Color Color(string status) => status switch
    {
        "new" => MudBlazor.Color.Info,
        "published" => MudBlazor.Color.Success,
        "rejected" or "merged" => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Warning,
    };
}
