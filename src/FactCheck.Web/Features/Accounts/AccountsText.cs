namespace FactCheck.Web.Features.Accounts;

/// Resources (AccountsText.resx, AccountsText.id.resx): sign-in, the account page and the account commands' messages.
public sealed class AccountsText;
