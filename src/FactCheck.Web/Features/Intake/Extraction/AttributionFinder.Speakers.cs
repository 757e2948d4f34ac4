namespace FactCheck.Web.Features.Intake.Extraction;

/// A speaker's phrase before a verb: the name, whether it is a pronoun (and which), and where the phrase starts.
internal sealed record Speaker(NamePhrase? Name, bool Pronoun, string? PronounKey, int Start);

/// Reading the speaker's noun phrase before a verb, back to the clause's start. (After a cue or verb: AttributionFinder.Names;
/// across the commas of an apposition: AttributionFinder.Appositions.)
internal sealed partial class AttributionFinder
{
    /// The noun phrase before a verb, back to the clause's start, without connectors ("Sementara itu,", "Namun"), time
    /// phrases and adverbs ("Rouhani pada hari Rabu (7/10/2020) mengungkapkan" is Rouhani), and never a clause.
    private Speaker? Subject(int verb)
    {
        var clause = verb;
        while (clause > 0 && verb - clause < MaxLookBack && !IsBoundary(clause - 1))
        {
            clause--;
        }

        var start = SkipConnectors(clause, verb);
        var end = verb;

        // "Welfizon Yuza, ketika dihubungi menyatakan": a time clause alone before the verb; the speaker is before its comma.
        if (start < verb && IsTimeWord(start) && clause > 1 && tokens[clause - 1].Text == ",")
        {
            return Appositive(clause - 1);
        }

        while (end > start && TrailsSubject(end - 1, start))
        {
            end--;
        }

        while (start < end && (inDate[start] || (tokens[start].IsWord && cues.PhraseStops.Contains(tokens[start].Key) && start + 1 < end && inDate[start + 1])))
        {
            start++;
        }

        // "X saat dikonfirmasi mengatakan", "X, when asked, said": the speaker ends where the time clause starts.
        for (var k = start + 1; k < end; k++)
        {
            if (!tokens[k].IsCapitalised && IsTimeWord(k))
            {
                end = k;
                break;
            }
        }

        // "Pemerintah melalui Kementerian Keuangan menyatakan": the body that spoke for it.
        for (var k = end - 2; k > start; k--)
        {
            if (tokens[k].IsWord && tokens[k].Key is "melalui" or "lewat" or "through" or "via" && tokens[k + 1].IsCapitalised)
            {
                start = k + 1;
                break;
            }
        }

        // "…, a charge the firm denied": the speaker is the last noun phrase of the stretch.
        for (var k = end - 1; k > start + 1 && !cues.UnitHeadFirst; k--)
        {
            if (tokens[k].IsWord && tokens[k].Key is "the" or "a" or "an" && tokens[k - 1].IsWord && !cues.StopWords.Contains(tokens[k - 1].Key)
                && !tokens[k - 1].Key.EndsWith("ing", StringComparison.Ordinal) && !tokens[k - 1].Key.EndsWith("ed", StringComparison.Ordinal)
                && !cues.PhraseStops.Contains(tokens[k - 1].Key) && !cues.Determiners.Contains(tokens[k - 1].Key) && !cues.RelativePronouns.Contains(tokens[k - 1].Key))
            {
                start = k;
                break;
            }
        }

        if (end > start)
        {
            if (end == start + 1 && cues.Pronouns.Contains(tokens[start].Key))
            {
                return new Speaker(null, true, tokens[start].Key, start);
            }

            // "River Action, a campaign group, which said …": the phrase before the comma said it.
            if (end == start + 1 && cues.RelativePronouns.Contains(tokens[start].Key) && start > 1 && tokens[start - 1].Text == ",")
            {
                return Appositive(start - 1);
            }

            // "Beredar unggahan di Facebook yang menyebut …": the speaker is the phrase before "yang".
            if (end - start > 1 && tokens[end - 1].IsWord && cues.RelativePronouns.Contains(tokens[end - 1].Key))
            {
                end--;
                while (start < end && tokens[start].IsWord && cues.Presentatives.Contains(tokens[start].Key))
                {
                    start++;
                }

                // "Beredar di media sosial narasi yang menyebutkan …": the post after where it circulates.
                if (start < end && tokens[start].IsWord && cues.Locatives.Contains(tokens[start].Key))
                {
                    for (var k = end - 1; k > start; k--)
                    {
                        if (cues.PostNouns.TryMatch(tokens, k, out var post) && post.End <= end)
                        {
                            start = k;
                            break;
                        }
                    }
                }
            }

            var name = end > start && !LooksLikeClause(start, end) ? ClaimantNames.Read(text, tokens, start, end, cues, gazetteer) : null;
            return name is null ? null : new Speaker(name, false, null, start);
        }

        return clause == verb && clause > 1 && tokens[clause - 1].Text == "," ? Appositive(clause - 1) : null;
    }

    private bool IsTimeWord(int k) =>
        tokens[k].IsWord && tokens[k].Key is "saat" or "ketika" or "usai" or "seusai" or "setelah" or "sebelum" or "sesudah" or "when" or "after" or "before" or "upon";

    /// Adverbs, time phrases and prepositions left between a speaker and the verb.
    private bool TrailsSubject(int k, int start)
    {
        var t = tokens[k];
        if (inDate[k] || (t.IsWord && cues.SubjectSkip.Contains(t.Key)))
        {
            return true;
        }


        return t.IsWord && cues.PhraseStops.Contains(t.Key) && !cues.RelativePronouns.Contains(t.Key) && k > start;
    }
}
