using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

/// Changes a staff member's name, e-mail and roles; refused if the account changed since the admin read it.
[AllowRoles(Infrastructure.Pipeline.Roles.Admin)]
public sealed record UpdateUser : ICommand<long>, IValidatableObject
{
    public long Id { get; set; }

    public long Version { get; set; }

    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(128)]
    public string DisplayName { get; set; } = "";

    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256)]
    public string? Email { get; set; }

    public List<string> Roles { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => UserRules.ValidateRoles(Roles, nameof(Roles));
}

public sealed class UpdateUserHandler : ICommandHandler<UpdateUser, long>
{
    public async ValueTask<long> Handle(UpdateUser command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        var before = await UserRules.LoadAsync(db, command.Id, command.Version, cancellationToken);
        var roles = command.Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (before.Roles.Split(',').Contains(Infrastructure.Pipeline.Roles.Admin) && !roles.Contains(Infrastructure.Pipeline.Roles.Admin))
        {
            await UserRules.EnsureAnotherActiveAdminAsync(db, command.Id, cancellationToken);
        }

        var rolesChanged = string.Join(',', roles) != before.Roles;
        await db.ExecuteAsync(
            """
            UPDATE users SET display_name = @DisplayName, email = @Email, version = version + 1, updated_at = @Now,
                             security_stamp = CASE WHEN @rolesChanged = 1 THEN @NewStamp ELSE security_stamp END
            WHERE id = @Id
            """,
            new
            {
                DisplayName = command.DisplayName.Trim(),
                Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim(),
                db.Now,
                rolesChanged,
                NewStamp = Guid.NewGuid(),
                command.Id,
            },
            cancellationToken);
        await UserRules.ReplaceRolesAsync(db, command.Id, roles, cancellationToken);
        if (rolesChanged)
        {
            // The new stamp ends the person's sign-ins and tokens (the pipeline checks it); open pages sign out now.
            db.SessionsEnded(command.Id);
        }

        db.Audit("user", command.Id, before, before with { DisplayName = command.DisplayName.Trim(), Email = command.Email, Roles = string.Join(',', roles), Version = before.Version + 1 });
        return before.Version + 1;
    }
}
