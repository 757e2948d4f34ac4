using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Comments;

/// Its author rewrites a comment within 15 minutes of posting it; later it stands as written (the audit log keeps
/// every wording). Someone newly mentioned is told; someone mentioned before is not told again.
[AllowAnyStaff]
public sealed record EditComment : ICommand<CommentView>, Claims.IChangesClaims
{
    public IEnumerable<Claims.ClaimTouch> ClaimsTouched() => [new(ClaimId, Claims.ClaimChange.Discussion)];

    public long ClaimId { get; init; }

    public long CommentId { get; init; }

    [CommentRules.Body]
    public string Body { get; init; } = "";

    [Range(1, long.MaxValue, ErrorMessage = "Give the version of the comment you last saw.")]
    public long Version { get; init; }
}

public sealed class EditCommentHandler(IOptions<FactCheckOptions> options) : ICommandHandler<EditComment, CommentView>
{
    public async ValueTask<CommentView> Handle(EditComment command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var me = context.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to edit comments.");
        var before = await ListCommentsHandler.OneOrDefaultAsync(context, command.CommentId, cancellationToken);
        if (before is null || before.ClaimId != command.ClaimId)
        {
            throw new NotFoundException($"Claim {command.ClaimId} has no comment {command.CommentId}.");
        }

        if (before.AuthorId != me)
        {
            throw new ForbiddenException($"Only its author ({before.AuthorName}) can edit this comment.");
        }

        if (context.Now >= before.EditableUntil)
        {
            throw new ConflictException(
                $"A comment can be edited for 15 minutes after it is posted; this one was posted {(int)(context.Now - before.CreatedAt).TotalMinutes} minutes ago. Add a new comment instead.",
                before);
        }

        if (before.Version != command.Version)
        {
            throw new ConflictException($"This comment changed since you loaded it (version {before.Version}; you had {command.Version}). Reload it and try again.", before);
        }

        var body = command.Body.Trim();
        var mentioned = await Mentions.ResolveAsync(context, body, nameof(command.Body), cancellationToken);
        if (body == before.Body)
        {
            return before;
        }

        await context.ExecuteAsync(
            "UPDATE claim_comments SET body = @body, edited_at = @Now, version = version + 1 WHERE id = @CommentId AND version = @Version",
            new { body, context.Now, command.CommentId, command.Version },
            cancellationToken);
        context.Audit("comment", command.CommentId, new { before.Body, before.Version }, new { command.ClaimId, Body = body, Version = before.Version + 1 });
        context.ClaimChanged(command.ClaimId);

        var earlier = Mentions.In(before.Body).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = mentioned.Where(m => !earlier.Contains(m.Key)).Select(m => m.Value).ToList();
        if (added.Count > 0)
        {
            var claim = await context.ExecuteScalarAsync<string>("SELECT title FROM claims WHERE id = @ClaimId", new { command.ClaimId }, cancellationToken);
            var by = await CommentNotices.AuthorNameAsync(context, me, cancellationToken);
            await WorkNotices.SendAsync(
                context,
                options.Value,
                added.Select(u => new Notice(u, NotificationKinds.Mention, command.ClaimId, $"mention:{command.CommentId}", NotificationMessage.Of(NotificationMessages.Mention, ("by", by), ("claim", claim), ("excerpt", CommentNotices.Excerpt(body))))),
                cancellationToken);
        }

        return await ListCommentsHandler.OneAsync(context, command.CommentId, cancellationToken);
    }
}
