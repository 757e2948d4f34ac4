using FactCheck.Web.Components.Layout;

namespace FactCheck.Web.Features.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services.Configure<StaffAppBarOptions>(bar => bar.Items.Add(typeof(NotificationBell)));

    public static void MapNotifications(this IEndpointRouteBuilder app) => app.MapNotificationEndpoints();
}
