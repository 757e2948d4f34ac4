using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

/// Adds a staff account. Without a password one is generated and returned once, for the admin to hand over; the person
/// replaces it at their first sign-in.
[AllowRoles(Infrastructure.Pipeline.Roles.Admin)]
public sealed record CreateUser : ICommand<CreatedUser>, IValidatableObject
{
    [Required(ErrorMessage = "Enter a username.")]
    [RegularExpression("^[A-Za-z0-9._-]{2,64}$", ErrorMessage = "Use 2-64 letters, digits, dots, dashes or underscores.")]
    public string Username { get; set; } = "";

    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(128)]
    public string DisplayName { get; set; } = "";

    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256)]
    public string? Email { get; set; }

    public List<string> Roles { get; set; } = [];

    [StringLength(256, MinimumLength = Credentials.MinimumPasswordLength, ErrorMessage = "Use at least 12 characters.")]
    [Sensitive]
    public string? Password { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => UserRules.ValidateRoles(Roles, nameof(Roles));
}

public sealed record CreatedUser(long Id, string Username, string? GeneratedPassword);

public sealed class CreateUserHandler : ICommandHandler<CreateUser, CreatedUser>
{
    public async ValueTask<CreatedUser> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        var username = command.Username.Trim();
        if (await db.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE username = @username", new { username }, cancellationToken) > 0)
        {
            throw ValidationFailedException.For(nameof(CreateUser.Username), $"The username '{username}' is taken.");
        }

        var generated = string.IsNullOrEmpty(command.Password) ? Credentials.GeneratePassword() : null;
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO users (username, display_name, email, password_hash, security_stamp, must_change_password, created_at, updated_at)
            VALUES (@username, @DisplayName, @Email, @Hash, @Stamp, @MustChange, @Now, @Now)
            RETURNING id
            """,
            new
            {
                username,
                DisplayName = command.DisplayName.Trim(),
                Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim(),
                Hash = Credentials.HashPassword(generated ?? command.Password!),
                Stamp = Guid.NewGuid(),
                MustChange = generated is not null,
                db.Now,
            },
            cancellationToken);
        await UserRules.ReplaceRolesAsync(db, id, command.Roles, cancellationToken);
        db.Audit("user", id, null, new { Username = username, command.DisplayName, command.Email, Roles = command.Roles.Order().ToArray() });
        return new CreatedUser(id, username, generated);
    }
}
