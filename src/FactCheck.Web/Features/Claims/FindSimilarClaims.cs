using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Data.Sqlite;

namespace FactCheck.Web.Features.Claims;

/// Claims already recorded that look like the given text (while a claim is being typed, or for an API client).
/// Each of the input's words weighs by its rarity (inverse document frequency); a claim's score is the share
/// of the input's total weight that it contains, from 0 (nothing in common) to 1 (every word).
/// Work is bounded whatever the desk's size: candidates are gathered from the rarest words only, within a fixed
/// budget of index entries (or, if every word is common, from claims holding all of the rarest few), and only
/// the best candidates are scored on their full text. Ranking every match with bm25 costs time in proportion to
/// how common the words are, which is why it is not used here.
[AllowAnyStaff]
public sealed record FindSimilarClaims(string Text, int Limit = 8, long? ExcludeClaimId = null) : IQuery<IReadOnlyList<SimilarClaim>>;

public sealed record SimilarClaim(long Id, string Title, string Text, string? TranslationEn, string Language, string Status, string Claimant, double Score);

public sealed class FindSimilarClaimsHandler(Db db) : IQueryHandler<FindSimilarClaims, IReadOnlyList<SimilarClaim>>
{
    private const int PostingBudget = 6_000;
    private const int Shortlist = 60;
    private const double MinimumScore = 0.2;

    public async ValueTask<IReadOnlyList<SimilarClaim>> Handle(FindSimilarClaims query, CancellationToken cancellationToken)
    {
        var terms = SearchText.Terms(query.Text.Length > 5000 ? query.Text[..5000] : query.Text).Take(40).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var documents = Math.Max(1, await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(id), 1) FROM claims", cancellationToken: cancellationToken)));
        var frequencies = await FrequenciesAsync(connection, terms, cancellationToken);
        var present = frequencies.Where(f => f.Value > 0).OrderBy(f => f.Value).ToList();
        if (present.Count == 0)
        {
            return [];
        }

        var weights = terms.ToDictionary(t => t, t => Math.Log(1 + (double)documents / (frequencies.GetValueOrDefault(t) + 1)), StringComparer.Ordinal);
        var partial = new Dictionary<long, double>();
        var spent = 0L;
        foreach (var (term, docs) in present)
        {
            if (spent + docs > PostingBudget && spent > 0)
            {
                break;
            }

            spent += docs;
            if (docs > PostingBudget)
            {
                // Every word is common: take the claims that hold all of the rarest three, or two, or the rarest one.
                for (var k = Math.Min(3, present.Count); k >= 1 && partial.Count == 0; k--)
                {
                    var rarest = present.Take(k).ToList();
                    var all = string.Join(' ', rarest.Select(p => $"\"{p.Key}\""));
                    foreach (var id in await MatchAsync(connection, all, PostingBudget, cancellationToken))
                    {
                        partial[id] = rarest.Sum(p => weights[p.Key]);
                    }
                }

                break;
            }

            foreach (var id in await MatchAsync(connection, $"\"{term}\"", PostingBudget, cancellationToken))
            {
                partial[id] = partial.GetValueOrDefault(id) + weights[term];
            }
        }

        if (query.ExcludeClaimId is { } excluded)
        {
            partial.Remove(excluded);
        }

        var shortlist = partial.OrderByDescending(p => p.Value).ThenByDescending(p => p.Key).Take(Shortlist).Select(p => p.Key).ToList();
        if (shortlist.Count == 0)
        {
            return [];
        }

        // No computed score column: it has no declared type, and an empty result of one cannot be mapped by Dapper.
        var rows = await connection.QueryAsync<Candidate>(new CommandDefinition(
            """
            SELECT c.id AS Id, c.title AS Title, c.text AS Text, c.translation_en AS TranslationEn, c.language AS Language,
                   c.status AS Status, p.name AS Claimant
            FROM claims c JOIN claimants p ON p.id = c.claimant_id
            WHERE c.id IN @shortlist AND c.status <> 'merged'
            """,
            new { shortlist },
            cancellationToken: cancellationToken));

        var total = weights.Values.Sum();
        return rows
            .Select(r =>
            {
                var words = SearchText.Terms($"{r.Title} {r.Text} {r.TranslationEn}").ToHashSet(StringComparer.Ordinal);
                var score = Math.Round(weights.Where(w => words.Contains(w.Key)).Sum(w => w.Value) / total, 3);
                return new SimilarClaim(r.Id, r.Title, r.Text, r.TranslationEn, r.Language, r.Status, r.Claimant, score);
            })
            .Where(r => r.Score >= MinimumScore)
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Id)
            .Take(Math.Clamp(query.Limit, 1, 25))
            .ToList();
    }

    /// Common terms from the cache; the rest (new or rare, so cheap) counted live from the index.
    private static async Task<Dictionary<string, long>> FrequenciesAsync(SqliteConnection connection, List<string> terms, CancellationToken ct)
    {
        var cached = (await connection.QueryAsync<(string Term, long Docs)>(new CommandDefinition(
            "SELECT term, docs FROM search_term_stats WHERE term IN @terms", new { terms }, cancellationToken: ct)))
            .ToDictionary(t => t.Term, t => t.Docs, StringComparer.Ordinal);
        foreach (var term in terms.Where(t => !cached.ContainsKey(t)))
        {
            cached[term] = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT doc FROM claims_fts_terms WHERE term = @term", new { term }, cancellationToken: ct)) ?? 0;
        }

        return cached;
    }

    private static async Task<IEnumerable<long>> MatchAsync(SqliteConnection connection, string match, int limit, CancellationToken ct) =>
        await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT rowid FROM claims_fts WHERE claims_fts MATCH @match ORDER BY rowid DESC LIMIT @limit", new { match, limit }, cancellationToken: ct));

    private sealed record Candidate(long Id, string Title, string Text, string? TranslationEn, string Language, string Status, string Claimant);
}
