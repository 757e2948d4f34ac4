using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Notifications;

/// How each kind of work notification reaches the caller: off, app (bell and inbox) or email (both). Handled beside
/// SetNotificationSetting, which shares its reading of the defaults.
[AllowAnyStaff]
public sealed record GetNotificationSettings : IQuery<IReadOnlyList<NotificationSetting>>;
