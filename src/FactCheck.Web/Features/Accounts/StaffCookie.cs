using System.Globalization;
using System.Security.Claims;
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

        return context.SignInAsync(AuthSchemes.Cookie, new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.Cookie)));
    }
}
