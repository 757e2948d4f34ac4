using Dapper;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Notifications;

[AllowAnyStaff]
public sealed record SetNotificationPreferences : ICommand
{
    public bool EmailReminders { get; init; }

    public bool DailyDigest { get; init; }
}

public sealed class SetNotificationPreferencesHandler : ICommandHandler<SetNotificationPreferences>
{
    public async ValueTask<Unit> Handle(SetNotificationPreferences command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var me = context.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to change your preferences.");
        var before = await context.QuerySingleOrDefaultAsync<NotificationPreferences>(NotificationPreferences.Select, new { me }, cancellationToken)
            ?? throw new NotFoundException("Your account no longer exists.");
        if (before.EmailReminders == command.EmailReminders && before.DailyDigest == command.DailyDigest)
        {
            return Unit.Value;
        }

        await context.ExecuteAsync(
            "UPDATE users SET email_reminders = @EmailReminders, daily_digest = @DailyDigest, updated_at = @Now WHERE id = @me",
            new { command.EmailReminders, command.DailyDigest, context.Now, me },
            cancellationToken);
        context.Audit(
            "user",
            me,
            new { before.EmailReminders, before.DailyDigest },
            new { command.EmailReminders, command.DailyDigest },
            "SetNotificationPreferences");
        return Unit.Value;
    }
}
