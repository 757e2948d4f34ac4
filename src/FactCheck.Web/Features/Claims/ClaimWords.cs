using System.Globalization;
using System.Resources;

namespace FactCheck.Web.Features.Claims;

/// The stored keys of statuses, kinds, claimant kinds and relations as words in the staff member's language. Static,
/// so shared helpers (ClaimStatus.Label, dashboards, CSV-free displays) need no injected localizer; the API keeps keys.
public static class ClaimWords
{
    private static readonly ResourceManager Texts = new(typeof(ClaimsText));

    public static string Status(string status) => Word("Status_", status) ?? status.Replace('_', ' ');

    public static string Kind(string kind) => Word("Kind_", kind) ?? kind;

    public static string ClaimantKind(string kind) => Word("ClaimantKind_", kind) ?? kind;

    public static string Relation(string relation) => Word("Relation_", relation) ?? relation;

    private static string? Word(string prefix, string key) => Texts.GetString(prefix + key, CultureInfo.CurrentUICulture);
}
