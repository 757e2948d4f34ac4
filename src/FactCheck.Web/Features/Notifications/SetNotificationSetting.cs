using System.ComponentModel.DataAnnotations;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Notifications;

/// Sets how one kind of work notification reaches the caller (GetNotificationSettings reads them all; one handler).
[AllowAnyStaff]
public sealed record SetNotificationSetting : ICommand<NotificationSetting>, IValidatableObject
{
    public string Kind { get; init; } = "";

    public string Delivery { get; init; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!NotificationKinds.IsKnown(Kind))
        {
            yield return new ValidationResult($"Kind is one of: {string.Join(", ", NotificationKinds.All.Select(k => k.Key))}.", [nameof(Kind)]);
        }

        if (!NotificationKinds.Deliveries.Contains(Delivery))
        {
            yield return new ValidationResult($"Delivery is one of: {string.Join(", ", NotificationKinds.Deliveries)}.", [nameof(Delivery)]);
        }
    }
}

/// Label is English and LabelId Indonesian: the API is language-neutral and gives both (the page shows the reader's).
public sealed record NotificationSetting(string Kind, string Label, string Delivery, string Default, string LabelId)
{
    public NotificationSetting(NotificationKind kind, string delivery)
        : this(kind.Key, kind.Label, delivery, kind.Default, NotificationText.For(NotificationText.Indonesian, TimeZoneInfo.Utc).KindLabel(kind.Key))
    {
    }
}

public sealed class NotificationSettingsHandler(Db db, CurrentActor current)
    : IQueryHandler<GetNotificationSettings, IReadOnlyList<NotificationSetting>>, ICommandHandler<SetNotificationSetting, NotificationSetting>
{
    public async ValueTask<IReadOnlyList<NotificationSetting>> Handle(GetNotificationSettings query, CancellationToken cancellationToken)
    {
        var me = current.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to see your settings.");
        await using var connection = await db.OpenAsync(cancellationToken);
        var chosen = (await connection.QueryAsync<(string Kind, string Delivery)>(new CommandDefinition(
            "SELECT kind, delivery FROM notification_settings WHERE user_id = @me", new { me }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Kind, r => r.Delivery);
        return NotificationKinds.All.Select(k => new NotificationSetting(k, chosen.GetValueOrDefault(k.Key, k.Default))).ToList();
    }

    public async ValueTask<NotificationSetting> Handle(SetNotificationSetting command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var me = context.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to change your settings.");
        var kind = NotificationKinds.All.Single(k => k.Key == command.Kind);
        var before = await context.QuerySingleOrDefaultAsync<string>(
            "SELECT delivery FROM notification_settings WHERE user_id = @me AND kind = @Kind", new { me, command.Kind }, cancellationToken) ?? kind.Default;
        if (before != command.Delivery)
        {
            await context.ExecuteAsync(
                """
                INSERT INTO notification_settings (user_id, kind, delivery) VALUES (@me, @Kind, @Delivery)
                ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery
                """,
                new { me, command.Kind, command.Delivery },
                cancellationToken);
            context.Audit("user", me, new { command.Kind, Delivery = before }, new { command.Kind, command.Delivery }, "SetNotificationSetting");
        }

        return new NotificationSetting(kind, command.Delivery);
    }
}
