namespace FactCheck.Web.Features.Intake.Extraction;

/// Reads one sentence, or one clause of it: its dates, attribution, figures, places, named people, counter-claim cues,
/// the claim it points back at and its quotations.
internal static class SentenceReader
{
    public static SentenceFacts Read(string text, ArticleSentence sentence, LanguageCues cues, IntakeCues all, DateOnly? published, ClaimantMemory memory, bool sentenceStart = true)
    {
        var tokens = Tokenizer.Tokenize(text, sentence.Start, sentence.Length);
        var quotes = Quotes.Spans(text, sentence.Start, sentence.Start + sentence.Length);
        var inQuote = InQuote(tokens, quotes, out var quoted);
        var dateline = Dateline(tokens);
        var dates = DateFinder.Find(text, tokens, cues, published).Where(d => d.Start >= dateline).ToList();
        var inDate = new bool[tokens.Count];
        foreach (var date in dates)
        {
            Array.Fill(inDate, true, date.Start, date.End - date.Start);
        }

        memory.LearnAcronyms(text, tokens, cues);
        var person = PeopleNamed(text, tokens, cues, all.Gazetteer, memory);
        var attribution = tokens.Count == 0 ? null : new AttributionFinder(text, tokens, cues, all.Gazetteer, inQuote, inDate).Find();
        var claimant = attribution is null ? null : memory.Resolve(attribution, cues);
        var speaker = new bool[tokens.Count];
        if (attribution is { NameFrom: >= 0 } named && named.NameTo > named.NameFrom)
        {
            Array.Fill(speaker, true, named.NameFrom, Math.Min(named.NameTo, tokens.Count) - named.NameFrom);
        }

        var notFigure = inDate.Select((date, k) => date || speaker[k]).ToArray();

        var figures = FigureFinder.Find(text, tokens, cues, notFigure, out var bareNumber);
        var quotedLength = quoted.Sum(q => q.Close - q.Open + 1);
        var accusation = Find(tokens, cues.AccusationVerbs, inQuote);
        if (accusation is { } accusing)
        {
            RegisterAccused(text, tokens, accusing.End, cues, all.Gazetteer, memory);
        }

        var opening = SkipToClaim(tokens, cues);
        return new SentenceFacts
        {
            Sentence = sentence,
            Text = text.Substring(sentence.Start, sentence.Length),
            Tokens = tokens,
            Attribution = attribution,
            Claimant = claimant,
            Date = ClaimDate(text, tokens, dates, attribution),
            Figures = [.. figures.Select(f => new CandidateFigure(f.Value, f.High, f.Unit, Span(text, tokens, f.Start, f.End)))],
            BareNumber = bareNumber,
            BareValue = bareNumber is not null && NumberText.TryParse(bareNumber, cues.DecimalSeparator, out var bare) ? bare : null,
            Place = Place(tokens, cues, all.Gazetteer, claimant, SaidOutsideSpeaker(tokens, attribution, claimant is { Kind: "person" } ? new bool[tokens.Count] : speaker)),
            Person = person,
            Counter = Counter(text, tokens, cues) ?? (claimant is null ? null : AttributedDenial(text, tokens, cues, speaker, inQuote)),
            Reference = ClaimReferences.Find(text, tokens, cues, all.Gazetteer, memory, inQuote),
            VerbKind = accusation is not null ? "accusation"
                : Find(tokens, cues.ComplaintVerbs, inQuote) is not null ? "complaint"
                : Find(tokens, cues.ClaimVerbs, inQuote) is not null || SaidByAPost(claimant, cues) ? "claim" : null,
            Accused = accusation is { } accused ? AccusedHead(tokens, accused.End, cues) : null,
            Negated = tokens.Exists(t => t.IsWord && cues.NegationWords.Contains(t.Key)),
            DeniesExistence = claimant is null ? null : Said(text, tokens, cues.ExistenceDenials, speaker, inQuote),
            Correction = Said(text, tokens, cues.CorrectionMarkers, new bool[tokens.Count], null),
            Opening = sentenceStart && opening > 0 && cues.ContrastMarkers.TryMatch(tokens, 0, out _) ? tokens[0].Text : null,
            RefersBack = attribution is { BackReference: true },
            SameDay = SameDay(tokens, cues),
            Occasion = Occasion(tokens, cues, out var before),
            OccasionNamedBefore = before,
            EventVerb = Find(tokens, cues.EventVerbs, inQuote) is { } verb ? Span(text, tokens, verb.Start, verb.End) : null,
            Quote = quoted.Count == 0 ? null : text[(quoted[0].Open + 1)..quoted[0].Close],
            MostlyQuote = quoted.Count > 0 && (quotedLength * 2 >= sentence.Length || (quoted[0].Open == sentence.Start && quotedLength * 10 >= sentence.Length * 3)),
            ContentWords = ContentWords(tokens, cues, speaker, keep: false),
            SpeakerWords = ContentWords(tokens, cues, speaker, keep: true),
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

    /// "Unggahan di Facebook", "video circulating on social media": what a post says is a claim.
    private static bool SaidByAPost(CandidateClaimant? claimant, LanguageCues cues)
    {
        if (claimant is null)
        {
            return false;
        }

        var words = Tokenizer.Tokenize(claimant.Name);
        for (var k = 0; k < words.Count; k++)
        {
            if (cues.PostNouns.TryMatch(words, k, out _))
            {
                return true;
            }
        }

        return false;
    }

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

    /// A wire dateline ("NAIROBI, April 25 (Reuters) -", "MAKASSAR —") dates and places the story, not a claim: the
    /// tokens up to its dash, when the sentence opens with a word in capitals.
    private static int Dateline(List<Token> tokens)
    {
        if (tokens.Count == 0 || !tokens[0].IsAcronym || tokens[0].Text.Length < 3)
        {
            return 0;
        }

        for (var k = 1; k < Math.Min(tokens.Count - 1, 14); k++)
        {
            if (tokens[k].Text is "—" or "–" or "-" && !Tokenizer.IsAdjacent(tokens[k - 1], tokens[k]) && !Tokenizer.IsAdjacent(tokens[k], tokens[k + 1]))
            {
                return k + 1;
            }
        }

        return 0;
    }

    /// How many tokens the sentence's opening connectors take ("However,", "Namun"): 0 when it opens with its claim.
    private static int SkipToClaim(List<Token> tokens, LanguageCues cues)
    {
        var k = 0;
        while (k < tokens.Count && cues.Connectors.TryMatch(tokens, k, out var connector))
        {
            k = connector.End;
            while (k < tokens.Count && tokens[k].Text == ",")
            {
                k++;
            }
        }

        return k;
    }

    /// The attribution's tokens outside the speaker's own phrase: "ujar Andi di Balai Kota" is where it was said.
    private static bool[] SaidOutsideSpeaker(List<Token> tokens, Attribution? attribution, bool[] speaker)
    {
        var said = new bool[tokens.Count];
        if (attribution is null)
        {
            return said;
        }

        for (var k = 0; k < tokens.Count; k++)
        {
            said[k] = !speaker[k] && tokens[k].Start >= attribution.SaidStart && tokens[k].Start < attribution.SaidEnd;
        }

        return said;
    }

    /// The first occasion named ("konferensi pers", "the hearing") and whether it is one named before: a demonstrative
    /// after it (Indonesian) or "the same"/"that" before it (English).
    private static string? Occasion(List<Token> tokens, LanguageCues cues, out bool namedBefore)
    {
        namedBefore = false;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].IsWord && cues.Occasions.TryMatch(tokens, k, out var occasion))
            {
                namedBefore = cues.UnitHeadFirst
                    ? occasion.End < tokens.Count && cues.Demonstratives.Contains(tokens[occasion.End].Key)
                    : k > 0 && (tokens[k - 1].Key is "that" or "same" || (tokens[k - 1].Key == "the" && !(k > 1 && tokens[k - 2].Key is "a" or "an")));
                return string.Join(' ', tokens.Skip(k).Take(occasion.Count).Select(t => t.Key));
            }
        }

        return null;
    }

    /// "the same day", "pada hari yang sama", but not "the same day last year".
    private static bool SameDay(List<Token> tokens, LanguageCues cues)
    {
        for (var k = 0; k + 2 < tokens.Count; k++)
        {
            var english = tokens[k].Key == "same" && tokens[k + 1].Key == "day";
            var indonesian = tokens[k].Key == "hari" && tokens[k + 1].Key == "yang" && tokens[k + 2].Key == "sama";
            if (english || indonesian)
            {
                var next = k + (english ? 2 : 3);
                return !(next < tokens.Count && cues.DurationUnits.TryMatch(tokens, next, out _))
                    && !(next + 1 < tokens.Count && tokens[next + 1].Key is "lalu" or "ago" or "before");
            }
        }

        return false;
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

    private static string? Said(string text, List<Token> tokens, PhraseSet<bool> set, bool[] speaker, bool[]? inQuote)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!speaker[k] && (inQuote is null || !inQuote[k]) && set.TryMatch(tokens, k, out var match))
            {
                return Span(text, tokens, match.Start, match.End);
            }
        }

        return null;
    }

    /// "Thames Water said the figures were misleading": a rating word said by someone answers a claim.
    private static CueHit? AttributedDenial(string text, List<Token> tokens, LanguageCues cues, bool[] speaker, bool[] inQuote)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            // Said of something: "the figures were misleading", "called the claims false", "informasi itu hoaks".
            var predicate = false;
            for (var back = k - 1; back >= Math.Max(0, k - 3); back--)
            {
                predicate |= tokens[back].IsWord && (cues.Auxiliaries.Contains(tokens[back].Key) || cues.Demonstratives.Contains(tokens[back].Key)
                    || tokens[back].Key is "as" or "sebagai" or "called" or "adalah" or "merupakan" || cues.ClaimNouns.ContainsKey(tokens[back].Key));
            }

            if (!speaker[k] && predicate && cues.AttributedDenials.TryMatch(tokens, k, out var match))
            {
                return new CueHit(Span(text, tokens, match.Start, match.End), match.Value, false);
            }
        }

        return null;
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

    /// The stems a denial can share with the claim it answers (stop words left out); the linker leaves out the
    /// denier's own name on its side ("Kedutaan Besar China" shares nothing by being Chinese).
    private static HashSet<string> ContentWords(List<Token> tokens, LanguageCues cues, bool[] speaker, bool keep)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (speaker[k] == keep && token.IsWord && token.Key.Length >= 3 && !cues.StopWords.Contains(token.Key) && !cues.Auxiliaries.Contains(token.Key) && !cues.NegationWords.Contains(token.Key))
            {
                words.Add(WordStems.Of(token.Key, cues.Tag == "id"));
            }
        }

        return words;
    }

    internal static string Span(string text, List<Token> tokens, int start, int end) => end > start ? text[tokens[start].Start..tokens[end - 1].End] : "";
}
