using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Features.Review;

/// An editor takes back a rejection: the claim is new again.
[AllowRoles(Roles.Editor)]
public sealed record ReopenClaim : ClaimActionCommand
{
    [StringLength(2000)]
    public string? Comment { get; init; }

    [JsonIgnore]
    public override string Action => ReviewActions.Reopen;
}

public sealed class ReopenClaimHandler(Deadlines deadlines) : ICommandHandler<ReopenClaim, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(ReopenClaim command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        await context.ExecuteAsync("UPDATE claims SET rejection_reason = NULL WHERE id = @ClaimId", new { command.ClaimId }, cancellationToken);
        return await Workflow.MoveAsync(context, deadlines, state, "new", new { command.Comment }, cancellationToken);
    }
}
