using MudBlazor;

namespace FactCheck.Web.Features.Claims;

/// The workflow states a claim passes through, in order, as the staff pages show them.
public static class ClaimStatus
{
    public static readonly IReadOnlyList<string> All = ["new", "triaged", "assigned", "researching", "in_review", "published", "rejected", "merged"];

    /// The status as a word in the staff member's language ("in review", "dalam peninjauan").
    public static string Label(string status) => ClaimWords.Status(status);

    public static Color Color(string status) => status switch
    {
        "new" => MudBlazor.Color.Info,
        "published" => MudBlazor.Color.Success,
        "rejected" or "merged" => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Warning,
    };
}
