using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Features.Review;

/// An editor decides a new or triaged claim will not be checked (opinion, not checkable, out of scope…).
[AllowRoles(Roles.Editor)]
public sealed record RejectClaim : ClaimActionCommand
{
    [Required(ErrorMessage = "Say why the claim will not be checked.")]
    [StringLength(2000, MinimumLength = 3, ErrorMessage = "Give a reason of 3 to 2000 characters.")]
    public string Reason { get; init; } = "";

    [JsonIgnore]
    public override string Action => ReviewActions.Reject;
}

public sealed class RejectClaimHandler(Deadlines deadlines) : ICommandHandler<RejectClaim, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(RejectClaim command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var reason = command.Reason.Trim();
        if (await Claims.PublicAddress.PublicMergesIntoAsync(context, command.ClaimId, cancellationToken) is { Count: > 0 } merged)
        {
            throw new ConflictException(
                $"Readers' links to claim{(merged.Count == 1 ? "" : "s")} {string.Join(", ", merged.Select(m => $"#{m}"))} lead to this claim, which was merged into it: "
                + "rejecting it would break them. Remove the same-as link first if the merge was a mistake.");
        }

        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        await context.ExecuteAsync(
            "UPDATE claims SET rejection_reason = @Reason, due_at = NULL WHERE id = @ClaimId", new { Reason = reason, command.ClaimId }, cancellationToken);
        return await Workflow.MoveAsync(context, deadlines, state, "rejected", new { Reason = reason }, cancellationToken);
    }
}
