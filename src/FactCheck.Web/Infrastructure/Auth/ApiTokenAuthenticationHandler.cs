using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Infrastructure.Auth;

/// Authenticates "Authorization: Bearer &lt;token&gt;" against the hashed personal tokens in api_tokens. A token issued
/// before the account's security stamp changed (a password change or reset, a role change, a deactivation) is refused.
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    Db db,
    TimeProvider clock,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// The id of the token a request came with: DELETE /api/tokens/current revokes it.
    public const string TokenIdClaim = "factcheck:token";

    /// Last-used times are kept to the minute, so a busy integration does not write on every request.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        await using var connection = await db.OpenAsync(Context.RequestAborted);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(
            """
            SELECT t.id AS TokenId, u.id AS UserId, u.username AS Username, t.expires_at AS ExpiresAt, t.revoked_at AS RevokedAt,
                   u.is_active AS IsActive, t.last_used_at AS LastUsedAt, u.security_stamp AS SecurityStamp,
                   t.security_stamp IS NOT DISTINCT FROM u.security_stamp AS StampMatches
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = @Hash
            """,
            new { Hash = Hash(token) },
            cancellationToken: Context.RequestAborted));
        if (row is null || row.RevokedAt is not null || !row.IsActive || !row.StampMatches)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }

        var now = clock.GetUtcNow();
        if (row.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The token has expired.");
        }

        if (row.LastUsedAt is not { } used || now - used >= LastUsedResolution)
        {
            // Bookkeeping, not a change of the desk's records: not audited, and at most once a minute per token.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_tokens SET last_used_at = @now WHERE id = @TokenId", new { now, row.TokenId }, cancellationToken: Context.RequestAborted));
        }

        var roles = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT role FROM user_roles WHERE user_id = @UserId", new { row.UserId }, cancellationToken: Context.RequestAborted));
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, row.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, row.Username),
            new(AuthSchemes.SecurityStampClaim, row.SecurityStamp),
            new(TokenIdClaim, row.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : $"Bearer error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required",
                Detail = failure ?? "Send a personal API token: Authorization: Bearer <token> (POST /api/tokens issues one).",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = "Your role does not allow this." },
        });
    }

    private sealed record TokenRow(
        long TokenId, long UserId, string Username, DateTimeOffset ExpiresAt, string? RevokedAt, bool IsActive, DateTimeOffset? LastUsedAt, string SecurityStamp, bool StampMatches)
    {
        public TokenRow()
            : this(0, 0, "", default, null, false, null, "", false)
        {
        }
    }
}
