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

[AllowAnyStaff]
public sealed record SetNotificationPreferences : ICommand
{
    public bool EmailReminders { get; init; }

    public bool DailyDigest { get; init; }
}

/// MailConfigured and Email say whether a choice of e-mail can have any effect yet.
public sealed record NotificationPreferences
{
    public bool EmailReminders { get; init; }

    public bool DailyDigest { get; init; }

    public string? Email { get; init; }

    public bool MailConfigured { get; init; }
}

public sealed class NotificationPreferencesHandler(Db db, CurrentActor current, IOptions<FactCheckOptions> options)
    : IQueryHandler<GetNotificationPreferences, NotificationPreferences>, ICommandHandler<SetNotificationPreferences>
{
    private const string Select =
        "SELECT email_reminders AS EmailReminders, daily_digest AS DailyDigest, email AS Email FROM users WHERE id = @me";

    public async ValueTask<NotificationPreferences> Handle(GetNotificationPreferences query, CancellationToken cancellationToken)
    {
        var me = current.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to see your preferences.");
        await using var connection = await db.OpenAsync(cancellationToken);
        var preferences = await connection.QuerySingleOrDefaultAsync<NotificationPreferences>(new CommandDefinition(
            Select, new { me }, cancellationToken: cancellationToken)) ?? throw new NotFoundException("Your account no longer exists.");
        return preferences with { MailConfigured = options.Value.Smtp.Enabled };
    }

    public async ValueTask<Unit> Handle(SetNotificationPreferences command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var me = context.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to change your preferences.");
        var before = await context.QuerySingleOrDefaultAsync<NotificationPreferences>(Select, new { me }, cancellationToken)
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
