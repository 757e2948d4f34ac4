namespace FactCheck.Web.Features.Accounts;

/// Names the strings of user management at /admin/users (UsersText.resx, UsersText.id.resx); /account has AccountsText.
public sealed class UsersText;
