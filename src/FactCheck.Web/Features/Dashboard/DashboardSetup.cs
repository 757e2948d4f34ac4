namespace FactCheck.Web.Features.Dashboard;

public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddSingleton<DashboardSnapshots>();

    public static void MapDashboard(this IEndpointRouteBuilder app) => app.MapDashboardExport();
}
