using FactCheck.Web.Infrastructure.Pipeline;
using Hangfire.Dashboard;

namespace FactCheck.Web.Infrastructure.Jobs;

/// The dashboard at /jobs is for admins only. The endpoint also requires the admin policy; this filter keeps
/// Hangfire from falling back to its "local requests only" rule, which a reverse proxy on the same host would pass.
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Admin);
}
