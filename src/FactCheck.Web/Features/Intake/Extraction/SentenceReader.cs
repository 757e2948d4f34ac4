namespace FactCheck.Web.Features.Intake.Extraction;

/// Reads one sentence, or one clause of it: its dates, attribution, figures, places, named people, counter-claim cues,
/// the claim it points back at and its quotations.
internal static partial class SentenceReader
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

    internal static string Span(string text, List<Token> tokens, int start, int end) => end > start ? text[tokens[start].Start..tokens[end - 1].End] : "";
}
