namespace FactCheck.Web.Features.Intake.Extraction;

internal readonly record struct PhraseMatch<T>(int Start, int End, T Value)
{
    public int Count => End - Start;
}

/// Cue phrases compiled into a word trie, matched on token keys: longest match wins. "*" in a phrase stands for one
/// to four words ("rejected * account"); an all-capital entry ("WHO", "AS") only matches all-capital text.
internal sealed class PhraseSet<T>
{
    private const int MaxGap = 4;
    private readonly Node root = new();

    public PhraseSet(IEnumerable<KeyValuePair<string, T>> phrases)
    {
        foreach (var (phrase, value) in phrases)
        {
            Add(phrase, value);
        }
    }

    public bool IsEmpty => root.Next is null && root.Gap is null;

    private void Add(string phrase, T value)
    {
        var node = root;
        var words = Tokenizer.Tokenize(phrase.Trim());
        if (words.Count == 0)
        {
            return;
        }

        foreach (var word in words)
        {
            if (word.Text == "*")
            {
                node = node.Gap ??= new Node();
                continue;
            }

            var key = word.IsAcronym ? "^" + word.Key : word.Key;
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Next.TryGetValue(key, out var next))
            {
                node.Next[key] = next = new Node();
            }

            node = next;
        }

        node.HasValue = true;
        node.Value = value;
    }

    public bool TryMatch(IReadOnlyList<Token> tokens, int at, out PhraseMatch<T> match)
    {
        var best = -1;
        T? value = default;
        Walk(root, tokens, at, ref best, ref value);
        match = best > at ? new PhraseMatch<T>(at, best, value!) : default;
        return best > at;
    }

    /// Non-overlapping matches from left to right within [from, to).
    public List<PhraseMatch<T>> FindAll(IReadOnlyList<Token> tokens, int from, int to)
    {
        var found = new List<PhraseMatch<T>>();
        for (var i = from; i < to; i++)
        {
            if (TryMatch(tokens, i, out var match) && match.End <= to)
            {
                found.Add(match);
                i = match.End - 1;
            }
        }

        return found;
    }

    private static void Walk(Node node, IReadOnlyList<Token> tokens, int at, ref int best, ref T? value)
    {
        if (node.HasValue && at > best)
        {
            best = at;
            value = node.Value;
        }

        if (at >= tokens.Count)
        {
            return;
        }

        if (node.Next is not null)
        {
            var token = tokens[at];
            if (node.Next.TryGetValue(token.Key, out var next))
            {
                Walk(next, tokens, at + 1, ref best, ref value);
            }

            if (token.IsAcronym && node.Next.TryGetValue("^" + token.Key, out var acronym))
            {
                Walk(acronym, tokens, at + 1, ref best, ref value);
            }
        }

        if (node.Gap is not null)
        {
            // A possessive apostrophe ("the villagers' accusation") is part of a word, not a stop.
            for (var skip = 1; skip <= MaxGap && at + skip <= tokens.Count && (!tokens[at + skip - 1].IsPunct || Possessive(tokens, at + skip - 1)); skip++)
            {
                Walk(node.Gap, tokens, at + skip, ref best, ref value);
            }
        }
    }

    private static bool Possessive(IReadOnlyList<Token> tokens, int k) =>
        k > 0 && tokens[k].Text is "'" or "’" && tokens[k - 1].IsWord && Tokenizer.IsAdjacent(tokens[k - 1], tokens[k]);

    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public Node? Gap;
        public bool HasValue;
        public T? Value;
    }
}

internal static class PhraseSet
{
    public static PhraseSet<bool> Of(IEnumerable<string>? phrases) =>
        new((phrases ?? []).Select(p => KeyValuePair.Create(p, true)));

    public static PhraseSet<T> Of<T>(IDictionary<string, T>? phrases) => new(phrases ?? new Dictionary<string, T>());
}
