namespace FactCheck.Web.Features.Intake.Extraction;

/// The article as the pieces claims are read from: each sentence, or both clauses of a contrast sentence with two
/// speakers ("Some residents complained …, but the ministry said …"), in order, with what one sentence says about
/// another filled in: "Hal itu disampaikan X" makes X the speaker of the sentence before, "the same day" takes the
/// date of the sentence before. Sentences longer than the cues' limit are not read (unpunctuated text).
internal static class ArticleUnits
{
    public static List<SentenceFacts> Read(string text, IReadOnlyList<ArticleSentence> sentences, LanguageCues cues, IntakeCues all, DateOnly? published)
    {
        var memory = new ClaimantMemory();
        var units = new List<SentenceFacts>();
        foreach (var sentence in sentences)
        {
            if (sentence.Length > all.MaxSentenceLength)
            {
                continue;
            }

            if (ContrastSplit(text, sentence, cues, all, published) is var (firstEnd, secondStart))
            {
                var first = SentenceReader.Read(text, sentence with { Length = firstEnd - sentence.Start }, cues, all, published, memory);
                var second = SentenceReader.Read(text, sentence with { Start = secondStart, Length = sentence.Start + sentence.Length - secondStart }, cues, all, published, memory, sentenceStart: false);
                second.ContrastOf = first;
                units.Add(first);
                units.Add(second);
            }
            else
            {
                units.Add(SentenceReader.Read(text, sentence, cues, all, published, memory));
            }

            var unit = units[^1];
            if (unit.RefersBack && unit.Claimant is { } speaker)
            {
                foreach (var earlier in units.Where(u => u.Sentence.Index == sentence.Index - 1 && u.Claimant is null))
                {
                    earlier.Claimant = speaker with { Inferred = true };
                    earlier.Date ??= unit.Date;
                }
            }

            if (unit.Date is null && unit.SameDay && units.LastOrDefault(u => u != unit && u.Date is not null) is { Date: { } day })
            {
                unit.Date = day with { Basis = "same-day" };
            }

            // "The union said the real figure was 500": a bare number correcting a figure counts what that figure counts.
            if (unit.Figures.Count == 0 && unit.BareValue is { } value && unit.Claimant is not null && (unit.Correction is not null || unit.Reference is { Kind: "figure" })
                && units.LastOrDefault(u => u != unit && u.Figures.Count > 0 && u.Claimant is not null && u.Claimant.Name != unit.Claimant.Name) is { } counted)
            {
                unit.Figures.Add(new CandidateFigure(value, null, counted.Figures[0].Unit, unit.BareNumber!));
            }

            // "dalam konferensi pers itu", "at the same briefing": the date of the sentence that named the occasion.
            if (unit.Date is null && unit.OccasionNamedBefore && units.LastOrDefault(u => u != unit && u.Occasion == unit.Occasion && u.Date is not null) is { Date: { } held })
            {
                unit.Date = held with { Basis = "occasion" };
            }
        }

        return units;
    }

    /// Where a contrast sentence splits: after the comma before "but"/"namun"/"tetapi"/"however"…, when the clause after
    /// it names a speaker of its own (not a pronoun) who is not the first clause's speaker. "X mengakui …, namun menyebut
    /// …" and "…, but it has not said …" stay one claim.
    private static (int FirstEnd, int SecondStart)? ContrastSplit(string text, ArticleSentence sentence, LanguageCues cues, IntakeCues all, DateOnly? published)
    {
        var tokens = Tokenizer.Tokenize(text, sentence.Start, sentence.Length);
        var quotes = Quotes.Spans(text, sentence.Start, sentence.Start + sentence.Length);
        bool Quoted(int k) => quotes.Exists(q => q.Open < tokens[k].Start && tokens[k].Start < q.Close);

        // "Sementara pemerintah menyebut …, para ekonom menilai …": a fronted contrast clause, then the main one.
        if (tokens.Count > 6 && tokens[0].Key is "sementara" or "sedangkan" or "meski" or "meskipun" or "walaupun" or "walau" or "while" or "whereas" or "although" or "though"
            && cues.ContrastMarkers.TryMatch(tokens, 0, out var fronted) && tokens[fronted.End].Text != ","
            && !(cues.Connectors.TryMatch(tokens, 0, out var connector) && connector.End > fronted.End))
        {
            var comma = tokens.FindIndex(fronted.End, t => t.Text == ",");
            if (comma > fronted.End + 2 && comma + 3 < tokens.Count && !Quoted(comma)
                && Speaker(text, tokens[fronted.End].Start, tokens[comma - 1].End, cues, all, published) is { Pronoun: false, Name: { Kind: not "source" } one }
                && Speaker(text, tokens[comma + 1].Start, sentence.Start + sentence.Length, cues, all, published) is { Pronoun: false, Name: { Kind: not "source" } other }
                && !string.Equals(one.Name, other.Name, StringComparison.OrdinalIgnoreCase))
            {
                return (tokens[comma - 1].End, tokens[comma + 1].Start);
            }
        }

        for (var k = 3; k < tokens.Count - 3; k++)
        {
            // "…, but Y said …", and without the comma ("… but Y said …") when Y is named right after.
            var comma = tokens[k - 1].Text is "," or ";";
            if ((!comma && !tokens[k - 1].IsWord) || !cues.ContrastMarkers.TryMatch(tokens, k, out _) || Quoted(k))
            {
                continue;
            }

            var firstEnd = tokens[comma ? k - 2 : k - 1].End;
            var secondStart = tokens[k].Start;
            var second = Speaker(text, secondStart, sentence.Start + sentence.Length, cues, all, published);
            if (second is not { Pronoun: false, Name: { } name } || name.Kind == "source")
            {
                continue;
            }

            var first = Speaker(text, sentence.Start, firstEnd, cues, all, published);
            return first?.Name is { } same && string.Equals(same.Name, name.Name, StringComparison.OrdinalIgnoreCase) ? null : (firstEnd, secondStart);
        }

        return null;
    }

    private static Attribution? Speaker(string text, int start, int end, LanguageCues cues, IntakeCues all, DateOnly? published)
    {
        var tokens = Tokenizer.Tokenize(text, start, end - start);
        if (tokens.Count == 0)
        {
            return null;
        }

        var inQuote = new bool[tokens.Count];
        foreach (var (open, close) in Quotes.Spans(text, start, end))
        {
            for (var k = 0; k < tokens.Count; k++)
            {
                inQuote[k] |= tokens[k].Start > open && tokens[k].Start < close;
            }
        }

        var inDate = new bool[tokens.Count];
        foreach (var date in DateFinder.Find(text, tokens, cues, published))
        {
            Array.Fill(inDate, true, date.Start, date.End - date.Start);
        }

        return new AttributionFinder(text, tokens, cues, all.Gazetteer, inQuote, inDate).Find();
    }
}
