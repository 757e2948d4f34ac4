using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Claims already recorded that look like the given text (while a claim is being typed, or for an API client).
/// Candidates come from the full-text index, queried by the input's most distinctive words; each is then scored
/// by how much of the input's weight (words weighted by rarity) it shares, from 0 (nothing) to 1 (everything).
[AllowAnyStaff]
public sealed record FindSimilarClaims(string Text, int Limit = 8, long? ExcludeClaimId = null) : IQuery<IReadOnlyList<SimilarClaim>>;

public sealed record SimilarClaim(long Id, string Title, string Text, string? TranslationEn, string Language, string Status, string Claimant, double Score);

public sealed class FindSimilarClaimsHandler(Db db) : IQueryHandler<FindSimilarClaims, IReadOnlyList<SimilarClaim>>
{
    private const int QueryTerms = 8;
    private const int Candidates = 40;
    private const double MinimumScore = 0.2;

    public async ValueTask<IReadOnlyList<SimilarClaim>> Handle(FindSimilarClaims query, CancellationToken cancellationToken)
    {
        var terms = SearchText.Terms(query.Text.Length > 5000 ? query.Text[..5000] : query.Text);
        if (terms.Count == 0)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var frequencies = (await connection.QueryAsync<(string Term, long Docs)>(new CommandDefinition(
            "SELECT term, doc FROM claims_fts_terms WHERE term IN @terms", new { terms }, cancellationToken: cancellationToken)))
            .ToDictionary(t => t.Term, t => t.Docs);
        if (frequencies.Count == 0)
        {
            return [];
        }

        var documents = Math.Max(1, await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(id), 1) FROM claims", cancellationToken: cancellationToken)));
        var weights = terms.ToDictionary(t => t, t => Math.Log(1 + (double)documents / (frequencies.GetValueOrDefault(t) + 1)));
        var distinctive = frequencies.OrderBy(f => f.Value).Take(QueryTerms).Select(f => $"\"{f.Key}\"");
        // Candidates carry no score column: a computed column has no declared type, and when every candidate is
        // filtered out (merged, excluded) Dapper would be handed a BLOB-typed empty result it cannot map.
        var rows = await connection.QueryAsync<Candidate>(new CommandDefinition(
            """
            SELECT c.id AS Id, c.title AS Title, c.text AS Text, c.translation_en AS TranslationEn, c.language AS Language,
                   c.status AS Status, p.name AS Claimant
            FROM (SELECT rowid AS id, rank FROM claims_fts WHERE claims_fts MATCH @match ORDER BY rank LIMIT @Candidates) m
            JOIN claims c ON c.id = m.id JOIN claimants p ON p.id = c.claimant_id
            WHERE c.status <> 'merged' AND (@ExcludeClaimId IS NULL OR c.id <> @ExcludeClaimId)
            ORDER BY m.rank
            """,
            new { match = string.Join(" OR ", distinctive), Candidates, query.ExcludeClaimId },
            cancellationToken: cancellationToken));

        var total = weights.Values.Sum();
        return rows
            .Select(r =>
            {
                var words = SearchText.Terms($"{r.Title} {r.Text} {r.TranslationEn}").ToHashSet(StringComparer.Ordinal);
                var shared = weights.Where(w => words.Contains(w.Key)).Sum(w => w.Value);
                return new SimilarClaim(r.Id, r.Title, r.Text, r.TranslationEn, r.Language, r.Status, r.Claimant, Math.Round(shared / total, 3));
            })
            .Where(r => r.Score >= MinimumScore)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Id)
            .Take(Math.Clamp(query.Limit, 1, 25))
            .ToList();
    }

    private sealed record Candidate(long Id, string Title, string Text, string? TranslationEn, string Language, string Status, string Claimant);
}
