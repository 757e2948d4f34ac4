namespace FactCheck.Web.Features.Intake.Extraction;

/// Reading the speaker's noun phrase: before a verb (back to the clause's start), after a cue, or one comma further
/// back when a role stands between name and verb.
internal sealed partial class AttributionFinder
{
    /// The noun phrase before a verb: back to the clause's start, without connectors ("Sementara itu,", "Namun") and
    /// cut before time phrases and adverbs ("Rouhani pada hari Rabu (7/10/2020) mengungkapkan" is Rouhani).
    private (NamePhrase? Name, bool Pronoun, int Start)? Subject(int verb)
    {
        var clause = verb;
        while (clause > 0 && verb - clause < MaxLookBack && !IsBoundary(clause - 1))
        {
            clause--;
        }

        var start = SkipConnectors(clause, verb);
        var end = start;
        while (end < verb && !EndsSubject(end))
        {
            end++;
        }

        for (var k = end; k < verb; k++)
        {
            var t = tokens[k];
            if (t.IsWord && !t.IsCapitalised && !EndsSubject(k))
            {
                return null;
            }
        }

        if (end == start + 1 && cues.Pronouns.Contains(tokens[start].Key))
        {
            return (null, true, start);
        }

        if (end > start)
        {
            var name = ClaimantNames.Read(text, tokens, start, end, cues, gazetteer);
            return name is null ? null : (name, false, start);
        }

        // "Dr. Kemi Balogun, the deputy governor, told reporters": the name sits one comma further back.
        return clause == verb && clause > 1 && tokens[clause - 1].Text == "," ? Appositive(clause - 1) : null;
    }

    private (NamePhrase? Name, bool Pronoun, int Start)? Appositive(int comma)
    {
        var roleStart = comma;
        while (roleStart > 0 && comma - roleStart < MaxLookBack && !IsBoundary(roleStart - 1))
        {
            roleStart--;
        }

        var role = ClaimantNames.Read(text, tokens, roleStart, comma, cues, gazetteer);
        if (roleStart > 1 && tokens[roleStart - 1].Text == ",")
        {
            var nameStart = roleStart - 1;
            while (nameStart > 0 && roleStart - nameStart < MaxLookBack && !IsBoundary(nameStart - 1))
            {
                nameStart--;
            }

            nameStart = SkipConnectors(nameStart, roleStart - 1);
            if (ClaimantNames.Read(text, tokens, nameStart, roleStart - 1, cues, gazetteer) is { IsPerson: true, RoleOnly: false } person
                && (role is null || role.RoleOnly || role.Kind != "person"))
            {
                var affiliation = ClaimantNames.Capitalise(ClaimantNames.Span(text, tokens, roleStart, comma).TrimStart());
                return (person with { Affiliation = StripArticle(affiliation) }, false, nameStart);
            }
        }

        return role is null ? null : (role, false, roleStart);
    }

    /// The claimant after a cue ("kata Presiden Rouhani,", "according to the regional governor, Oleksandr Petrenko").
    private (NamePhrase? Name, int End) ReadAfter(int from)
    {
        var end = from;
        while (end < tokens.Count && end - from < 12 && !EndsName(end))
        {
            end++;
        }

        var name = end > from ? ClaimantNames.Read(text, tokens, from, end, cues, gazetteer) : null;
        var roleLike = name is { IsPerson: true, NameWords: <= 1 } or { RoleOnly: true } || (name is { Titled: true } && !name.IsPerson);
        if (roleLike && end + 1 < tokens.Count && tokens[end].Text == ",")
        {
            var next = end + 1;
            var last = next;
            while (last < tokens.Count && last - next < 8 && !EndsName(last))
            {
                last++;
            }

            if (ClaimantNames.Read(text, tokens, next, last, cues, gazetteer) is { IsPerson: true, RoleOnly: false, NameWords: >= 2 } person)
            {
                return (person with { Affiliation = StripArticle(ClaimantNames.Span(text, tokens, from, end)) }, last);
            }
        }

        return (name, end);
    }

    private bool EndsName(int k)
    {
        var t = tokens[k];
        if (inDate[k] || (t.IsWord && cues.EndsPhrase(t.Key)) || (t.IsWord && !t.IsCapitalised && cues.PreVerbs.TryMatch(tokens, k, out _)))
        {
            return true;
        }

        // "Mr." and "Dr." continue a name; other punctuation ends it.
        return t.IsPunct && !(t.Text == "." && k > 0 && tokens[k - 1].IsWord && tokens[k - 1].Text.Length <= 4 && k + 1 < tokens.Count && tokens[k + 1].IsCapitalised)
            && !(t.Text == "'" && k > 0 && Tokenizer.IsAdjacent(tokens[k - 1], t));
    }

    private bool EndsSubject(int k)
    {
        var t = tokens[k];
        return inDate[k] || (t.IsWord && (cues.EndsPhrase(t.Key) || cues.SubjectSkip.Contains(t.Key))) || t.Text is "(" or ")";
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

    /// A comma, semicolon, colon, quote mark or a dash standing between spaces.
    private bool IsBoundary(int k)
    {
        var t = tokens[k];
        if (!t.IsPunct)
        {
            return false;
        }

        return t.Text is "," or ";" or ":" or "—" || t.IsQuote
            || (t.Text is "-" or "–" && (k == 0 || !Tokenizer.IsAdjacent(tokens[k - 1], t)) && (k + 1 >= tokens.Count || !Tokenizer.IsAdjacent(t, tokens[k + 1])));
    }
}
