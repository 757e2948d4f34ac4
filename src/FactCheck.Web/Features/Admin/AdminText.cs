namespace FactCheck.Web.Features.Admin;

/// Names the strings of the admin pages: audit log and reminder log (AdminText.resx, AdminText.id.resx).
public sealed class AdminText;
