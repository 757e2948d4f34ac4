using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Dapper;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// An editor sends the verdict in review back to its assignee with a comment.
[AllowRoles(Roles.Editor)]
public sealed record RequestChanges : ClaimActionCommand
{
    [Required(ErrorMessage = "Say what needs to change.")]
    [StringLength(4000, MinimumLength = 3, ErrorMessage = "Write a comment of 3 to 4000 characters.")]
    public string Comment { get; init; } = "";

    [JsonIgnore]
    public override string Action => ReviewActions.RequestChanges;
}

public sealed class RequestChangesHandler(Deadlines deadlines) : ICommandHandler<RequestChanges, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(RequestChanges command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        await context.ExecuteAsync(
            "UPDATE verdicts SET state = 'returned', updated_at = @Now WHERE id = @Id",
            new { context.Now, Id = state.PendingVerdictId },
            cancellationToken);
        return await Workflow.MoveAsync(
            context, deadlines, state, "researching", new { VerdictId = state.PendingVerdictId, Comment = command.Comment.Trim() }, cancellationToken);
    }
}
