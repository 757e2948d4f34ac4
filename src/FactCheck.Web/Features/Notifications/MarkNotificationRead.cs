using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Notifications;

/// Marks one of the caller's notifications read. Someone else's id answers "not found", exactly as an id that does
/// not exist, so an inbox cannot be probed. Marking a read one again changes nothing.
[AllowAnyStaff]
public sealed record MarkNotificationRead(long Id) : ICommand;

public sealed class MarkNotificationReadHandler : ICommandHandler<MarkNotificationRead>
{
    public async ValueTask<Unit> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var me = Me(context);
        var readAt = await context.QuerySingleOrDefaultAsync<ReadState>(
            "SELECT read_at AS ReadAt FROM notifications WHERE id = @Id AND user_id = @me",
            new { command.Id, me },
            cancellationToken) ?? throw new NotFoundException($"You have no notification {command.Id}.");
        if (readAt.ReadAt is not null)
        {
            return Unit.Value;
        }

        await context.ExecuteAsync(
            "UPDATE notifications SET read_at = @Now WHERE id = @Id AND user_id = @me AND read_at IS NULL",
            new { context.Now, command.Id, me },
            cancellationToken);
        context.Audit("notification", command.Id, new { ReadAt = (DateTimeOffset?)null }, new { ReadAt = context.Now });

        // The signal means "this inbox changed": the bell on the person's other tabs drops its count.
        context.UserNotified(me);
        return Unit.Value;
    }

    internal static long Me(CommandContext context) =>
        context.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to manage your notifications.");

    private sealed record ReadState
    {
        public DateTimeOffset? ReadAt { get; init; }
    }
}
