using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Notifications;

/// The number on the bell: the caller's unread notifications.
[AllowAnyStaff]
public sealed record CountUnreadNotifications : IQuery<int>;

public sealed class CountUnreadNotificationsHandler(Db db, CurrentActor current) : IQueryHandler<CountUnreadNotifications, int>
{
    public async ValueTask<int> Handle(CountUnreadNotifications query, CancellationToken cancellationToken)
    {
        var me = current.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to see your notifications.");
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM notifications WHERE user_id = @me AND read_at IS NULL",
            new { me },
            cancellationToken: cancellationToken));
    }
}
