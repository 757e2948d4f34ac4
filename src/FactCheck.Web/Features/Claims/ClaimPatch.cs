using System.Text.Json;
using System.Text.Json.Nodes;

namespace FactCheck.Web.Features.Claims;

/// PATCH /api/claims/{id} as a JSON merge patch (RFC 7396) over the claim as it reads now: a field left out keeps its
/// value, null clears it. The version is required, so an edit made on a stale copy answers 409 instead of overwriting.
public static class ClaimPatch
{
    private static readonly HashSet<string> Fixed = ["claimId"];

    public static EditClaim Apply(EditClaim current, JsonObject patch, JsonSerializerOptions options)
    {
        var merged = JsonSerializer.SerializeToNode(current, options)!.AsObject();
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in patch)
        {
            if (!merged.ContainsKey(name) || Fixed.Contains(name))
            {
                errors[name] = [$"'{name}' is not a field of a claim that can be edited."];
                continue;
            }

            merged[name] = value?.DeepClone();
        }

        // A claimant named afresh replaces the one the claim had, rather than being ignored beside its id.
        if (patch.ContainsKey("claimantName") && !patch.ContainsKey("claimantId"))
        {
            merged["claimantId"] = null;
        }

        // Without a version the edit cannot be checked against what its sender saw: EditClaim's validation says so.
        if (!patch.ContainsKey("version"))
        {
            merged["version"] = 0;
        }

        // The errors travel with the command, so the pipeline answers who may edit (403) before what is wrong (400).
        try
        {
            return merged.Deserialize<EditClaim>(options)! with { ClaimId = current.ClaimId, PatchErrors = errors };
        }
        catch (JsonException e)
        {
            var field = e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
            errors[field] = [$"'{field}' has the wrong type of value."];
            return current with { PatchErrors = errors };
        }
    }
}
