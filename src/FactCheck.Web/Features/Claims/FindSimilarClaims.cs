using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using System.Data.Common;

namespace FactCheck.Web.Features.Claims;

/// Claims already recorded that look like the given text (while a claim is being typed, or for an API client).
/// Each of the input's words weighs by its rarity (inverse document frequency); a claim holds a word if it holds
/// any of its readings (the word or its Indonesian or English stems, WordStems), so "serangan" is found in
/// "menyerang"; a claim's score is the share of the input's total weight that it holds, from 0 (nothing in common)
/// to 1 (every word).
/// Work is bounded whatever the desk's size: candidates are gathered from the rarest words only, within a fixed
/// budget of index entries (or, if every word is common, from claims holding all of the rarest few), and only
/// the best candidates are scored on all their stored terms. Ranking every match with bm25 costs time in proportion to
/// how common the words are, which is why it is not used here.
[AllowAnyStaff]
public sealed record FindSimilarClaims(string Text, int Limit = 8, long? ExcludeClaimId = null) : IQuery<IReadOnlyList<SimilarClaim>>;

public sealed record SimilarClaim(long Id, string Title, string Text, string? TranslationEn, string Language, string Status, string Claimant, double Score);

public sealed class FindSimilarClaimsHandler(Db db) : IQueryHandler<FindSimilarClaims, IReadOnlyList<SimilarClaim>>
{
    private const int PostingBudget = 6_000;
    private const int Shortlist = 60;
    private const double MinimumScore = 0.2;
    private const int LiveCountCap = 100;

    public async ValueTask<IReadOnlyList<SimilarClaim>> Handle(FindSimilarClaims query, CancellationToken cancellationToken)
    {
        var words = SearchText.Terms(query.Text.Length > 5000 ? query.Text[..5000] : query.Text).Take(40)
            .ToDictionary(w => w, WordStems.Readings, StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var documents = Math.Max(1, await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(id), 1) FROM claims", cancellationToken: cancellationToken)));
        var frequencies = await FrequenciesAsync(connection, words.Values.SelectMany(r => r).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);

        // A word is as common as its most common reading; gathering its claims costs as many entries as all its readings have.
        var docs = words.ToDictionary(w => w.Key, w => w.Value.Max(r => frequencies.GetValueOrDefault(r)), StringComparer.Ordinal);
        var postings = words.ToDictionary(w => w.Key, w => w.Value.Sum(r => frequencies.GetValueOrDefault(r)), StringComparer.Ordinal);
        var present = docs.Where(d => d.Value > 0).OrderBy(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key).ToList();
        if (present.Count == 0)
        {
            return [];
        }

        var weights = words.Keys.ToDictionary(w => w, w => Math.Log(1 + (double)documents / (docs[w] + 1)), StringComparer.Ordinal);
        var partial = new Dictionary<long, double>();
        var spent = 0L;
        foreach (var word in present)
        {
            if ((spent + postings[word] > PostingBudget && spent > 0) || spent >= PostingBudget)
            {
                break;
            }

            if (postings[word] > PostingBudget)
            {
                // Every word is common: take the claims that hold all of the rarest three, or two, or the rarest one.
                for (var k = Math.Min(3, present.Count); k >= 1 && partial.Count == 0; k--)
                {
                    var rarest = present.Take(k).ToList();
                    var all = string.Join(" AND ", rarest.Select(w => $"({AnyReading(words[w])})"));
                    foreach (var id in await MatchAsync(connection, all, PostingBudget, cancellationToken))
                    {
                        partial[id] = rarest.Sum(w => weights[w]);
                    }
                }

                break;
            }

            // A live count stops at LiveCountCap, so what a word really costs is known only once it is read.
            var ids = (await MatchAsync(connection, AnyReading(words[word]), PostingBudget - (int)spent, cancellationToken)).ToList();
            spent += Math.Max(postings[word], ids.Count);
            foreach (var id in ids)
            {
                partial[id] = partial.GetValueOrDefault(id) + weights[word];
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
                   c.status AS Status, p.name AS Claimant, t.title || ' ' || t.body AS Terms
            FROM claims c JOIN claimants p ON p.id = c.claimant_id JOIN claim_search_terms t ON t.claim_id = c.id
            WHERE c.id IN @shortlist AND c.status <> 'merged'
            """,
            new { shortlist },
            cancellationToken: cancellationToken));

        var total = weights.Values.Sum();
        return rows
            .Select(r =>
            {
                var terms = r.Terms.Split(' ').ToHashSet(StringComparer.Ordinal);
                var score = Math.Round(words.Where(w => w.Value.Any(terms.Contains)).Sum(w => weights[w.Key]) / total, 3);
                return new SimilarClaim(r.Id, r.Title, r.Text, r.TranslationEn, r.Language, r.Status, r.Claimant, score);
            })
            .Where(r => r.Score >= MinimumScore)
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Id)
            .Take(Math.Clamp(query.Limit, 1, 25))
            .ToList();
    }

    private static string AnyReading(IReadOnlyList<string> readings) => string.Join(" OR ", readings.Select(r => $"\"{r}\""));

    /// Common terms from the cache; the rest (new or rare, so cheap) counted live from the index, up to LiveCountCap
    /// claims: until the next refresh, a term that became common since the last one costs no more than that.
    private static async Task<Dictionary<string, long>> FrequenciesAsync(DbConnection connection, List<string> terms, CancellationToken ct)
    {
        var cached = (await connection.QueryAsync<(string Term, long Docs)>(new CommandDefinition(
            "SELECT term, docs FROM search_term_stats WHERE term IN @terms", new { terms }, cancellationToken: ct)))
            .ToDictionary(t => t.Term, t => t.Docs, StringComparer.Ordinal);
        foreach (var term in terms.Where(t => !cached.ContainsKey(t)))
        {
            cached[term] = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT count(*) FROM ({connection.ClaimIdsMatching("@match")} LIMIT @LiveCountCap) m",
                new { match = Query(connection, $"\"{term}\""), LiveCountCap },
                cancellationToken: ct));
        }

        return cached;
    }

    private static async Task<IEnumerable<long>> MatchAsync(DbConnection connection, string match, int limit, CancellationToken ct) =>
        await connection.QueryAsync<long>(new CommandDefinition(
            $"{connection.ClaimIdsMatching("@match")} ORDER BY 1 DESC LIMIT @limit", new { match = Query(connection, match), limit }, cancellationToken: ct));

    private static string Query(DbConnection connection, string match) => connection.IsPostgres() ? SearchText.ToTsQuery(match) : match;

    private sealed record Candidate(long Id, string Title, string Text, string? TranslationEn, string Language, string Status, string Claimant, string Terms);
}
