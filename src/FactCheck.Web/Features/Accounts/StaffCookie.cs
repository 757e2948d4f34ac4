using System.Globalization;
using System.Security.Claims;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;

namespace FactCheck.Web.Features.Accounts;

/// Issues the staff sign-in cookie for a checked identity: after the sign-in form, and again after a password change
/// (the change gives the account a new security stamp, which ends every older cookie, this one's too).
public static class StaffCookie
{
    public static Task SignInAsync(HttpContext context, StaffIdentity identity)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.UserId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, identity.Username),
            new(ClaimTypes.GivenName, identity.DisplayName),
            new(AuthSchemes.SecurityStampClaim, identity.SecurityStamp),
        };
        claims.AddRange(identity.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (identity.MustChangePassword)
        {
            claims.Add(new Claim(AuthSchemes.MustChangePasswordClaim, "true"));
        }

        if (StaffLanguage.IsKnown(identity.Language))
        {
            claims.Add(new Claim(StaffLanguage.Claim, identity.Language!));
        }

        return context.SignInAsync(AuthSchemes.Cookie, new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.Cookie)));
    }

    /// The same sign-in with another language: the next page renders in it.
    public static async Task ChangeLanguageAsync(HttpContext context, string language)
    {
        var principal = StaffLanguage.WithLanguage(context.User, language);
        await context.SignInAsync(AuthSchemes.Cookie, principal);
        context.User = principal;
    }
}
