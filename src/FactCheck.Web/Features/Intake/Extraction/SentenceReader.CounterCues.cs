namespace FactCheck.Web.Features.Intake.Extraction;

/// Counter-claim cues in a sentence: a denial or dispute said by someone other than the claim's speaker, and the
/// words the cue's claim is about.
internal static partial class SentenceReader
{
    /// The first denial, dispute or mutual-blame cue; at one position the longest cue wins ("membantah klaim" is a dispute).
    private static CueHit? Counter(string text, List<Token> tokens, LanguageCues cues)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            CueHit? best = null;
            var length = 0;
            foreach (var (set, relation, reciprocal) in new[] { (cues.ReciprocalCues, "disputes", true), (cues.DisputeCues, "disputes", false), (cues.DenialCues, "denies", false) })
            {
                if (set.TryMatch(tokens, k, out var match) && match.Count > length)
                {
                    best = new CueHit(Span(text, tokens, match.Start, match.End), relation, reciprocal);
                    length = match.Count;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    private static string? Said(string text, List<Token> tokens, PhraseSet<bool> set, bool[] speaker, bool[]? inQuote)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!speaker[k] && (inQuote is null || !inQuote[k]) && set.TryMatch(tokens, k, out var match))
            {
                return Span(text, tokens, match.Start, match.End);
            }
        }

        return null;
    }

    /// "Thames Water said the figures were misleading": a rating word said by someone answers a claim.
    private static CueHit? AttributedDenial(string text, List<Token> tokens, LanguageCues cues, bool[] speaker, bool[] inQuote)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            // Said of something: "the figures were misleading", "called the claims false", "informasi itu hoaks".
            var predicate = false;
            for (var back = k - 1; back >= Math.Max(0, k - 3); back--)
            {
                predicate |= tokens[back].IsWord && (cues.Auxiliaries.Contains(tokens[back].Key) || cues.Demonstratives.Contains(tokens[back].Key)
                    || tokens[back].Key is "as" or "sebagai" or "called" or "adalah" or "merupakan" || cues.ClaimNouns.ContainsKey(tokens[back].Key));
            }

            if (!speaker[k] && predicate && cues.AttributedDenials.TryMatch(tokens, k, out var match))
            {
                return new CueHit(Span(text, tokens, match.Start, match.End), match.Value, false);
            }
        }

        return null;
    }

    private static PhraseMatch<bool>? Find(List<Token> tokens, PhraseSet<bool> set, bool[] inQuote)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!inQuote[k] && set.TryMatch(tokens, k, out var match))
            {
                return match;
            }
        }

        return null;
    }

    /// The stems a denial can share with the claim it answers (stop words left out); the linker leaves out the
    /// denier's own name on its side ("Kedutaan Besar China" shares nothing by being Chinese).
    private static HashSet<string> ContentWords(List<Token> tokens, LanguageCues cues, bool[] speaker, bool keep)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (speaker[k] == keep && token.IsWord && token.Key.Length >= 3 && !cues.StopWords.Contains(token.Key) && !cues.Auxiliaries.Contains(token.Key) && !cues.NegationWords.Contains(token.Key))
            {
                words.Add(WordStems.Of(token.Key, cues.Tag == "id"));
            }
        }

        return words;
    }
}
