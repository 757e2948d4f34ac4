using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Feeds;

/// Every published verdict, most recently modified first: the rows of the CSV export.
[AllowAnonymousMessage]
public sealed record ExportVerdicts : IQuery<IReadOnlyList<PublishedVerdictRow>>;

public sealed class ExportVerdictsHandler(Db db) : IQueryHandler<ExportVerdicts, IReadOnlyList<PublishedVerdictRow>>
{
    public async ValueTask<IReadOnlyList<PublishedVerdictRow>> Handle(ExportVerdicts query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await PublishedVerdictRows.ReadAsync(connection, "1 = 1", "x.modified DESC, x.claim_id DESC", new { Limit = long.MaxValue }, cancellationToken);
    }
}
