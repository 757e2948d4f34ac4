namespace FactCheck.Web.Features.Intake.Extraction;

/// Who a sentence attributes its claim to, as written (before pronouns and surnames are resolved). Content is the
/// claim without the attribution, for the title: "konflik itu telah menewaskan 5.000 orang".
/// VerbLed is true when the verb itself carries the claim ("X membantah …", "X accused …"): the title keeps it.
/// SaidStart..SaidEnd is the attribution itself ("the ministry said in a statement on Friday"): a date there is the
/// date of the claim, before any date inside the claim ("killed 119 people since Monday").
internal sealed record Attribution(NamePhrase? Name, bool Pronoun, string Cue, int ContentStart, int ContentEnd, bool VerbLed = false, int SaidStart = 0, int SaidEnd = 0);

/// The attribution forms, tried in this order: "Menurut X," / "according to X"; passive "dibantah (oleh) X";
/// "X mengatakan/said …" (and the denial and dispute verbs); "…," kata X / "…," said X; "…," ujarnya.
internal sealed partial class AttributionFinder(string text, List<Token> tokens, LanguageCues cues, PhraseSet<bool> gazetteer, bool[] inQuote, bool[] inDate)
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
        var claim = After(ContentAfterVerb(SkipParenthesis(end)));
        return StartsClause(cue.Start)
            ? new Attribution(name, false, CueText(cue), claim, SentenceEnd, false, tokens[cue.Start].Start, claim)
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
