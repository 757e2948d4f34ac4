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
}

public sealed class SignInHandler(IOptions<FactCheckOptions> options) : ICommandHandler<SignIn, CredentialCheck>
{
    public async ValueTask<CredentialCheck> Handle(SignIn command, CancellationToken cancellationToken) =>
        await Credentials.VerifyAsync(CommandContext.Current, command.Username.Trim(), command.Password, options.Value.Security, cancellationToken);
}
