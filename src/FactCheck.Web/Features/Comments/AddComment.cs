using FactCheck.Web.Features.Following;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Comments;

/// A staff comment on a claim (Markdown, `@username` mentions). The commenter follows the claim from then on;
/// whoever is mentioned is told so, and the claim's other followers that there is a comment.
[AllowAnyStaff]
public sealed record AddComment : ICommand<CommentView>, Claims.IChangesClaims
{
    public IEnumerable<Claims.ClaimTouch> ClaimsTouched() => [new(ClaimId, Claims.ClaimChange.Discussion)];

    public long ClaimId { get; init; }

    [CommentRules.Body]
    public string Body { get; init; } = "";
}

public sealed class AddCommentHandler(IOptions<FactCheckOptions> options) : ICommandHandler<AddComment, CommentView>
{
    public async ValueTask<CommentView> Handle(AddComment command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var me = context.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to comment.");
        var claim = await context.QuerySingleOrDefaultAsync<string>("SELECT title FROM claims WHERE id = @ClaimId", new { command.ClaimId }, cancellationToken)
            ?? throw new NotFoundException($"Claim {command.ClaimId} does not exist.");
        var body = command.Body.Trim();
        var mentioned = await Mentions.ResolveAsync(context, body, nameof(command.Body), cancellationToken);
        var id = await context.ExecuteScalarAsync<long>(
            "INSERT INTO claim_comments (claim_id, author_id, body, created_at) VALUES (@ClaimId, @me, @body, @Now) RETURNING id",
            new { command.ClaimId, me, body, context.Now },
            cancellationToken);
        context.Audit("comment", id, null, new { command.ClaimId, Body = body, Mentions = mentioned.Keys.Order().ToArray() });
        context.ClaimChanged(command.ClaimId);
        await Followers.AutoFollowAsync(context, command.ClaimId, me, "commented", cancellationToken);

        var by = await CommentNotices.AuthorNameAsync(context, me, cancellationToken);
        var excerpt = CommentNotices.Excerpt(body);
        var notices = mentioned.Values
            .Select(u => new Notice(u, NotificationKinds.Mention, command.ClaimId, $"mention:{id}", NotificationMessage.Of(NotificationMessages.Mention, ("by", by), ("claim", claim), ("excerpt", excerpt))))
            .Concat((await Followers.OfAsync(context, command.ClaimId, cancellationToken))
                .Where(f => !mentioned.Values.Contains(f))
                .Select(f => new Notice(f, NotificationKinds.ClaimComment, command.ClaimId, $"comment:{id}", NotificationMessage.Of(NotificationMessages.Comment, ("by", by), ("claim", claim), ("excerpt", excerpt)))));
        await WorkNotices.SendAsync(context, options.Value, notices, cancellationToken);
        return await ListCommentsHandler.OneAsync(context, id, cancellationToken);
    }
}

internal static class CommentNotices
{
    public static async Task<string> AuthorNameAsync(CommandContext context, long userId, CancellationToken ct) =>
        await context.QuerySingleOrDefaultAsync<string>("SELECT display_name FROM users WHERE id = @userId", new { userId }, ct) ?? context.Actor.Name;

    public static string Excerpt(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
