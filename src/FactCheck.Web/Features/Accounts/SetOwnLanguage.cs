using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

/// A person chooses the language of their staff pages, dates, notifications and e-mails (on /account).
[AllowAnyStaff]
[AllowedBeforePasswordChange]
public sealed record SetOwnLanguage : ICommand<OwnLanguage>
{
    [Required(ErrorMessage = "Choose Bahasa Indonesia or English.")]
    [AllowedValues(StaffLanguage.Indonesian, StaffLanguage.English, ErrorMessage = "Choose Bahasa Indonesia or English.")]
    public string Language { get; set; } = "";

    /// The account's version when the form was shown: a change made meanwhile (elsewhere) is not overwritten.
    public long Version { get; set; }
}

public sealed class SetOwnLanguageHandler : ICommandHandler<SetOwnLanguage, OwnLanguage>
{
    public async ValueTask<OwnLanguage> Handle(SetOwnLanguage command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        var before = await db.QuerySingleOrDefaultAsync<OwnLanguage>(
            "SELECT language AS Language, version AS Version FROM users WHERE id = @UserId", new { db.Actor.UserId }, cancellationToken)
            ?? throw new NotFoundException("This account no longer exists.");
        if (before.Version != command.Version)
        {
            throw new ConflictException("Your account changed since this page was opened. Reload it and choose again.", before);
        }

        if (before.Language == command.Language)
        {
            return before;
        }

        await db.ExecuteAsync(
            "UPDATE users SET language = @Language, version = version + 1, updated_at = @Now WHERE id = @UserId AND version = @Version",
            new { command.Language, db.Now, db.Actor.UserId, command.Version },
            cancellationToken);
        db.Audit("user", db.Actor.UserId!.Value, new { before.Language }, new { command.Language }, nameof(SetOwnLanguage));
        return new OwnLanguage(command.Language, before.Version + 1);
    }
}
