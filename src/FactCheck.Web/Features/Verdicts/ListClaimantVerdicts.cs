using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Verdicts;

/// A claimant's public record at /claimants/{id}/verdicts: who they are, their published verdicts and how many of
/// their claims are being checked. Null when the claimant is unknown or nothing of theirs is public yet, so a
/// claimant whose claims are all new or rejected is not revealed.
[AllowAnonymousMessage]
public sealed record ListClaimantVerdicts(long ClaimantId, int Page = 1) : IQuery<ClaimantRecord?>;

public sealed record ClaimantRecord(PublicClaimant Claimant, int BeingChecked, PublishedVerdictPage Verdicts);

public sealed class ListClaimantVerdictsHandler(Db db, RatingScale scale) : IQueryHandler<ListClaimantVerdicts, ClaimantRecord?>
{
    private sealed record ClaimantRow(long Id, string Name, string Kind, string? Affiliation, long Published, long BeingChecked);

    public async ValueTask<ClaimantRecord?> Handle(ListClaimantVerdicts query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ClaimantRow>(new CommandDefinition(
            $"""
            SELECT p.id AS Id, p.name AS Name, p.kind AS Kind, p.affiliation AS Affiliation,
                   (SELECT count(*) FROM claims c WHERE c.claimant_id = p.id AND c.status <> 'merged'
                      AND c.published_verdict_id IS NOT NULL) AS Published,
                   (SELECT count(*) FROM claims c WHERE c.claimant_id = p.id AND c.published_verdict_id IS NULL
                      AND c.status IN ({GetPublicVerdictHandler.BeingCheckedStates})) AS BeingChecked
            FROM claimants p WHERE p.id = @ClaimantId
            """,
            new { query.ClaimantId },
            cancellationToken: cancellationToken));
        if (row is null || row.Published + row.BeingChecked == 0)
        {
            return null;
        }

        var verdicts = await PublishedVerdictReader.PageAsync(
            connection, scale, new VerdictFilter(null, null, null, row.Id), query.Page, cancellationToken);
        return new ClaimantRecord(new PublicClaimant(row.Id, row.Name, row.Kind, row.Affiliation), (int)row.BeingChecked, verdicts);
    }
}
