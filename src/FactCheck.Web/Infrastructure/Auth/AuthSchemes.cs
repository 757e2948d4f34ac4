namespace FactCheck.Web.Infrastructure.Auth;

public static class AuthSchemes
{
    public const string Cookie = "Cookies";
    public const string ApiToken = "ApiToken";

    /// Picks the token scheme for /api and the cookie everywhere else, so the API never accepts a cookie (no CSRF).
    public const string Smart = "CookieOrToken";

    public const string SecurityStampClaim = "factcheck:stamp";

    /// Set while the account must choose a new password; the staff layout sends such a person to /account.
    public const string MustChangePasswordClaim = "factcheck:must-change-password";
}
