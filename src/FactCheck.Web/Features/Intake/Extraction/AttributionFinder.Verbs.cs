namespace FactCheck.Web.Features.Intake.Extraction;

/// Speaker-led attributions: "X mengatakan/said …" (and the denial and dispute verbs), "…," kata X / "…," said X,
/// "…," ujarnya; and where the claim starts after the verb.
internal sealed partial class AttributionFinder
{
    private Attribution? Verbs()
    {
        // "…, ungkap Dedi, kakak salah satu korban": a speaker named after the claim at its end wins over a verb inside it.
        for (var k = tokens.Count - 1; k > 2; k--)
        {
            if (!inQuote[k] && tokens[k].IsWord && IsBoundary(k - 1) && tokens[k - 1].Text == "," && cues.PostVerbs.TryMatch(tokens, k, out var last)
                && NameFollows(last.End) && ReadAfter(last.End) is ({ IsPerson: true, RoleOnly: false } closing, var closingEnd)
                && (closingEnd >= tokens.Count || tokens[closingEnd].IsPunct || inDate[closingEnd]))
            {
                return new Attribution(closing, false, CueText(last), tokens[0].Start, Before(k), false, tokens[k].Start, SentenceEnd, last.End, closingEnd);
            }
        }

        for (var k = 0; k < tokens.Count; k++)
        {
            if (inQuote[k] || !tokens[k].IsWord)
            {
                continue;
            }

            if (cues.PronounPostVerbs.TryMatch(tokens, k, out var clitic) && k > 0 && IsBoundary(k - 1))
            {
                return new Attribution(null, true, CueText(clitic), tokens[0].Start, Before(k), false, tokens[k].Start, SentenceEnd, PronounKey: "nya");
            }

            var verb = VerbAt(k);
            if (verb is not { } cue)
            {
                continue;
            }

            // "A former administrator accused of stealing …", "a video shared on TikTok claims …": a participle after a
            // noun, not someone speaking.
            if (cue.End < tokens.Count && tokens[cue.End].Key == "of" && cues.AccusationVerbs.TryMatch(tokens, k, out _))
            {
                continue;
            }

            if (ModifiesNoun(k))
            {
                continue;
            }

            // "…, said Defence Minister John Harper": a name after the verb wins over the clause before the comma.
            if (k > 0 && IsBoundary(k - 1) && cues.PostVerbs.TryMatch(tokens, k, out var postFirst) && NameFollows(postFirst.End) && ReadAfter(postFirst.End) is ({ } named, var namedEnd)
                && (namedEnd >= tokens.Count || tokens[namedEnd].IsPunct || inDate[namedEnd] || cues.PhraseStops.Contains(tokens[namedEnd].Key)))
            {
                return new Attribution(named, false, CueText(postFirst), tokens[0].Start, Before(k), false, tokens[k].Start, SentenceEnd, postFirst.End, namedEnd);
            }

            if (Subject(k) is { } subject)
            {
                // "<claim>, officials said" and "\"<quote>,\" X said": the claim comes before the speaker.
                var verbLed = IsVerbLed(k);
                var leadEnd = SkipConnectors(0, subject.Start);
                var adverbial = leadEnd < subject.Start && tokens[leadEnd].IsWord && cues.PhraseStops.Contains(tokens[leadEnd].Key) && subject.Start > 0 && tokens[subject.Start - 1].Text == ",";
                var claimBefore = !verbLed && !adverbial && CountWords(leadEnd, subject.Start) >= 3;
                var (from, to) = (subject.Start, k);
                return claimBefore
                    ? new Attribution(subject.Name, subject.Pronoun, CueText(cue), tokens[leadEnd].Start, Before(subject.Start), false, tokens[subject.Start].Start, SentenceEnd, from, to, subject.PronounKey)
                    : new Attribution(subject.Name, subject.Pronoun, CueText(cue), After(ContentAfterVerb(cue.End)), SentenceEnd, verbLed, tokens[subject.Start].Start, After(ContentAfterVerb(cue.End)), from, to, subject.PronounKey);
            }

            // "…," kata dia / "…," said he: the speaker named before.
            if (k > 0 && IsBoundary(k - 1) && cues.PostVerbs.TryMatch(tokens, k, out var postPronoun) && postPronoun.End < tokens.Count && cues.Pronouns.Contains(tokens[postPronoun.End].Key))
            {
                return new Attribution(null, true, CueText(postPronoun), tokens[0].Start, Before(k), false, tokens[k].Start, SentenceEnd, PronounKey: tokens[postPronoun.End].Key);
            }

            if (cues.PostVerbs.TryMatch(tokens, k, out var post) && k > 0 && IsBoundary(k - 1) && ReadAfter(post.End) is ({ } name, var nameEnd))
            {
                return new Attribution(name, false, CueText(post), tokens[0].Start, Before(k), false, tokens[k].Start, SentenceEnd, post.End, nameEnd);
            }
        }

        return null;
    }

    /// "a video shared on TikTok", "figures released by", "shared widely on": a participle before a preposition is no verb.
    private bool ModifiesNoun(int k) =>
        !cues.UnitHeadFirst && tokens[k].Key.EndsWith("ed", StringComparison.Ordinal) && k + 1 < tokens.Count
        && (tokens[k + 1].Key is "on" or "by" or "in" or "to" or "across" or "online" || (tokens[k + 1].Key.EndsWith("ly", StringComparison.Ordinal) && k + 2 < tokens.Count && tokens[k + 2].Key is "on" or "by" or "in" or "to" or "across" or "online"))
        && k > 0 && tokens[k - 1].IsWord && !cues.Pronouns.Contains(tokens[k - 1].Key) && !cues.Auxiliaries.Contains(tokens[k - 1].Key) && !cues.SubjectSkip.Contains(tokens[k - 1].Key);

    /// "said Defence Minister John Harper", "said the ministry", "said police": a name, a title or an institution
    /// follows the verb, not the claim ("said 41 patients had waited", "said dashcam video she had been shown").
    private bool NameFollows(int k) =>
        k < tokens.Count && tokens[k].IsWord && (tokens[k].IsCapitalised || cues.Determiners.Contains(tokens[k].Key) || cues.Titles.TryMatch(tokens, k, out _)
            || cues.Organisations.TryMatch(tokens, k, out _) || cues.Quantifiers.TryMatch(tokens, k, out _));

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

    /// Past what follows a verb before the claim itself: "on Monday that", "pada hari Senin bahwa", ", ", and the
    /// listener of "told MPs on Wednesday that".
    private int ContentAfterVerb(int k)
    {
        // "told the Commons the government would …", "told reporters": the listener is not the claim.
        if (k > 0 && tokens[k - 1].Key is "told" or "tells" or "tell" or "informed" or "briefed" && k < tokens.Count)
        {
            var listener = k + (tokens[k].Key is "the" ? 1 : 0);
            while (listener < tokens.Count && (tokens[listener].IsCapitalised || tokens[listener].IsAcronym))
            {
                listener++;
            }

            k = listener > k + (tokens[k].Key is "the" ? 1 : 0) ? listener : k;
        }

        for (var ahead = k; ahead < Math.Min(tokens.Count, k + 7) && !tokens[ahead].IsPunct; ahead++)
        {
            if (ahead > k && tokens[ahead].IsWord && cues.Complementisers.Contains(tokens[ahead].Key) && !cues.RelativePronouns.Contains(tokens[ahead - 1].Key))
            {
                k = ahead + 1;
                break;
            }
        }

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
}
