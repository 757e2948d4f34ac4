namespace FactCheck.Web.Features.Intake.Extraction;

/// Reading a name after a cue or verb ("said Defence Minister John Harper"), and where a name or a clause ends.
internal sealed partial class AttributionFinder
{
    /// The claimant after a cue ("kata Presiden Rouhani,", "according to the regional governor, Oleksandr Petrenko",
    /// "according to figures released by the X": X; "according to the statement": the statement's author, later).
    private (NamePhrase? Name, int End) ReadAfter(int from)
    {
        var sourceEnd = from;
        while (sourceEnd < tokens.Count && tokens[sourceEnd].IsWord && cues.Determiners.Contains(tokens[sourceEnd].Key))
        {
            sourceEnd++;
        }

        if (cues.SourceNouns.TryMatch(tokens, sourceEnd, out var source))
        {
            var after = source.End < tokens.Count && tokens[source.End].IsWord && tokens[source.End].Key is "by" or "from" or "of" or "dari" or "oleh" ? source.End + 1 : source.End;
            if (after >= tokens.Count || EndsName(after) || (tokens[after].IsWord && cues.Demonstratives.Contains(tokens[after].Key)))
            {
                // "according to the statement", "menurut laporan itu": whose it is, the article said before; "citing early data" says nothing.
                var definite = sourceEnd > from || (after < tokens.Count && tokens[after].IsWord && cues.Demonstratives.Contains(tokens[after].Key));
                return definite ? (ClaimantNames.Source(ClaimantNames.Span(text, tokens, sourceEnd, source.End)), source.End) : (null, source.End);
            }

            from = after;
        }

        var end = from;
        while (end < tokens.Count && end - from < 16 && (!EndsName(end) || OfficeGoesOn(end)) && !(end > from && !tokens[end].IsCapitalised && cues.SourceNouns.TryMatch(tokens, end, out _)))
        {
            end++;
        }

        var name = end > from && !LooksLikeClause(from, end) ? ClaimantNames.Read(text, tokens, from, end, cues, gazetteer) : null;
        var roleLike = name is { IsPerson: true, NameWords: <= 1 } or { RoleOnly: true } || (name is { Titled: true } && !name.IsPerson) || name is { IsPerson: false };
        if (!roleLike)
        {
            // "said Lucy Harper, the group's chief executive": the role after the name is its affiliation.
            if (name is { IsPerson: true, Affiliation: null } && end + 1 < tokens.Count && tokens[end].Text == ",")
            {
                var roleEnd = end + 1;
                while (roleEnd < tokens.Count && roleEnd - end < 10 && !EndsName(roleEnd))
                {
                    roleEnd++;
                }

                if (!LooksLikeClause(end + 1, roleEnd) && ClaimantNames.Read(text, tokens, end + 1, roleEnd, cues, gazetteer) is { RoleOnly: true, IsPerson: true })
                {
                    return (name with { Affiliation = Role(end + 1, roleEnd) }, roleEnd);
                }
            }

            return (name, end);
        }

        // "kata prakirawan Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) Stasiun Masamba, Dewi Lestari": the name
        // after the role, however many commas the role holds.
        for (var comma = end; comma + 1 < tokens.Count && comma - end < 24 && tokens[comma].Text == ",";)
        {
            var next = comma + 1;
            var last = next;
            while (last < tokens.Count && last - next < 8 && !EndsName(last))
            {
                last++;
            }

            if (ClaimantNames.Read(text, tokens, next, last, cues, gazetteer) is { IsPerson: true, RoleOnly: false, NameWords: >= 2 } person)
            {
                return (person with { Affiliation = Role(from, comma) }, last);
            }

            if (!name!.IsPerson && !name.RoleOnly && !name.Titled)
            {
                break;
            }

            comma = last;
        }

        return (name, end);
    }

    /// "a spokesperson for the health secretary", "director of the agency": an office named with what it serves.
    private bool OfficeGoesOn(int k) =>
        k > 0 && k + 1 < tokens.Count && tokens[k].Key is "for" or "of" or "at" && cues.Titles.TryMatch(tokens, k - 1, out var title) && title.End == k
        && (tokens[k + 1].Key == "the" || tokens[k + 1].IsCapitalised);

    private bool EndsName(int k)
    {
        var t = tokens[k];
        if (inDate[k] || (t.IsWord && cues.EndsPhrase(t.Key)) || (t.IsWord && !t.IsCapitalised && cues.PreVerbs.TryMatch(tokens, k, out _)))
        {
            return true;
        }

        // "menurut Direktur Jenderal Pajak disebabkan oleh …": a verb ends the name.
        if (t.IsWord && !t.IsCapitalised && (cues.Auxiliaries.Contains(t.Key) || (cues.IsVerbShaped(t.Key) && !cues.StopWords.Contains(t.Key))
            && !cues.Titles.TryMatch(tokens, k, out _) && !cues.Organisations.TryMatch(tokens, k, out _)))
        {
            return true;
        }

        // "accused by opposition councillors of hiding …": what they accused of is not part of who.
        if (t.Key == "of" && k + 1 < tokens.Count && tokens[k + 1].Key.EndsWith("ing", StringComparison.Ordinal))
        {
            return true;
        }

        // "Badan … (BPBD) Luwu Utara": an acronym in brackets inside a name.
        if (t.Text == "(" && k + 3 < tokens.Count && ClaimantNames.IsAbbreviation(tokens[k + 1]) && tokens[k + 2].Text == ")" && tokens[k + 3].IsCapitalised)
        {
            return false;
        }

        if (t.Text == ")" && k >= 2 && ClaimantNames.IsAbbreviation(tokens[k - 1]) && tokens[k - 2].Text == "(" && k + 1 < tokens.Count && tokens[k + 1].IsCapitalised)
        {
            return false;
        }

        // "Mr." and "Dr." continue a name; other punctuation ends it.
        return t.IsPunct && !(t.Text == "." && k > 0 && tokens[k - 1].IsWord && tokens[k - 1].Text.Length <= 4 && k + 1 < tokens.Count && tokens[k + 1].IsCapitalised)
            && !(t.Text == "'" && k > 0 && Tokenizer.IsAdjacent(tokens[k - 1], t));
    }

    /// A stretch that reads as a clause rather than a noun phrase: a verb, an auxiliary or "bahwa"/"that" outside a
    /// restrictive relative clause ("witnesses who spoke to the Gazette" is a phrase), or too long to be a name.
    private bool LooksLikeClause(int start, int end)
    {
        var words = 0;
        for (var k = start; k < end; k++)
        {
            var t = tokens[k];
            if (!t.IsWord)
            {
                continue;
            }

            words++;
            if (k > start && cues.RelativePronouns.Contains(t.Key))
            {
                break;
            }

            if (t.IsCapitalised || inQuote[k] || (k > 0 && tokens[k - 1].Text == "@"))
            {
                continue;
            }

            if (cues.Titles.TryMatch(tokens, k, out var title) || cues.Organisations.TryMatch(tokens, k, out _))
            {
                k = Math.Max(k, (cues.Organisations.TryMatch(tokens, k, out var org) ? org.End : title.End) - 1);
                continue;
            }

            if (ModifiesNoun(k))
            {
                continue;
            }

            if (cues.Auxiliaries.Contains(t.Key) || cues.Complementisers.Contains(t.Key) || cues.PreVerbs.TryMatch(tokens, k, out _)
                || cues.EventVerbs.TryMatch(tokens, k, out _) || (cues.IsVerbShaped(t.Key) && !cues.StopWords.Contains(t.Key)))
            {
                return true;
            }
        }

        return words > 14;
    }

    private int SkipConnectors(int start, int limit)
    {
        while (start < limit && cues.Connectors.TryMatch(tokens, start, out var connector) && connector.End <= limit)
        {
            start = connector.End;
            while (start < limit && tokens[start].Text == ",")
            {
                start++;
            }
        }

        return start;
    }

    private bool StartsClause(int k) => SkipConnectors(0, k) == k;

    /// A comma, semicolon, colon, quote mark or a dash standing between spaces. Quote marks around a short name
    /// ("A group calling itself "NullHarbor" posted") are part of the phrase.
    private bool IsBoundary(int k)
    {
        var t = tokens[k];
        if (!t.IsPunct)
        {
            return false;
        }

        if (t.IsQuote)
        {
            return !QuotesAName(k);
        }

        return t.Text is "," or ";" or ":" or "—" or "[" or "]"
            || (t.Text is "-" or "–" && (k == 0 || !Tokenizer.IsAdjacent(tokens[k - 1], t)) && (k + 1 >= tokens.Count || !Tokenizer.IsAdjacent(t, tokens[k + 1])));
    }

    private bool QuotesAName(int k)
    {
        for (var step = -1; step <= 1; step += 2)
        {
            var j = k + step;
            var words = 0;
            while (j >= 0 && j < tokens.Count && tokens[j].IsWord && tokens[j].IsCapitalised && words < 4)
            {
                j += step;
                words++;
            }

            if (words > 0 && j >= 0 && j < tokens.Count && tokens[j].IsQuote)
            {
                return true;
            }
        }

        return false;
    }
}
