using System.Text.Json.Serialization;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// A workflow action on one claim. The caller sends the claim's version as they last saw it; the review policy
/// behaviour refuses a stale version (409 with the current state) and any action the policy does not allow.
public interface IClaimAction : ICommand<ClaimActionResult>
{
    long ClaimId { get; }

    long Version { get; }

    /// The action's API name (triage, assign, approve…).
    [JsonIgnore]
    string Action { get; }
}

/// What every workflow command carries: the claim (from the address) and the version the caller last saw.
public abstract record ClaimActionCommand : IClaimAction
{
    public long ClaimId { get; init; }

    [System.ComponentModel.DataAnnotations.Range(1, long.MaxValue, ErrorMessage = "Give the version of the claim you last saw.")]
    public long Version { get; init; }

    [JsonIgnore]
    public abstract string Action { get; }
}

public sealed record ClaimActionResult(long ClaimId, string Status, long Version);

/// The claim's state after a refused action, returned with a 409 so the caller can catch up.
public sealed record CurrentClaimState(long Id, string Status, long Version, IReadOnlyList<string> AllowedActions);
