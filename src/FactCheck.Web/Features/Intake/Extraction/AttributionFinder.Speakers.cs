namespace FactCheck.Web.Features.Intake.Extraction;

/// A speaker's phrase before a verb: the name, whether it is a pronoun (and which), and where the phrase starts.
internal sealed record Speaker(NamePhrase? Name, bool Pronoun, string? PronounKey, int Start);

/// Reading the speaker's noun phrase: before a verb (back to the clause's start), after a cue, or across the commas of
/// an apposition ("Kepala BPBD Luwu Utara, Muhammad Arsyad, mengatakan"; "A doctor at X, who asked not to be named, said").
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

    /// The verb stands right after a comma: the speaker is in the comma-set pieces before it. Descriptions ("who asked
    /// not to be named", "viewed 2.3 million times", "71", "a coalition of civil society groups") are passed over; a
    /// name next to a role ("Kepala BPBD …, Muhammad Arsyad,"; "Dr. Kemi Balogun, the deputy governor,") is the speaker
    /// with the role as affiliation.
    private Speaker? Appositive(int comma)
    {
        var pieces = new List<(int Start, int End)>();
        var end = comma;
        while (pieces.Count < 5)
        {
            var start = end;
            while (start > 0 && end - start < MaxLookBack && !IsBoundary(start - 1))
            {
                start--;
            }

            pieces.Add((SkipConnectors(start, end), end));
            if (start > 1 && tokens[start - 1].Text == ",")
            {
                end = start - 1;
            }
            else
            {
                break;
            }
        }

        var at = 0;
        while (at < pieces.Count - 1 && Describes(pieces[at], true))
        {
            at++;
        }

        var (aStart, aEnd) = pieces[at];
        if (aEnd > aStart && LooksLikeClause(aStart, aEnd))
        {
            // "The allegation was made by River Action, a campaign group, which said": the name ending the clause.
            var name = aEnd;
            while (name > aStart && (tokens[name - 1].IsCapitalised || tokens[name - 1].IsAcronym))
            {
                name--;
            }

            return name < aEnd && ClaimantNames.Read(text, tokens, name, aEnd, cues, gazetteer) is { } ending ? new Speaker(ending, false, null, name) : null;
        }

        if (aEnd <= aStart || ClaimantNames.Read(text, tokens, aStart, aEnd, cues, gazetteer) is not { } first)
        {
            return null;
        }

        // "The figures, released by the Bureau of Statistics on Friday, show …": the author named in the description.
        if (first.Kind == "source" && at > 0)
        {
            var (byStart, byEnd) = pieces[at - 1];
            var by = tokens.FindIndex(byStart, byEnd - byStart, t => t.Key is "by" or "oleh");
            if (by > byStart && ReadAfter(by + 1) is ({ IsPerson: false } author, _))
            {
                return new Speaker(author, false, null, aStart);
            }
        }

        if (at + 1 < pieces.Count && pieces[at + 1] is var (bStart, bEnd) && bEnd > bStart && !Describes(pieces[at + 1], false) && !LooksLikeClause(bStart, bEnd)
            && ClaimantNames.Read(text, tokens, bStart, bEnd, cues, gazetteer) is { } second)
        {
            if (first is { IsPerson: true, RoleOnly: false } && (second.RoleOnly || !second.IsPerson))
            {
                return new Speaker(first with { Affiliation = Role(bStart, bEnd) }, false, null, bStart);
            }

            if (second is { IsPerson: true, RoleOnly: false } && (first.RoleOnly || !first.IsPerson))
            {
                return new Speaker(second with { Affiliation = Role(aStart, aEnd) }, false, null, bStart);
            }

            // "Camat Kenjeran, Hendra Wijaya,": a title with a place is the role of the untitled name.
            if (first is { IsPerson: true, Titled: false } && second.Titled)
            {
                return new Speaker(first with { Affiliation = Role(bStart, bEnd) }, false, null, bStart);
            }

            if (second is { IsPerson: true, Titled: false } && first.Titled)
            {
                return new Speaker(second with { Affiliation = Role(aStart, aEnd) }, false, null, bStart);
            }

            return new Speaker(first, false, null, bStart);
        }

        // "Dr. R. Meenakshi, a public health specialist at …, said": the description is the person's affiliation.
        if (at > 0 && first is { IsPerson: true, RoleOnly: false, Affiliation: null } && pieces[at - 1] is var (dStart, dEnd) && dEnd > dStart
            && tokens[dStart].Key is "a" or "an" or "seorang" && !LooksLikeClause(dStart, dEnd))
        {
            return new Speaker(first with { Affiliation = Role(dStart, dEnd) }, false, null, aStart);
        }

        return new Speaker(first, false, null, aStart);
    }

    /// A comma-set piece that says something about the phrase before it rather than naming anyone.
    private bool Describes((int Start, int End) piece, bool somethingBefore)
    {
        var (start, end) = piece;
        if (end <= start)
        {
            return true;
        }

        var first = tokens[start];
        if (first.IsNumber && end == start + 1)
        {
            return true;
        }

        // "Warga Desa Sukamaju, Kecamatan Cibungbulang,": the area above the one named is no speaker.
        if (somethingBefore && first.IsWord && cues.PlaceWords.Contains(first.Key))
        {
            return true;
        }

        if (!first.IsWord || first.IsCapitalised)
        {
            return false;
        }

        if (cues.RelativePronouns.Contains(first.Key))
        {
            return true;
        }

        // "many of whom have lived there for decades", "beberapa di antaranya yang …": a clause about the phrase before.
        for (var k = start + 1; k < Math.Min(end, start + 4); k++)
        {
            if (tokens[k].IsWord && cues.RelativePronouns.Contains(tokens[k].Key) && somethingBefore)
            {
                return true;
            }
        }

        var opensPhrase = cues.Determiners.Contains(first.Key) || cues.Quantifiers.TryMatch(tokens, start, out _)
            || cues.Titles.TryMatch(tokens, start, out _) || cues.Organisations.TryMatch(tokens, start, out _);
        if (!opensPhrase)
        {
            return true;
        }

        // "a coalition of civil society groups" after a name describes it; "the deputy governor" is a role.
        return somethingBefore && first.Key is "a" or "an" or "seorang" or "sebuah";
    }

    private string Role(int start, int end)
    {
        var role = ClaimantNames.Span(text, tokens, start, end).Trim();
        var first = role.Split(' ', 2);
        return first.Length == 2 && cues.Determiners.Contains(Tokenizer.KeyOf(first[0])) ? first[1] : role;
    }

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
