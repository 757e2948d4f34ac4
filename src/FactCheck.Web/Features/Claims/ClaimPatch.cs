using System.Text.Json;
using System.Text.Json.Nodes;
using FactCheck.Web.Infrastructure.Api;

namespace FactCheck.Web.Features.Claims;

/// PATCH /api/claims/{id} as a JSON merge patch over the claim as it reads now. The version is required, so an edit
/// made on a stale copy answers 409 instead of overwriting.
public static class ClaimPatch
{
    public static EditClaim Apply(EditClaim current, ClaimantSummary claimant, JsonObject patch, JsonSerializerOptions options)
    {
        var (merged, errors) = JsonMergePatch.Apply(current, patch, options, "claimId");

        // A claimant named afresh replaces the one the claim had, rather than being ignored beside its id.
        // A new name keeps the claimant's kind unless the patch gives one.
        if (patch.ContainsKey("claimantName") && !patch.ContainsKey("claimantId"))
        {
            merged = merged with { ClaimantId = null, ClaimantKind = patch.ContainsKey("claimantKind") ? merged.ClaimantKind : claimant.Kind };
        }

        return merged with { ClaimId = current.ClaimId, PatchErrors = errors };
    }
}
