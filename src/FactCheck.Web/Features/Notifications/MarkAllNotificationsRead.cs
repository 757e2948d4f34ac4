using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Notifications;

/// Marks every unread notification of the caller read; returns how many it marked.
[AllowAnyStaff]
public sealed record MarkAllNotificationsRead : ICommand<int>;

public sealed class MarkAllNotificationsReadHandler : ICommandHandler<MarkAllNotificationsRead, int>
{
    public async ValueTask<int> Handle(MarkAllNotificationsRead command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var me = MarkNotificationReadHandler.Me(context);
        var marked = await context.ExecuteAsync(
            "UPDATE notifications SET read_at = @Now WHERE user_id = @me AND read_at IS NULL",
            new { context.Now, me },
            cancellationToken);
        if (marked > 0)
        {
            context.Audit("user", me, null, new { NotificationsMarkedRead = marked });
            context.UserNotified(me);
        }

        return marked;
    }
}
