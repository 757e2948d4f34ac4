namespace FactCheck.Web.Features.Intake.Extraction;

/// The pieces of a claimant phrase: the name without quantifiers and trailing words, whether it is led by a title,
/// how many words of it are a name, and the affiliation before it.
internal static partial class ClaimantNames
{
    /// "A group calling itself "NullHarbor"": the name after the naming words, described by what comes before.
    private static NamePhrase? Named(string text, List<Token> tokens, int start, int end, LanguageCues cues, PhraseSet<bool> gazetteer)
    {
        for (var k = start + 1; k < end; k++)
        {
            if (!cues.NamingPhrases.TryMatch(tokens, k, out var naming) || naming.End >= end)
            {
                continue;
            }

            var (nameStart, nameEnd) = (naming.End, end);
            while (nameStart < nameEnd && tokens[nameStart].IsPunct)
            {
                nameStart++;
            }

            while (nameEnd > nameStart && tokens[nameEnd - 1].IsPunct)
            {
                nameEnd--;
            }

            if (nameEnd <= nameStart || !tokens[nameStart].IsCapitalised)
            {
                return null;
            }

            var description = Read(text, tokens, start, k, cues, gazetteer);
            var kind = description is { IsPerson: false } ? description.Kind : "other";
            return new NamePhrase(Span(text, tokens, nameStart, nameEnd), kind, description?.Name, false, false, nameEnd - nameStart);
        }

        return null;
    }

    /// Drops leading articles and quantifiers ("the", "sejumlah", "a group of", "Two"), a source in front of its author
    /// ("Data sementara BPBD" is BPBD), a trailing demonstrative ("Paguyuban korban tersebut"), a trailing "(BNPB)" and
    /// stray punctuation. Plural is set when a quantifier of more than one was dropped.
    private static (int Start, int End, bool Plural) Trim(List<Token> tokens, int start, int end, LanguageCues cues)
    {
        var plural = false;
        for (var changed = true; changed && start < end;)
        {
            changed = false;
            if (tokens[start].IsPunct && !tokens[start].IsQuote)
            {
                start++;
                changed = true;
            }
            else if (cues.Quantifiers.TryMatch(tokens, start, out var quantifier) && quantifier.End < end && !cues.Organisations.TryMatch(tokens, start, out _))
            {
                plural |= !Singular.Contains(string.Join(' ', tokens.Skip(start).Take(quantifier.Count).Select(t => t.Key)));
                start = quantifier.End;
                changed = true;
            }
            else if (tokens[start].IsWord && cues.Determiners.Contains(tokens[start].Key) && start + 1 < end && !cues.Organisations.TryMatch(tokens, start, out _))
            {
                start++;
                changed = true;
            }
            else if (cues.SourceNouns.TryMatch(tokens, start, out var source) && source.End < end)
            {
                var after = source.End;
                after += tokens[after].IsWord && tokens[after].Key is "by" or "from" or "of" or "dari" or "oleh" ? 1 : 0;
                (start, changed) = after < end && (tokens[after].IsCapitalised || cues.Organisations.TryMatch(tokens, after, out _) || cues.Determiners.Contains(tokens[after].Key))
                    ? (after, true) : (start, false);
            }
        }

        if (end - start > 2 && tokens[end - 1].Text == ")")
        {
            var open = end - 2;
            while (open > start && tokens[open].Text != "(")
            {
                open--;
            }

            end = open > start ? open : end;
        }

        while (end > start && (tokens[end - 1].IsPunct && tokens[end - 1].Text != ")" || (end - start > 1 && tokens[end - 1].IsWord && cues.Demonstratives.Contains(tokens[end - 1].Key) && cues.UnitHeadFirst)))
        {
            end--;
        }

        return (start, end, plural);
    }

    /// The phrase's head is an office: Indonesian puts it first ("Kepala Dinas …"), English last, before what follows
    /// the noun ("council spokeswoman", "the council's cabinet member for environment", "doctor at the hospital").
    private static bool HeadIsTitle(List<Token> tokens, int start, int end, LanguageCues cues)
    {
        if (cues.UnitHeadFirst)
        {
            return cues.Titles.TryMatch(tokens, start, out _);
        }

        var head = end;
        for (var k = start + 1; k < end; k++)
        {
            var t = tokens[k];
            if (t.IsPunct || (t.IsWord && !t.IsCapitalised && (cues.PhraseStops.Contains(t.Key) || cues.RelativePronouns.Contains(t.Key) || t.Key == "of")))
            {
                head = k;
                break;
            }
        }

        for (var k = head - 1; k >= start; k--)
        {
            if (cues.Titles.TryMatch(tokens, k, out var title) && title.End == head)
            {
                return true;
            }
        }

        return false;
    }

    private static int CountNameWords(List<Token> tokens, int start, int end, LanguageCues cues)
    {
        var count = 0;
        for (var k = start; k < end; k++)
        {
            var token = tokens[k];
            if (token.IsCapitalised)
            {
                count++;
            }
            else if (!(token.IsWord && cues.NameParticles.Contains(token.Key) && k > start && k < end - 1) && token.Text != ".")
            {
                return 0;
            }
        }

        return count;
    }

    /// The role before a name, without a trailing honorific ("Kepala Dinas Kesehatan Kota Bandung dr." reads without "dr.").
    private static string? Affiliation(string text, List<Token> tokens, int start, int nameStart, LanguageCues cues)
    {
        // "Dr.", "Kiai Haji": courtesy titles alone are no affiliation.
        var office = start;
        while (office < nameStart && cues.Honorifics.TryMatch(tokens, office, out var honorific) && honorific.End <= nameStart)
        {
            office = honorific.End;
            office += office < nameStart && tokens[office].Text == "." ? 1 : 0;
        }

        if (office >= nameStart)
        {
            return null;
        }

        var end = nameStart;
        if (end - start >= 3 && tokens[end - 1].Text == "." && tokens[end - 2].IsWord && tokens[end - 2].Text.Length <= 4)
        {
            end -= 2;
        }

        while (end > start && tokens[end - 1].IsPunct)
        {
            end--;
        }

        return end > start ? Span(text, tokens, start, end) : null;
    }
}
