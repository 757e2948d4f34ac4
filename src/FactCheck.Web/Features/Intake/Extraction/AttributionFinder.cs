namespace FactCheck.Web.Features.Intake.Extraction;

/// Who a sentence attributes its claim to, as written (before pronouns, surnames and acronyms are resolved). Content
/// is the claim without the attribution, for the title: "konflik itu telah menewaskan 5.000 orang".
/// VerbLed is true when the verb itself carries the claim ("X membantah …", "X accused …"): the title keeps it.
/// SaidStart..SaidEnd is the attribution itself ("the ministry said in a statement on Friday"): a date there is the
/// date of the claim, before any date inside the claim ("killed 119 people since Monday").
/// NameFrom..NameTo are the tokens of the speaker's phrase with its appositions ("One post on X sharing the clip,
/// viewed more than 2.3 million times,"): a number there describes the speaker and is not the claim's figure.
/// PronounKey is the pronoun that stands for the speaker ("mereka", "she", "nya" for "ujarnya").
/// BackReference is set by "Hal itu disampaikan X": X also said the sentence before.
internal sealed record Attribution(
    NamePhrase? Name, bool Pronoun, string Cue, int ContentStart, int ContentEnd, bool VerbLed = false, int SaidStart = 0, int SaidEnd = 0,
    int NameFrom = -1, int NameTo = -1, string? PronounKey = null, bool BackReference = false);

/// The attribution forms, tried in this order: "Menurut X," / "according to X"; "Hal itu disampaikan X"; passive
/// "dibantah (oleh) X"; "Dalam X disebutkan"; "X mengatakan/said …" (and the denial and dispute verbs);
/// "…," kata X / "…," said X; "…," ujarnya.
internal sealed partial class AttributionFinder(string text, List<Token> tokens, LanguageCues cues, PhraseSet<bool> gazetteer, bool[] inQuote, bool[] inDate)
{
    private const int MaxLookBack = 18;

    public Attribution? Find()
    {
        return FirstFrom(cues.AccordingTo, AccordingTo) ?? FirstFrom(cues.BackReferences, BackReference) ?? FirstFrom(cues.PassiveCues, Passive)
            ?? FirstFrom(cues.SourcePassives, SourcePassive) ?? Verbs();
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
        // "Menurut dia, …", "Menurutnya, …": the speaker named before.
        var last = tokens[cue.End - 1].Key;
        var pronounEnd = cue.End < tokens.Count && cues.Pronouns.Contains(tokens[cue.End].Key) ? cue.End + 1
            : last.EndsWith("nya", StringComparison.Ordinal) || cues.Pronouns.Contains(last) ? cue.End : -1;
        if (pronounEnd > 0 && StartsClause(cue.Start))
        {
            var key = pronounEnd > cue.End ? tokens[cue.End].Key : last.EndsWith("nya", StringComparison.Ordinal) ? "nya" : last;
            var after = After(ContentAfterVerb(pronounEnd));
            return new Attribution(null, true, CueText(cue), after, SentenceEnd, false, tokens[cue.Start].Start, after, cue.Start, pronounEnd, key);
        }

        var (name, end) = ReadAfter(cue.End);
        if (name is null)
        {
            return null;
        }

        // "Menurut X, <claim>" or "<claim>, according to X."
        var claim = After(ContentAfterVerb(SkipParenthesis(end)));
        return StartsClause(cue.Start)
            ? new Attribution(name, false, CueText(cue), claim, SentenceEnd, false, tokens[cue.Start].Start, claim, cue.Start, end)
            : new Attribution(name, false, CueText(cue), tokens[0].Start, Before(cue.Start), false, tokens[cue.Start].Start, SentenceEnd, cue.Start, end);
    }

    private Attribution? BackReference(PhraseMatch<bool> cue)
    {
        var from = cue.End < tokens.Count && cues.AgentMarkers.Contains(tokens[cue.End].Key) ? cue.End + 1 : cue.End;
        var (name, end) = ReadAfter(from);
        if (name is null)
        {
            return null;
        }

        // "Hal itu disampaikan X dalam konferensi pers, yang juga menyebutkan bahwa <claim>": the claim after "bahwa".
        var claim = end;
        while (claim < tokens.Count && !(tokens[claim].IsWord && cues.Complementisers.Contains(tokens[claim].Key)))
        {
            claim++;
        }

        var content = claim < tokens.Count ? After(claim + 1) : After(end);
        return new Attribution(name, false, CueText(cue), content, SentenceEnd, false, tokens[cue.Start].Start, content, from, end, BackReference: true);
    }

    private Attribution? Passive(PhraseMatch<bool> cue)
    {
        var from = cue.End < tokens.Count && cues.AgentMarkers.Contains(tokens[cue.End].Key) ? cue.End + 1 : cue.End;
        var (name, end) = ReadAfter(from);
        return name is null ? null : new Attribution(name, false, CueText(cue), tokens[0].Start, tokens[cue.End - 1].End, false, tokens[cue.Start].Start, SentenceEnd, from, end);
    }

    /// "Dalam unggahan tersebut juga disebutkan bahwa …": the source is the phrase after the clause's preposition.
    private Attribution? SourcePassive(PhraseMatch<bool> cue)
    {
        var start = SkipConnectors(0, cue.Start);
        if (start >= cue.Start || !tokens[start].IsWord || !cues.PhraseStops.Contains(tokens[start].Key))
        {
            return null;
        }

        var end = cue.Start;
        while (end > start + 1 && tokens[end - 1].IsWord && cues.SubjectSkip.Contains(tokens[end - 1].Key))
        {
            end--;
        }

        var name = end > start + 1 && !LooksLikeClause(start + 1, end) ? ClaimantNames.Read(text, tokens, start + 1, end, cues, gazetteer) : null;
        var content = After(ContentAfterVerb(cue.End));
        return name is null ? null : new Attribution(name, false, CueText(cue), content, SentenceEnd, false, tokens[start].Start, content, start + 1, end);
    }

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
}
