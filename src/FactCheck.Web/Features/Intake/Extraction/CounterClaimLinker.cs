namespace FactCheck.Web.Features.Intake.Extraction;

/// Links each denial or dispute to the claim it answers, looking only backwards and only at claims by someone else:
/// 1. an anaphor ("tuduhan itu", "the accusation") points to the latest accusation ("menuduh", "accused"), else the latest claim;
/// 2. otherwise the claim among the last three that shares the most content words with it (the nearest on a tie);
/// 3. otherwise the claim in the sentence right before it; failing all three, no link. Mutual blame ("saling
///    menyalahkan", "blame each other") answers no single claim and is never linked.
internal static class CounterClaimLinker
{
    private const int Window = 3;
    private const int AnaphorWindow = 5;

    public static List<CandidateLink> Link(IReadOnlyList<(int Number, SentenceFacts Facts)> candidates)
    {
        var links = new List<CandidateLink>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var (number, facts) = candidates[i];
            if (facts.Counter is not { Reciprocal: false } counter)
            {
                continue;
            }

            var earlier = new List<(int Number, SentenceFacts Facts)>();
            for (var j = i - 1; j >= 0 && earlier.Count < AnaphorWindow; j--)
            {
                var other = candidates[j].Facts;
                if (other.Counter is null && !SameClaimant(facts.Claimant, other.Claimant))
                {
                    earlier.Add(candidates[j]);
                }
            }

            if (Target(facts, earlier) is { } target)
            {
                links.Add(new CandidateLink(number, target, counter.Relation, counter.Words));
            }
        }

        return links;
    }

    private static int? Target(SentenceFacts facts, List<(int Number, SentenceFacts Facts)> earlier)
    {
        if (earlier.Count == 0)
        {
            return null;
        }

        if (facts.Anaphor)
        {
            return earlier.FirstOrDefault(e => e.Facts.Accuses) is { Facts: not null } accusation ? accusation.Number : earlier[0].Number;
        }

        var own = facts.Claimant is null ? [] : Tokenizer.Tokenize(facts.Claimant.Name).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var words = facts.ContentWords.Where(w => !own.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var best = earlier.Take(Window)
            .Select((e, order) => (e.Number, Shared: e.Facts.ContentWords.Count(words.Contains), order))
            .OrderByDescending(e => e.Shared).ThenBy(e => e.order)
            .First();
        if (best.Shared > 0)
        {
            return best.Number;
        }

        return earlier[0].Facts.Sentence.Index == facts.Sentence.Index - 1 ? earlier[0].Number : null;
    }

    private static bool SameClaimant(CandidateClaimant? a, CandidateClaimant? b) =>
        a is not null && b is not null && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}
