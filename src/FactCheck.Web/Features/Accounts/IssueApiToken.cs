using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Auth;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Accounts;

/// POST /api/tokens: exchanges a username and password for a personal API token. Only the token's hash is stored.
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
}

public sealed record IssuedToken(string? Token, DateTimeOffset? ExpiresAt, string? Error)
{
    public bool Succeeded => Token is not null;
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

        var token = "fct_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var expiresAt = db.Now.AddDays(options.Value.Security.ApiTokenDays);
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO api_tokens (user_id, token_hash, created_at, expires_at)
            VALUES (@UserId, @Hash, @Now, @expiresAt)
            RETURNING id
            """,
            new { identity.UserId, Hash = ApiTokenAuthenticationHandler.Hash(token), db.Now, expiresAt },
            cancellationToken);
        db.Audit("api_token", id, null, new { identity.UserId, ExpiresAt = expiresAt });
        return new IssuedToken(token, expiresAt, null);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
