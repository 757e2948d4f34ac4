using System.Text;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using System.Data.Common;

namespace FactCheck.Web.Features.Claims;

/// Analyses every claim whose terms are missing or older than AnalysisVersion (after migration 0018, or a change of
/// rules). Runs at start-up in batches of one transaction each; an interrupted run resumes where it stopped.
[SystemOnly]
public sealed record IndexClaimsForSearch : IRequest<int>;

public sealed class IndexClaimsForSearchHandler(Db db) : IRequestHandler<IndexClaimsForSearch, int>
{
    private const int Batch = 2_000;

    public async ValueTask<int> Handle(IndexClaimsForSearch request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var indexed = 0;
        while (true)
        {
            await using var transaction = (DbTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var claims = (await connection.QueryAsync<Pending>(new CommandDefinition(
                """
                SELECT c.id AS Id, c.title AS Title, c.text AS Text, c.language AS Language, c.translation_en AS TranslationEn
                FROM claims c LEFT JOIN claim_search_terms t ON t.claim_id = c.id
                WHERE t.claim_id IS NULL OR t.analysis <> @AnalysisVersion
                ORDER BY c.id LIMIT @Batch
                """,
                new { ClaimSearchIndex.AnalysisVersion, Batch },
                transaction,
                cancellationToken: cancellationToken))).ToList();
            foreach (var claim in claims)
            {
                var (title, body) = ClaimSearchIndex.Analyse(claim.Title, claim.Text, claim.Language, claim.TranslationEn);
                await connection.ExecuteAsync(new CommandDefinition(
                    ClaimSearchIndex.Upsert,
                    new { claimId = claim.Id, Version = ClaimSearchIndex.AnalysisVersion, Title = title, Body = body },
                    transaction,
                    cancellationToken: cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
            indexed += claims.Count;
            if (claims.Count < Batch)
            {
                return indexed;
            }
        }
    }

    private sealed record Pending(long Id, string Title, string Text, string Language, string? TranslationEn);
}
