using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Accounts;

/// Checks a staff member's password for the sign-in page. The page issues the cookie; this records the attempt.
[AllowAnonymousMessage]
public sealed record SignIn : ICommand<CredentialCheck>
{
    [Required(ErrorMessage = "Enter your username.")]
    [StringLength(64)]
    public string Username { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(256)]
    [Sensitive]
    public string Password { get; set; } = "";

    /// The browser's preferred language (id or en), stored as the person's staff language if they have none yet.
    public string? BrowserLanguage { get; set; }
}

public sealed class SignInHandler(IOptions<FactCheckOptions> options) : ICommandHandler<SignIn, CredentialCheck>
{
    public async ValueTask<CredentialCheck> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        var check = await Credentials.VerifyAsync(db, command.Username.Trim(), command.Password, options.Value.Security, cancellationToken);
        if (check.Identity is not { Language: null } identity || !StaffLanguage.IsKnown(command.BrowserLanguage))
        {
            return check;
        }

        // First sign-in (or never chosen): the desk starts in the language the browser asks for.
        await db.ExecuteAsync(
            "UPDATE users SET language = @language, version = version + 1, updated_at = @Now WHERE id = @UserId AND language IS NULL",
            new { language = command.BrowserLanguage, db.Now, identity.UserId },
            cancellationToken);
        db.Audit("user", identity.UserId, new { Language = (string?)null }, new { Language = command.BrowserLanguage }, "SetLanguageFromBrowser");
        return check with { Identity = identity with { Language = command.BrowserLanguage } };
    }
}
