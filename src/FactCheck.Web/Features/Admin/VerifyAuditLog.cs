using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Admin;

/// Walks the audit log's hash chain (AuditChain) and reports the first row that breaks it, if any: the admin page's
/// button and `verify-audit` on the command line.
[AllowRoles(Roles.Admin)]
public sealed record VerifyAuditLog : IQuery<AuditChain.Verification>;

public sealed class VerifyAuditLogHandler(Db db) : IQueryHandler<VerifyAuditLog, AuditChain.Verification>
{
    public async ValueTask<AuditChain.Verification> Handle(VerifyAuditLog query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await AuditChain.VerifyAsync(connection, cancellationToken);
    }
}

/// `dotnet run --project src/FactCheck.Web -- verify-audit`: the same configuration as the app, no web server. Exit code 0
/// when the chain is intact, 1 at the first broken row (printed).
public static class AuditCommandLine
{
    public static bool Handles(string[] args) => args is ["verify-audit", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var builder = WebApplication.CreateBuilder(args[1..]);
        await using var db = Infrastructure.ServiceSetup.CreateDb(builder.Configuration, builder.Environment);
        if (!db.IsPostgres && !File.Exists(db.DataSource))
        {
            await error.WriteLineAsync($"verify-audit: there is no database at {Path.GetFullPath(db.DataSource)}.");
            return 2;
        }

        await using var connection = await db.OpenAsync();
        var result = await AuditChain.VerifyAsync(connection);
        if (result.FirstBreak is { } broken)
        {
            await error.WriteLineAsync(
                $"The audit log is broken at row {broken.Id} ({broken.At}, {broken.Action} on {broken.Entity} {broken.EntityId}): {broken.Reason}. "
                + $"{result.RowsChecked:N0} row(s) before it are intact.");
            return 1;
        }

        await output.WriteLineAsync($"The audit log is intact: {result.RowsChecked:N0} row(s) chained. Newest hash: {result.NewestHash ?? "(empty log)"}");
        return 0;
    }
}
