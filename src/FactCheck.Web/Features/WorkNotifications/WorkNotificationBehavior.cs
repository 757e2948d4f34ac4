using FactCheck.Web.Features.Following;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Features.Tips;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.WorkNotifications;

/// Tells people of work that lands on them, for every command, in one place: after the handler has changed the state
/// and inside the same transaction, so a notification exists exactly when its cause was committed. What is said to
/// whom follows from the command's type and the claim's state before (the review policy's) and after (the result).
public sealed class WorkNotificationBehavior<TMessage, TResponse>(IOptions<FactCheckOptions> options) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // The review state before the handler runs: who wrote the verdict a request for changes or an approval is about.
        var context = CommandContext.Current;
        var before = message is IClaimAction claimAction
            ? await ReviewState.LoadAsync(context.Connection, context.Transaction, claimAction.ClaimId, cancellationToken)
            : null;
        var response = await next(message, cancellationToken);
        var notices = (message, response) switch
        {
            (IClaimAction action, ClaimActionResult result) when before is not null => await ForClaimActionAsync(context, action, result, before, cancellationToken),
            (SubmitTip tip, SubmittedTip { Id: { } tipId }) => await ForTipAsync(context, tip, tipId, cancellationToken),
            _ => [],
        };
        if (notices.Count > 0)
        {
            await WorkNotices.SendAsync(context, options.Value, notices, cancellationToken);
        }

        return response;
    }

    private static async Task<List<Notice>> ForClaimActionAsync(CommandContext context, IClaimAction action, ClaimActionResult result, ReviewState before, CancellationToken ct)
    {
        var claim = await context.QuerySingleOrDefaultAsync<string>("SELECT title FROM claims WHERE id = @ClaimId", new { result.ClaimId }, ct) ?? "";
        var by = await ActorNameAsync(context, ct);
        var key = $"claim:{result.ClaimId}:v{result.Version}";
        var notices = new List<Notice>();
        Notice To(long userId, string kind, string message, params (string, string?)[] args) =>
            new(userId, kind, result.ClaimId, key, NotificationMessage.Of(message, [("claim", claim), ("by", by), .. args]));

        long? newAssignee = action switch
        {
            AssignClaim assign => assign.AssigneeId,
            ReassignClaim reassign => reassign.AssigneeId,
            _ => null,
        };
        if (newAssignee is { } assignee)
        {
            await Followers.AutoFollowAsync(context, result.ClaimId, assignee, "assigned", ct);
            var comment = action is AssignClaim a ? a.Comment : ((ReassignClaim)action).Comment;
            notices.Add(To(assignee, NotificationKinds.Assigned, NotificationMessages.Assigned, ("comment", comment)));
        }

        switch (action)
        {
            case RequestChanges changes when before.PendingAuthorId is { } author:
                notices.Add(To(author, NotificationKinds.ChangesRequested, NotificationMessages.ChangesRequested, ("comment", changes.Comment.Trim())));
                break;
            case ApproveVerdict when before.PendingAuthorId is { } author:
                notices.Add(result.Status == "published"
                    ? To(author, NotificationKinds.VerdictPublished, NotificationMessages.VerdictPublished)
                    : To(author, NotificationKinds.VerdictApproved, NotificationMessages.VerdictApproved));
                break;
            case SubmitVerdict:
                foreach (var editor in await context.QueryAsync<long>(
                    "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'editor' WHERE u.is_active = 1 ORDER BY u.id", null, ct))
                {
                    notices.Add(To(editor, NotificationKinds.ReviewRequested, NotificationMessages.ReviewRequested));
                }

                break;
        }

        if (result.Status != before.Status || newAssignee is not null)
        {
            var reassigned = newAssignee is not null && result.Status == before.Status;
            foreach (var follower in await Followers.OfAsync(context, result.ClaimId, ct))
            {
                notices.Add(reassigned
                    ? To(follower, NotificationKinds.ClaimChanged, NotificationMessages.ClaimReassigned)
                    : To(follower, NotificationKinds.ClaimChanged, NotificationMessages.ClaimMoved, ("status", result.Status), ("action", action.Action)));
            }

            if (before.AssigneeId is { } previous && newAssignee is not null && previous != newAssignee)
            {
                notices.Add(To(previous, NotificationKinds.ClaimChanged, NotificationMessages.NoLongerAssigned));
            }
        }

        return notices;
    }

    private static async Task<List<Notice>> ForTipAsync(CommandContext context, SubmitTip tip, long tipId, CancellationToken ct)
    {
        var text = tip.Text.Trim();
        var headline = text.Length > 80 ? text[..80] + "…" : text;
        var editors = await context.QueryAsync<long>(
            "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'editor' WHERE u.is_active = 1 ORDER BY u.id", null, ct);
        return editors.Select(e => new Notice(e, NotificationKinds.Tip, null, $"tip:{tipId}", NotificationMessage.Of(NotificationMessages.Tip, ("headline", headline)))).ToList();
    }

    private static async Task<string> ActorNameAsync(CommandContext context, CancellationToken ct) =>
        context.Actor.UserId is { } id
            ? await context.QuerySingleOrDefaultAsync<string>("SELECT display_name FROM users WHERE id = @id", new { id }, ct) ?? context.Actor.Name
            : context.Actor.Name;
}
