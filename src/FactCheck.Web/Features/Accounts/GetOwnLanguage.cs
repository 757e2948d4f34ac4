using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Accounts;

/// The staff language a person works in (id or en), with the account's version for the form that changes it.
[AllowAnyStaff]
[AllowedBeforePasswordChange]
public sealed record GetOwnLanguage : IQuery<OwnLanguage>;

public sealed record OwnLanguage(string? Language, long Version);

public sealed class GetOwnLanguageHandler(Db db, CurrentActor current) : IQueryHandler<GetOwnLanguage, OwnLanguage>
{
    public async ValueTask<OwnLanguage> Handle(GetOwnLanguage query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<OwnLanguage>(new CommandDefinition(
            "SELECT language AS Language, version AS Version FROM users WHERE id = @UserId",
            new { current.Actor.UserId },
            cancellationToken: cancellationToken));
    }
}
