namespace FactCheck.Web.Features.Intake.Extraction;

/// A claimant as written: Name ("Vladimir Putin", "Kementerian Pertahanan Azerbaijan"), the role before a person's
/// name ("Presiden Rusia"), whether the phrase named only a role ("the deputy governor") and whether it has a title at all.
internal sealed record NamePhrase(string Name, string Kind, string? Affiliation, bool IsPerson, bool RoleOnly, int NameWords, bool Titled = false);

/// Splits a claimant phrase into name and role with the cue data: titles, organisation words and places are the role,
/// the capitalised words after the last of them are the person's name. A phrase with an organisation word and no
/// person's name is an organisation and keeps its whole name; a phrase of places only is a government ("Moskwa").
internal static class ClaimantNames
{
    private const int MaxWords = 8;

    public static NamePhrase? Read(string text, List<Token> tokens, int start, int end, LanguageCues cues, PhraseSet<bool> gazetteer)
    {
        (start, end) = Trim(tokens, start, end, cues);
        if (start >= end || end - start > MaxWords + 4)
        {
            return null;
        }

        var role = new bool[end - start];
        var words = 0;
        var titled = false;
        var placesOnly = true;
        string? organisation = null;
        for (var k = start; k < end; k++)
        {
            var token = tokens[k];
            words += token.IsWord ? 1 : 0;
            if (cues.Titles.TryMatch(tokens, k, out var title) && title.End <= end)
            {
                titled = true;
                Mark(role, k - start, title.End - start);
                k = title.End - 1;
                placesOnly = false;
            }
            else if (cues.Organisations.TryMatch(tokens, k, out var org) && org.End <= end)
            {
                organisation ??= org.Value;
                Mark(role, k - start, org.End - start);
                k = org.End - 1;
                placesOnly = false;
            }
            else if (token.IsCapitalised && gazetteer.TryMatch(tokens, k, out var place) && place.End <= end)
            {
                Mark(role, k - start, place.End - start);
                k = place.End - 1;
            }
            else
            {
                var particle = token.IsWord && cues.NameParticles.Contains(token.Key);
                role[k - start] = token.IsAcronym || token.Key.EndsWith("'s", StringComparison.Ordinal) || (token.IsWord && !token.IsCapitalised && !particle) || token.Text is "(" or ")";
                placesOnly &= particle || token.IsPunct;
            }
        }

        if (words == 0 || words > MaxWords)
        {
            return null;
        }

        var lastRole = role.Length;
        while (lastRole > 0 && !role[lastRole - 1])
        {
            lastRole--;
        }

        var nameStart = start + lastRole;
        var nameWords = CountNameWords(tokens, nameStart, end, cues);
        if (titled && nameWords > 0)
        {
            return new NamePhrase(Span(text, tokens, nameStart, end), "person", Affiliation(text, tokens, start, nameStart), true, false, nameWords, true);
        }

        var phrase = Capitalise(Span(text, tokens, start, end));
        if (organisation is not null)
        {
            return new NamePhrase(phrase, organisation, null, false, false, words, titled);
        }

        if (titled)
        {
            return new NamePhrase(phrase, "person", null, true, true, 0, true);
        }

        if (placesOnly && lastRole > 0)
        {
            return new NamePhrase(phrase, "government", null, false, false, words);
        }

        return lastRole == 0 && nameWords == words ? new NamePhrase(phrase, "person", null, true, false, nameWords) : null;
    }

    /// Drops leading articles ("the", "para"), a trailing "(BNPB)" and stray punctuation.
    private static (int Start, int End) Trim(List<Token> tokens, int start, int end, LanguageCues cues)
    {
        while (start < end && (tokens[start].IsPunct || (tokens[start].IsWord && cues.Determiners.Contains(tokens[start].Key) && !cues.Organisations.TryMatch(tokens, start, out _))))
        {
            start++;
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

        while (end > start && tokens[end - 1].IsPunct && tokens[end - 1].Text != ")")
        {
            end--;
        }

        return (start, end);
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
    private static string? Affiliation(string text, List<Token> tokens, int start, int nameStart)
    {
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

    public static string Span(string text, List<Token> tokens, int start, int end) =>
        text[tokens[start].Start..tokens[end - 1].End];

    /// "pemerintah Baku" reads "Pemerintah Baku": only the first letter changes, so "Pejabat lokal" stays as written.
    public static string Capitalise(string phrase) =>
        phrase.Length > 0 && char.IsLower(phrase[0]) ? char.ToUpperInvariant(phrase[0]) + phrase[1..] : phrase;

    private static void Mark(bool[] role, int from, int to)
    {
        for (var k = from; k < to && k < role.Length; k++)
        {
            role[k] = true;
        }
    }
}
