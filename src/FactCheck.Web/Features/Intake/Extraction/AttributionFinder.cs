namespace FactCheck.Web.Features.Intake.Extraction;

/// Who a sentence attributes its claim to, as written (before pronouns and surnames are resolved). Content is the
/// claim without the attribution, for the title: "konflik itu telah menewaskan 5.000 orang".
/// VerbLed is true when the verb itself carries the claim ("X membantah …", "X accused …"): the title keeps it.
/// SaidStart..SaidEnd is the attribution itself ("the ministry said in a statement on Friday"): a date there is the
/// date of the claim, before any date inside the claim ("killed 119 people since Monday").
internal sealed record Attribution(NamePhrase? Name, bool Pronoun, string Cue, int ContentStart, int ContentEnd, bool VerbLed = false, int SaidStart = 0, int SaidEnd = 0);

/// The attribution forms, tried in this order: "Menurut X," / "according to X"; passive "dibantah (oleh) X";
/// "X mengatakan/said …" (and the denial and dispute verbs); "…," kata X / "…," said X; "…," ujarnya.
internal sealed class AttributionFinder(string text, List<Token> tokens, LanguageCues cues, PhraseSet<bool> gazetteer, bool[] inQuote, bool[] inDate)
{
    private const int MaxLookBack = 16;

    public Attribution? Find()
    {
        return FirstFrom(cues.AccordingTo, AccordingTo) ?? FirstFrom(cues.PassiveCues, Passive) ?? Verbs();
    }

    private Attribution? FirstFrom(PhraseSet<bool> cueSet, Func<PhraseMatch<bool>, Attribution?> read)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!inQuote[k] && cueSet.TryMatch(tokens, k, out var match) && read(match) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private Attribution? AccordingTo(PhraseMatch<bool> cue)
    {
        var (name, end) = ReadAfter(cue.End);
        if (name is null)
        {
            return null;
        }

        // "Menurut X, <claim>" or "<claim>, according to X."
        return StartsClause(cue.Start)
            ? new Attribution(name, false, CueText(cue), After(ContentAfterVerb(SkipParenthesis(end))), SentenceEnd, false, tokens[cue.Start].Start, After(ContentAfterVerb(SkipParenthesis(end))))
            : new Attribution(name, false, CueText(cue), tokens[0].Start, Before(cue.Start), false, tokens[cue.Start].Start, SentenceEnd);
    }

    private Attribution? Passive(PhraseMatch<bool> cue)
    {
        var from = cue.End < tokens.Count && cues.AgentMarkers.Contains(tokens[cue.End].Key) ? cue.End + 1 : cue.End;
        var (name, _) = ReadAfter(from);
        return name is null ? null : new Attribution(name, false, CueText(cue), tokens[0].Start, tokens[cue.End - 1].End, false, tokens[cue.Start].Start, SentenceEnd);
    }

    private Attribution? Verbs()
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (inQuote[k] || !tokens[k].IsWord)
            {
                continue;
            }

            if (cues.PronounPostVerbs.TryMatch(tokens, k, out var clitic) && k > 0 && IsBoundary(k - 1))
            {
                return new Attribution(null, true, CueText(clitic), tokens[0].Start, Before(k), false, tokens[k].Start, SentenceEnd);
            }

            var verb = VerbAt(k);
            if (verb is not { } cue)
            {
                continue;
            }

            if (Subject(k) is { } subject)
            {
                var (speaker, pronoun, subjectStart) = subject;
                // "<claim>, officials said" and "\"<quote>,\" X said": the claim comes before the speaker.
                var verbLed = IsVerbLed(k);
                var leadEnd = SkipConnectors(0, subjectStart);
                var claimBefore = !verbLed && CountWords(leadEnd, subjectStart) >= 3;
                return claimBefore
                    ? new Attribution(speaker, pronoun, CueText(cue), tokens[leadEnd].Start, Before(subjectStart), false, tokens[subjectStart].Start, SentenceEnd)
                    : new Attribution(speaker, pronoun, CueText(cue), After(ContentAfterVerb(cue.End)), SentenceEnd, verbLed, tokens[subjectStart].Start, After(ContentAfterVerb(cue.End)));
            }

            if (cues.PostVerbs.TryMatch(tokens, k, out var post) && k > 0 && IsBoundary(k - 1) && ReadAfter(post.End) is ({ } name, _))
            {
                return new Attribution(name, false, CueText(post), tokens[0].Start, Before(k), false, tokens[k].Start, SentenceEnd);
            }
        }

        return null;
    }

    private PhraseMatch<bool>? VerbAt(int k)
    {
        foreach (var set in new[] { cues.ReciprocalCues, cues.DisputeCues, cues.DenialCues, cues.PreVerbs, cues.PostVerbs })
        {
            if (set.TryMatch(tokens, k, out var match))
            {
                return match;
            }
        }

        return null;
    }

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

    /// Past what follows a verb before the claim itself: "on Monday that", "pada hari Senin bahwa", ", ".
    private int ContentAfterVerb(int k)
    {
        while (k < tokens.Count)
        {
            var t = tokens[k];
            var timeWord = t.IsWord && (cues.SubjectSkip.Contains(t.Key) || cues.PhraseStops.Contains(t.Key)) && NextIsDate(k + 1);
            if (inDate[k] || timeWord || t.Text is "," or ":" || (t.IsWord && cues.Complementisers.Contains(t.Key)))
            {
                k++;
                continue;
            }

            break;
        }

        return k;
    }

    private bool NextIsDate(int k)
    {
        while (k < tokens.Count && tokens[k].IsWord && cues.SubjectSkip.Contains(tokens[k].Key))
        {
            k++;
        }

        return k < tokens.Count && inDate[k];
    }

    private int SkipParenthesis(int k)
    {
        if (k < tokens.Count && tokens[k].Text == "(")
        {
            var close = k + 1;
            while (close < tokens.Count && close - k < 12 && tokens[close].Text != ")")
            {
                close++;
            }

            return close < tokens.Count && tokens[close].Text == ")" ? close + 1 : k;
        }

        return k;
    }

    private bool IsVerbLed(int k) =>
        cues.AccusationVerbs.TryMatch(tokens, k, out _) || cues.DenialCues.TryMatch(tokens, k, out _)
        || cues.DisputeCues.TryMatch(tokens, k, out _) || cues.ReciprocalCues.TryMatch(tokens, k, out _);

    private int CountWords(int from, int to)
    {
        var words = 0;
        for (var k = from; k < to; k++)
        {
            words += tokens[k].IsWord && !inDate[k] && !tokens[k].IsAcronym ? 1 : 0;
        }

        return words;
    }

    private int SentenceEnd => tokens[^1].End;

    private int After(int k) => k < tokens.Count ? tokens[k].Start : SentenceEnd;

    private int Before(int k)
    {
        while (k > 0 && tokens[k - 1].IsPunct && !tokens[k - 1].IsQuote)
        {
            k--;
        }

        return k > 0 ? tokens[k - 1].End : tokens[0].Start;
    }

    private string CueText(PhraseMatch<bool> cue) => text[tokens[cue.Start].Start..tokens[cue.End - 1].End];

    private string StripArticle(string phrase)
    {
        var first = phrase.Split(' ', 2);
        return first.Length == 2 && cues.Determiners.Contains(Tokenizer.KeyOf(first[0])) ? first[1] : phrase;
    }
}
