using Dapper;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Accounts;

/// The accounts an empty database starts with: one admin (FactCheck:Admin), created through the ordinary command.
/// The demo case (FactCheck:DemoData) brings its own instead.
public sealed class FirstAccounts(Db db, IOptions<FactCheckOptions> options, ILogger<FirstAccounts> logger)
{
    public async Task<bool> NoneYetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM users", cancellationToken: ct)) == 0;
    }

    public async Task CreateFirstAdminAsync(IMediator mediator, CancellationToken ct)
    {
        var admin = options.Value.Admin;
        var username = string.IsNullOrWhiteSpace(admin.Username) ? "admin" : admin.Username.Trim();
        var created = await mediator.Send(
            new CreateUser { Username = username, DisplayName = "Administrator", Roles = [Roles.Admin], Password = string.IsNullOrEmpty(admin.Password) ? null : admin.Password },
            ct);
        if (created.GeneratedPassword is { } password)
        {
            Announce($"First admin account created: username '{username}', password '{password}'. It is shown only this once; the first sign-in asks for a new one. (Set FactCheck:Admin:Password before the first start to choose it instead.)");
        }
        else
        {
            logger.LogWarning("First admin account '{Username}' created from configuration (FactCheck:Admin).", username);
        }
    }

    /// Passwords go to the console of the person who started the app, never into the log stream, which may be shipped and kept.
    public void Announce(string message)
    {
        Console.WriteLine();
        Console.WriteLine("==== FactCheck ====");
        Console.WriteLine(message);
        Console.WriteLine("===================");
        Console.WriteLine();
        logger.LogWarning("Start-up accounts created; their password was printed once on the console.");
    }
}
