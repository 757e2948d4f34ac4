using Dapper;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Notifications;

/// The caller's own choices about how reminders reach them (the in-app inbox always gets them).
[AllowAnyStaff]
public sealed record GetNotificationPreferences : IQuery<NotificationPreferences>;

public sealed class GetNotificationPreferencesHandler(Db db, CurrentActor current, IOptions<FactCheckOptions> options) : IQueryHandler<GetNotificationPreferences, NotificationPreferences>
{
    public async ValueTask<NotificationPreferences> Handle(GetNotificationPreferences query, CancellationToken cancellationToken)
    {
        var me = current.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to see your preferences.");
        await using var connection = await db.OpenAsync(cancellationToken);
        var preferences = await connection.QuerySingleOrDefaultAsync<NotificationPreferences>(new CommandDefinition(
            NotificationPreferences.Select, new { me }, cancellationToken: cancellationToken)) ?? throw new NotFoundException("Your account no longer exists.");
        return preferences with { MailConfigured = options.Value.Smtp.Enabled };
    }
}
