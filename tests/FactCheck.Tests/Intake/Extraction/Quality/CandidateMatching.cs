using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction.Quality;

// Shared with tests/FactCheck.Benchmarks (linked source): no xunit here.

/// Pairs proposed candidates with gold claims one to one (Corpus/README.md, "Scoring"):
/// 1. a candidate may stand for a gold claim only when its span overlaps the claim's snippet in the article;
/// 2. among those, the pairing with the most required claims matched wins, then the most optional ones, then the one
///    whose pairs agree most (snippet inside the candidate, same figure, same counter-claim flag, kind, claimant);
///    so a contrast sentence split in two, or a sentence with three figures, is paired clause by clause and figure by
///    figure whatever order the candidates come in.
/// The optimum is found exactly (Hungarian algorithm), so the result does not depend on the order of either list.
public static class CandidateMatching
{
    private const long Required = 1_000_000;
    private const long OptionalClaim = 10_000;

    /// For each gold claim, the index of its candidate in extraction.Candidates, or -1.
    public static int[] Match(ExtractionFixture fixture, ArticleExtraction extraction)
    {
        var claims = fixture.Expected.Claims;
        var candidates = extraction.Candidates;
        var spans = claims.Select(c => Locate(fixture, c.Sentence)).ToArray();
        var weights = new long[claims.Count, candidates.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            for (var j = 0; j < candidates.Count; j++)
            {
                weights[i, j] = Weight(claims[i], spans[i], candidates[j]);
            }
        }

        var assignment = MaximumWeight(weights, claims.Count, candidates.Count);
        for (var i = 0; i < assignment.Length; i++)
        {
            if (assignment[i] >= 0 && weights[i, assignment[i]] == 0)
            {
                assignment[i] = -1;
            }
        }

        return assignment;
    }

    /// Where a gold snippet sits in its article; the corpus test holds every snippet to exactly one occurrence.
    public static (int Start, int End) Locate(ExtractionFixture fixture, string snippet)
    {
        var at = fixture.Article.IndexOf(snippet, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidDataException($"{fixture.Name}: \"{snippet}\" is not in the article.");
        }

        return (at, at + snippet.Length);
    }

    private static long Weight(ExpectedClaim claim, (int Start, int End) snippet, ClaimCandidate candidate)
    {
        var start = candidate.Start;
        var end = candidate.Start + candidate.Length;
        if (end <= snippet.Start || snippet.End <= start)
        {
            return 0;
        }

        long agreement = 0;
        agreement += start <= snippet.Start && snippet.End <= end ? 16 : 0;
        agreement += ExtractionScoring.SameFigure(claim.Figure, candidate.Figure) ? 32
            : ExtractionScoring.SameFigureValue(claim.Figure, candidate.Figure) ? 8 : 0;
        agreement += claim.CounterClaim == candidate.CounterClaim ? 4 : 0;
        agreement += string.Equals(claim.Kind, candidate.Kind, StringComparison.Ordinal) ? 2 : 0;
        agreement += ExtractionScoring.SameClaimant(claim.Claimant, candidate.Claimant?.Name) ? 1 : 0;
        return (claim.Optional ? OptionalClaim : Required) + agreement;
    }

    /// Kuhn–Munkres on a square cost matrix padded with zero-weight cells: row i gets column result[i], or -1 for padding.
    private static int[] MaximumWeight(long[,] weights, int rows, int columns)
    {
        var n = Math.Max(rows, columns);
        var max = 0L;
        foreach (var w in weights)
        {
            max = Math.Max(max, w);
        }

        long Cost(int i, int j) => max - (i < rows && j < columns ? weights[i, j] : 0);

        // 1-based potentials and matching, as in the textbook formulation.
        var u = new long[n + 1];
        var v = new long[n + 1];
        var rowOf = new int[n + 1];
        var way = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            rowOf[0] = i;
            var j0 = 0;
            var minimum = Enumerable.Repeat(long.MaxValue, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                var i0 = rowOf[j0];
                var delta = long.MaxValue;
                var j1 = 0;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var current = Cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if (current < minimum[j])
                    {
                        minimum[j] = current;
                        way[j] = j0;
                    }

                    if (minimum[j] < delta)
                    {
                        delta = minimum[j];
                        j1 = j;
                    }
                }

                for (var j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minimum[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (rowOf[j0] != 0);

            do
            {
                var j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var result = Enumerable.Repeat(-1, rows).ToArray();
        for (var j = 1; j <= n; j++)
        {
            if (rowOf[j] >= 1 && rowOf[j] <= rows && j <= columns)
            {
                result[rowOf[j] - 1] = j - 1;
            }
        }

        return result;
    }
}
