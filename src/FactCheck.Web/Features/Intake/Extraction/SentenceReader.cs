namespace FactCheck.Web.Features.Intake.Extraction;

/// Reads one sentence: its dates, figures, attribution, places, named people, counter-claim cues and quotations.
internal static class SentenceReader
{
    public static SentenceFacts Read(string text, ArticleSentence sentence, LanguageCues cues, IntakeCues all, DateOnly? published, ClaimantMemory memory)
    {
        var end = sentence.Start + sentence.Length;
        var tokens = Tokenizer.Tokenize(text, sentence.Start, sentence.Length);
        var quotes = Quotes.Spans(text, sentence.Start, end);
        var inQuote = InQuote(tokens, quotes, out var quoted);
        var dates = DateFinder.Find(text, tokens, cues, published);
        var inDate = new bool[tokens.Count];
        foreach (var date in dates)
        {
            Array.Fill(inDate, true, date.Start, date.End - date.Start);
        }

        var figures = FigureFinder.Find(text, tokens, cues, inDate, out var bareNumber);
        var person = PeopleNamed(text, tokens, cues, all.Gazetteer, memory);
        var attribution = tokens.Count == 0 ? null : new AttributionFinder(text, tokens, cues, all.Gazetteer, inQuote, inDate).Find();
        var claimant = attribution is null ? null : memory.Resolve(attribution);
        var quotedLength = quoted.Sum(q => q.Close - q.Open + 1);
        var figure = figures.FirstOrDefault();
        return new SentenceFacts
        {
            Sentence = sentence,
            Text = text.Substring(sentence.Start, sentence.Length),
            Tokens = tokens,
            Attribution = attribution,
            Claimant = claimant,
            Date = ClaimDate(text, tokens, dates, attribution),
            Figure = figure is null ? null : new CandidateFigure(figure.Value, figure.High, figure.Unit, Span(text, tokens, figure.Start, figure.End)),
            BareNumber = bareNumber,
            Place = Place(tokens, cues, all.Gazetteer, claimant),
            Person = person,
            Counter = Counter(text, tokens, cues),
            Anaphor = Anaphor(tokens, cues),
            Accuses = Find(tokens, cues.AccusationVerbs, inQuote) is not null,
            EventVerb = Find(tokens, cues.EventVerbs, inQuote) is { } verb ? Span(text, tokens, verb.Start, verb.End) : null,
            Quote = quoted.Count == 0 ? null : text[(quoted[0].Open + 1)..quoted[0].Close],
            MostlyQuote = quoted.Count > 0 && (quotedLength * 2 >= sentence.Length || (quoted[0].Open == sentence.Start && quotedLength * 10 >= sentence.Length * 3)),
            ContentWords = ContentWords(tokens, cues),
        };
    }

    /// The date of the attribution when it has one ("…, the ministry said on Friday"), else the first date in the sentence.
    private static CandidateDate? ClaimDate(string text, List<Token> tokens, List<FoundDate> dates, Attribution? attribution)
    {
        if (dates.Count == 0)
        {
            return null;
        }

        var said = attribution is null ? null : dates.Cast<FoundDate?>().FirstOrDefault(d => tokens[d!.Value.Start].Start >= attribution.SaidStart && tokens[d.Value.Start].Start < attribution.SaidEnd);
        var date = said ?? dates[0];
        return new CandidateDate(date.Value, Span(text, tokens, date.Start, date.End), date.Basis);
    }

    /// Which tokens sit inside a quotation, and the quotations of two words or more (one sweep: both lists are in order).
    private static bool[] InQuote(List<Token> tokens, List<(int Open, int Close)> quotes, out List<(int Open, int Close)> quoted)
    {
        var inside = new bool[tokens.Count];
        var words = new int[quotes.Count];
        var q = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            while (q < quotes.Count && quotes[q].Close < tokens[k].Start)
            {
                q++;
            }

            if (q < quotes.Count && tokens[k].Start > quotes[q].Open && tokens[k].Start < quotes[q].Close)
            {
                inside[k] = true;
                words[q] += tokens[k].IsWord ? 1 : 0;
            }
        }

        quoted = [.. quotes.Where((_, i) => words[i] >= 2)];
        return inside;
    }

    /// Title-led names anywhere in the sentence ("Menteri Luar Negeri Amerika Serikat Mike Pompeo"), remembered so a
    /// later bare surname resolves to them.
    private static string? PeopleNamed(string text, List<Token> tokens, LanguageCues cues, PhraseSet<bool> gazetteer, ClaimantMemory memory)
    {
        string? first = null;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!cues.Titles.TryMatch(tokens, k, out var title))
            {
                continue;
            }

            var end = title.End;
            while (end < tokens.Count && end - k < 12 && (tokens[end].IsCapitalised || tokens[end].IsAcronym
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

    private static string? Place(List<Token> tokens, LanguageCues cues, PhraseSet<bool> gazetteer, CandidateClaimant? claimant)
    {
        string? named = null;
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.IsWord && !token.IsCapitalised && cues.Locatives.Contains(token.Key))
            {
                var start = k + 1;
                while (start < tokens.Count && tokens[start].IsWord && cues.Determiners.Contains(tokens[start].Key))
                {
                    start++;
                }

                var end = start;
                while (end < tokens.Count && tokens[end].IsCapitalised && !cues.Weekdays.ContainsKey(tokens[end].Key) && !cues.Months.ContainsKey(tokens[end].Key)
                       && !cues.Titles.TryMatch(tokens, end, out _))
                {
                    end++;
                }

                // "di Jl. Merdeka" names a street, not a place; "di Stepanakert." at the sentence's end is a place.
                var abbreviation = end == start + 1 && end + 1 < tokens.Count && tokens[end].Text == "." && Tokenizer.IsAdjacent(tokens[start], tokens[end]) && tokens[start].Length <= 4;
                if (end > start && !abbreviation)
                {
                    return string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Text));
                }
            }

            if (named is null && token.IsCapitalised && gazetteer.TryMatch(tokens, k, out var place))
            {
                var name = string.Join(' ', tokens.Skip(k).Take(place.Count).Select(t => t.Text));
                var inClaimant = claimant is not null && (claimant.Name.Contains(name, StringComparison.Ordinal) || claimant.Affiliation?.Contains(name, StringComparison.Ordinal) == true);
                named = inClaimant ? null : name;
                k = place.End - 1;
            }
        }

        return named;
    }

    /// The first denial, dispute or mutual-blame cue; at one position the longest cue wins ("membantah klaim" is a dispute).
    private static CueHit? Counter(string text, List<Token> tokens, LanguageCues cues)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            CueHit? best = null;
            var length = 0;
            foreach (var (set, relation, reciprocal) in new[] { (cues.ReciprocalCues, "disputes", true), (cues.DisputeCues, "disputes", false), (cues.DenialCues, "denies", false) })
            {
                if (set.TryMatch(tokens, k, out var match) && match.Count > length)
                {
                    best = new CueHit(Span(text, tokens, match.Start, match.End), relation, reciprocal);
                    length = match.Count;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// "tuduhan itu", "the accusation" pointing back, but not "the claim that …", which says what it denies.
    private static bool Anaphor(List<Token> tokens, LanguageCues cues)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (cues.Anaphors.TryMatch(tokens, k, out var match) && !(match.End < tokens.Count && cues.Complementisers.Contains(tokens[match.End].Key)))
            {
                return true;
            }
        }

        return false;
    }

    private static PhraseMatch<bool>? Find(List<Token> tokens, PhraseSet<bool> set, bool[] inQuote)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!inQuote[k] && set.TryMatch(tokens, k, out var match))
            {
                return match;
            }
        }

        return null;
    }

    /// The words a denial can share with the claim it answers (stop words left out); the linker leaves out the
    /// denier's own name on its side ("Kedutaan Besar China" shares nothing by being Chinese).
    private static HashSet<string> ContentWords(List<Token> tokens, LanguageCues cues)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            var key = token.Key.EndsWith("'s", StringComparison.Ordinal) ? token.Key[..^2] : token.Key;
            if (token.IsWord && key.Length >= 3 && !cues.StopWords.Contains(key))
            {
                words.Add(key);
            }
        }

        return words;
    }

    internal static string Span(string text, List<Token> tokens, int start, int end) => text[tokens[start].Start..tokens[end - 1].End];
}
