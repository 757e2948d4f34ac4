namespace FactCheck.Web.Features.Intake.Extraction;

/// Who and where a sentence names: the people in it, the one accused ("X menuduh Y"), and the place of the claim.
internal static partial class SentenceReader
{
    /// "accused Thames Water of …", "menuduh PT Sinar Jaya …": the accused organisation, remembered for "the company".
    private static void RegisterAccused(string text, List<Token> tokens, int k, LanguageCues cues, PhraseSet<bool> gazetteer, ClaimantMemory memory)
    {
        while (k < tokens.Count && tokens[k].IsWord && cues.Determiners.Contains(tokens[k].Key))
        {
            k++;
        }

        var end = k;
        while (end < tokens.Count && end - k < 6 && (tokens[end].IsCapitalised || tokens[end].IsAcronym))
        {
            end++;
        }

        if (end > k && ClaimantNames.Read(text, tokens, k, end, cues, gazetteer) is { IsPerson: false } accused)
        {
            memory.Register(accused);
        }
    }

    /// Who an accusation names: the head of the phrase after the verb ("menuduh perusahaan memecat" is "perusahaan",
    /// "accused the government of hiding" is "government").
    private static string? AccusedHead(List<Token> tokens, int k, LanguageCues cues)
    {
        while (k < tokens.Count && tokens[k].IsWord && (cues.StopWords.Contains(tokens[k].Key) || cues.Determiners.Contains(tokens[k].Key)))
        {
            k++;
        }

        if (k >= tokens.Count || !tokens[k].IsWord)
        {
            return null;
        }

        var head = k;
        while (!cues.UnitHeadFirst && head + 1 < tokens.Count && tokens[head + 1].IsWord && !cues.StopWords.Contains(tokens[head + 1].Key) && !cues.PhraseStops.Contains(tokens[head + 1].Key))
        {
            head++;
        }

        return tokens[head].Key;
    }

    /// Title-led names anywhere in the sentence ("Menteri Luar Negeri Amerika Serikat Mike Pompeo"), remembered so a
    /// later bare surname resolves to them.
    private static string? PeopleNamed(string text, List<Token> tokens, LanguageCues cues, PhraseSet<bool> gazetteer, ClaimantMemory memory)
    {
        string? first = null;

        // "…, Andi Syamsuddin, …" and "Budi Santoso (45)": a person introduced in passing, for a later "Andi" or "Budi".
        for (var k = 1; k + 2 < tokens.Count; k++)
        {
            if (tokens[k - 1].Text is not ("," or "(") || !tokens[k].IsCapitalised)
            {
                continue;
            }

            var end = k;
            while (end < tokens.Count && end - k < 4 && tokens[end].IsCapitalised && !cues.Titles.TryMatch(tokens, end, out _) && !gazetteer.TryMatch(tokens, end, out _))
            {
                end++;
            }

            var closes = end < tokens.Count && (tokens[end].Text is "," or ")" || (tokens[end].Text == "(" && end + 1 < tokens.Count && tokens[end + 1].IsNumber));
            if (end - k >= 2 && closes && ClaimantNames.Read(text, tokens, k, end, cues, gazetteer) is { IsPerson: true, RoleOnly: false, NameWords: >= 2 } passing)
            {
                memory.Remember(passing);
            }
        }

        for (var k = 0; k < tokens.Count; k++)
        {
            if (!cues.Titles.TryMatch(tokens, k, out var title))
            {
                continue;
            }

            var end = title.End;
            while (end < tokens.Count && end - k < 14 && (tokens[end].IsCapitalised || tokens[end].IsAcronym
                   || (tokens[end].Text == "." && tokens[end - 1].IsWord && tokens[end - 1].Text.Length <= 4)
                   || (tokens[end].IsWord && cues.NameParticles.Contains(tokens[end].Key) && end + 1 < tokens.Count && tokens[end + 1].IsCapitalised)))
            {
                end++;
            }

            if (ClaimantNames.Read(text, tokens, k, end, cues, gazetteer) is { IsPerson: true, RoleOnly: false, NameWords: >= 2 } person)
            {
                memory.Remember(person);
                first ??= person.Name;
            }

            k = end - 1;
        }

        return first;
    }

    /// Where the claimed thing happened: the capitalised run after a locative ("di Stepanakert", "in the town of Galle",
    /// "di depan Kantor Bupati Sukoharjo"), else a place from the gazetteer. Not where the statement was made (the
    /// attribution outside the speaker's phrase: "ujar Andi di Balai Kota"), not a dateline ("MAKASSAR —"), not part of
    /// a name ("Bank Indonesia", the claimant's own "Kementerian Pertahanan Azerbaijan"), not an adjective ("the
    /// Rohingya refugee camps").
    private static string? Place(List<Token> tokens, LanguageCues cues, PhraseSet<bool> gazetteer, CandidateClaimant? claimant, bool[] said)
    {
        string? named = null;
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            var opensSentence = k == 0 || tokens[k - 1].IsQuote;
            if (!said[k] && token.IsWord && (!token.IsCapitalised || opensSentence) && cues.Locatives.Contains(token.Key))
            {
                var start = k + 1;
                while (start < tokens.Count && tokens[start].IsWord && !tokens[start].IsCapitalised && (cues.Determiners.Contains(tokens[start].Key) || cues.PlaceLeads.TryMatch(tokens, start, out _)))
                {
                    start = cues.PlaceLeads.TryMatch(tokens, start, out var lead) ? lead.End : start + 1;
                    while (start < tokens.Count && tokens[start].Text == ",")
                    {
                        start++;
                    }
                }

                var end = start;
                while (end < tokens.Count && tokens[end].IsCapitalised && !IsDay(tokens[end], cues) && (end > start || !cues.Titles.TryMatch(tokens, end, out _)))
                {
                    end++;
                }

                // "di Jl. Merdeka" names a street, not a place; "di Stepanakert." at the sentence's end is a place.
                var abbreviation = end == start + 1 && end + 1 < tokens.Count && tokens[end].Text == "." && Tokenizer.IsAdjacent(tokens[start], tokens[end]) && tokens[start].Length <= 4;
                var adjective = end == start + 1 && end < tokens.Count && tokens[end].IsWord && !tokens[end].IsCapitalised && !cues.StopWords.Contains(tokens[end].Key)
                    && !cues.PhraseStops.Contains(tokens[end].Key) && !cues.UnitHeadFirst;
                var money = cues.PrefixUnits.TryMatch(tokens, start, out _);
                if (end > start && !abbreviation && !adjective && !money && !said[start])
                {
                    return string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Text));
                }
            }

            if (named is null && token.IsCapitalised && token.Key.EndsWith("'s", StringComparison.Ordinal) && gazetteer.TryMatch([token with { Key = token.Key[..^2] }], 0, out _))
            {
                // "Kenya's economy": the place without its possessive.
                named = said[k] ? null : token.Text[..^2];
                continue;
            }

            if (named is null && token.IsCapitalised && gazetteer.TryMatch(tokens, k, out var place))
            {
                var name = string.Join(' ', tokens.Skip(k).Take(place.Count).Select(t => t.Text));
                var dateline = token.IsAcronym && token.Text.Length > 3;
                var inName = k > 0 && (tokens[k - 1].IsCapitalised || tokens[k - 1].IsAcronym) && !opensSentence;
                var inClaimant = claimant is not null && (claimant.Name.Contains(name, StringComparison.Ordinal) || claimant.Affiliation?.Contains(name, StringComparison.Ordinal) == true);
                named = said[k] || dateline || inName || inClaimant ? null : name;
                k = place.End - 1;
            }
        }

        return named;
    }

    private static bool IsDay(Token token, LanguageCues cues)
    {
        var key = token.Key.EndsWith("'s", StringComparison.Ordinal) ? token.Key[..^2] : token.Key;
        return cues.Weekdays.ContainsKey(key) || cues.Months.ContainsKey(key);
    }
}
