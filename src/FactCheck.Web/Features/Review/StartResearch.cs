using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Dapper;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// The assignee starts researching an assigned claim.
[AllowRoles(Roles.FactChecker, Roles.Editor)]
public sealed record StartResearch : ClaimActionCommand
{
    [JsonIgnore]
    public override string Action => ReviewActions.Start;
}

public sealed class StartResearchHandler(Deadlines deadlines) : ICommandHandler<StartResearch, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(StartResearch command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        return await Workflow.MoveAsync(
            context, deadlines, await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken), "researching", null, cancellationToken);
    }
}
