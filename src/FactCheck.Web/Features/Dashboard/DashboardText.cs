namespace FactCheck.Web.Features.Dashboard;

/// Names the dashboard's strings (DashboardText.resx, DashboardText.id.resx): page, charts and CSV headers.
public sealed class DashboardText;
