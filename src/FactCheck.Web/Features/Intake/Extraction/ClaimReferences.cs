namespace FactCheck.Web.Features.Intake.Extraction;

/// A phrase with which a sentence points back at a claim made before it: an anaphor from the cue data ("tuduhan itu",
/// "the accusation", "that account"), a possessive ("the lawyer's claims", "the DRC's claim", "the union's figures") or
/// an Indonesian noun with its owner ("klaim tentara"). The owner is resolved to a claimant as the sentence is read;
/// "the claim that …" says what it answers and is not a reference.
internal static class ClaimReferences
{
    public static ClaimReference? Find(string text, List<Token> tokens, LanguageCues cues, PhraseSet<bool> gazetteer, ClaimantMemory memory, bool[] inQuote)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            // A quoted denial points back too ("\"Tuduhan itu tidak benar,\" kata X").
            if (!tokens[k].IsWord)
            {
                continue;
            }

            // "membantahnya", "denied it", "rejected this": the verb's object points back.
            if ((cues.DenialCues.TryMatch(tokens, k, out var verb) || cues.DisputeCues.TryMatch(tokens, k, out verb))
                && (tokens[verb.End - 1].Key.EndsWith("nya", StringComparison.Ordinal)
                    || (verb.End < tokens.Count && tokens[verb.End].Key is "it" or "this" or "that" or "them" or "these" or "those"
                        && (verb.End + 1 >= tokens.Count || tokens[verb.End + 1].IsPunct))))
            {
                var end = tokens[verb.End - 1].Key.EndsWith("nya", StringComparison.Ordinal) ? verb.End : verb.End + 1;
                return new ClaimReference(Span(text, tokens, verb.Start, end), "claim", null);
            }

            if (cues.Anaphors.TryMatch(tokens, k, out var anaphor) && !(anaphor.End < tokens.Count && cues.Complementisers.Contains(tokens[anaphor.End].Key)))
            {
                return new ClaimReference(Span(text, tokens, anaphor.Start, anaphor.End), KindIn(tokens, anaphor.Start, anaphor.End, cues), null);
            }

            // "the union's claim that …" names whose claim it is even when it also says what was claimed.
            if (Possessive(tokens, k, cues) is { } noun)
            {
                var from = k;
                while (from > 0 && k - from < 3 && tokens[from - 1].IsCapitalised)
                {
                    from--;
                }

                var ownerWords = text[tokens[from].Start..tokens[k].End];
                var owner = Owner(ownerWords, cues, gazetteer, memory);
                return new ClaimReference(Span(text, tokens, from, noun + 1), cues.ClaimNouns[tokens[noun].Key], owner, Plain(ownerWords),
                    noun + 1 < tokens.Count && cues.Complementisers.Contains(tokens[noun + 1].Key));
            }

            // "that characterisation", "those figures": an English demonstrative before a claim noun.
            if (!cues.UnitHeadFirst && cues.Demonstratives.Contains(tokens[k].Key) && k + 1 < tokens.Count && cues.ClaimNouns.TryGetValue(tokens[k + 1].Key, out var pointed)
                && !(k + 2 < tokens.Count && cues.Complementisers.Contains(tokens[k + 2].Key)))
            {
                return new ClaimReference(Span(text, tokens, k, k + 2), pointed, null);
            }

            // "klaim tentara soal …", "tudingan Serikat Pekerja": Indonesian puts the owner after the noun.
            if (cues.UnitHeadFirst && cues.ClaimNouns.TryGetValue(tokens[k].Key, out var kind) && k > 0 && k + 1 < tokens.Count && tokens[k + 1].IsWord
                && !cues.Demonstratives.Contains(tokens[k + 1].Key) && !cues.Complementisers.Contains(tokens[k + 1].Key) && !cues.StopWords.Contains(tokens[k + 1].Key)
                && (cues.DenialCues.TryMatch(tokens, k - 1, out _) || cues.DisputeCues.TryMatch(tokens, k - 1, out _) || cues.PreVerbs.TryMatch(tokens, k - 1, out _)))
            {
                var end = k + 1;
                while (end < tokens.Count && end - k <= 5 && tokens[end].IsWord && !cues.EndsPhrase(tokens[end].Key) && !cues.Demonstratives.Contains(tokens[end].Key))
                {
                    end++;
                }

                if (end > k + 1)
                {
                    var ownerWords = text[tokens[k + 1].Start..tokens[end - 1].End];
                    var owner = Owner(ownerWords, cues, gazetteer, memory);
                    return new ClaimReference(Span(text, tokens, k, end), kind, owner, ownerWords);
                }
            }
        }

        return null;
    }

    /// The claim noun after a possessive ("lawyer's claims", "Banks' account"), or null.
    private static int? Possessive(List<Token> tokens, int k, LanguageCues cues)
    {
        if (tokens[k].Key.EndsWith("'s", StringComparison.Ordinal) && k + 1 < tokens.Count && cues.ClaimNouns.ContainsKey(tokens[k + 1].Key))
        {
            return k + 1;
        }

        return k + 2 < tokens.Count && tokens[k + 1].Text == "'" && Tokenizer.IsAdjacent(tokens[k], tokens[k + 1]) && cues.ClaimNouns.ContainsKey(tokens[k + 2].Key)
            ? k + 2 : null;
    }

    private static string Plain(string words) =>
        words.EndsWith("'s", StringComparison.Ordinal) || words.EndsWith("’s", StringComparison.Ordinal) ? words[..^2] : words.TrimEnd('\'', '’');

    private static string? Owner(string words, LanguageCues cues, PhraseSet<bool> gazetteer, ClaimantMemory memory)
    {
        var plain = Plain(words);
        var tokens = Tokenizer.Tokenize(plain);
        return tokens.Count == 0 || ClaimantNames.Read(plain, tokens, 0, tokens.Count, cues, gazetteer) is not { } name ? null : memory.Find(name, cues)?.Name;
    }

    private static string KindIn(List<Token> tokens, int start, int end, LanguageCues cues)
    {
        for (var k = start; k < end; k++)
        {
            if (cues.ClaimNouns.TryGetValue(tokens[k].Key, out var kind))
            {
                return kind;
            }
        }

        return "claim";
    }

    private static string Span(string text, List<Token> tokens, int start, int end) => end > start ? text[tokens[start].Start..tokens[end - 1].End] : "";
}
