using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Auth;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Accounts;

/// POST /api/tokens: exchanges a username and password for a personal API token. Only the token's hash is stored, with
/// the name its owner gives it and the account's security stamp (a password change or reset ends the token).
[AllowAnonymousMessage]
public sealed record IssueApiToken : ICommand<IssuedToken>
{
    [Required]
    [StringLength(64)]
    public string Username { get; set; } = "";

    [Required]
    [StringLength(256)]
    [Sensitive]
    public string Password { get; set; } = "";

    /// What the token is for ("newsroom CMS"), shown on /account; "API token" when not given.
    [StringLength(100, ErrorMessage = "Keep the token's name to 100 characters.")]
    public string? Name { get; set; }
}

/// Refused: Error is the answer; PasswordChangeDue says the credentials were right but the account must first set a
/// new password (403 instead of 401).
public sealed record IssuedToken(string? Token, DateTimeOffset? ExpiresAt, string? Error)
{
    public bool Succeeded => Token is not null;

    public long? Id { get; init; }

    public string? Name { get; init; }

    public bool PasswordChangeDue { get; init; }
}

public sealed class IssueApiTokenHandler(IOptions<FactCheckOptions> options) : ICommandHandler<IssueApiToken, IssuedToken>
{
    public async ValueTask<IssuedToken> Handle(IssueApiToken command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        var check = await Credentials.VerifyAsync(db, command.Username.Trim(), command.Password, options.Value.Security, cancellationToken);
        if (check.Identity is not { } identity)
        {
            return new IssuedToken(null, null, check.Error);
        }

        if (identity.MustChangePassword)
        {
            return new IssuedToken(null, null, "This account must set a new password before it gets API tokens: sign in at /login and choose one.") { PasswordChangeDue = true };
        }

        var token = "fct_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var name = string.IsNullOrWhiteSpace(command.Name) ? "API token" : command.Name.Trim();
        var expiresAt = db.Now.AddDays(options.Value.Security.ApiTokenDays);
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO api_tokens (user_id, token_hash, name, security_stamp, created_at, expires_at)
            VALUES (@UserId, @Hash, @name, @SecurityStamp, @Now, @expiresAt)
            RETURNING id
            """,
            new { identity.UserId, Hash = ApiTokenAuthenticationHandler.Hash(token), name, identity.SecurityStamp, db.Now, expiresAt },
            cancellationToken);
        db.Audit("api_token", id, null, new { identity.UserId, Name = name, ExpiresAt = expiresAt });
        return new IssuedToken(token, expiresAt, null) { Id = id, Name = name };
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
