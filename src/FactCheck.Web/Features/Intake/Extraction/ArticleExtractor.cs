namespace FactCheck.Web.Features.Intake.Extraction;

/// Reads an article and proposes claims: deterministic, rule-based, no I/O, no clock, no shared state. The same
/// article and cues always give the same extraction; output is bounded by the cues' sentence and candidate caps.
public static class ArticleExtractor
{
    public static ArticleExtraction Extract(ArticleInput input, IntakeCues cues)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(cues);
        var text = input.Text ?? "";
        var (language, detected) = Language(input.Language, text, cues);
        var sentences = SentenceSplitter.Split(text, cues);
        var languageCues = cues.For(language);
        if (languageCues is null)
        {
            return new ArticleExtraction(language, detected, sentences, [], []);
        }

        var memory = new ClaimantMemory();
        var facts = new List<SentenceFacts?>(sentences.Count);
        foreach (var sentence in sentences)
        {
            // A "sentence" longer than this is unpunctuated text, not a claim one could check as stated.
            facts.Add(sentence.Length <= cues.MaxSentenceLength
                ? SentenceReader.Read(text, sentence, languageCues, cues, input.PublishedOn, memory)
                : null);
        }

        var chosen = new List<(int Number, SentenceFacts Facts, List<ScoreReason> Reasons)>();
        foreach (var fact in facts)
        {
            if (fact is null || chosen.Count >= cues.MaxCandidates)
            {
                continue;
            }

            var reasons = CandidateScorer.Reasons(fact, cues);
            if (CandidateScorer.IsCandidate(reasons, cues))
            {
                chosen.Add((chosen.Count + 1, fact, reasons));
            }
        }

        var links = CounterClaimLinker.Link([.. chosen.Select(c => (c.Number, c.Facts))]);
        var candidates = chosen.Select(c => Candidate(c.Number, c.Facts, c.Reasons, facts, languageCues, cues)).ToList();
        return new ArticleExtraction(language, detected, sentences, candidates, links);
    }

    /// "id", "en", or null when the text gives no sign of either.
    public static string? DetectLanguage(string text, IntakeCues cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var counts = cues.Languages.ToDictionary(l => l.Tag, _ => 0, StringComparer.Ordinal);
        foreach (var token in Tokenizer.Tokenize(text ?? ""))
        {
            if (!token.IsWord)
            {
                continue;
            }

            foreach (var language in cues.Languages)
            {
                if (language.StopWords.Contains(token.Key))
                {
                    counts[language.Tag]++;
                }
            }
        }

        var best = counts.Where(c => c.Value > 0).OrderByDescending(c => c.Value).ThenBy(c => c.Key == "id" ? 0 : 1).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        return best.Count == 0 ? null : best[0].Key;
    }

    /// The language asked for when the cues know it ("id-ID" reads as "id"); otherwise detected, English when nothing tells.
    private static (string Language, bool Detected) Language(string? asked, string text, IntakeCues cues)
    {
        if (!string.IsNullOrWhiteSpace(asked))
        {
            var primary = asked.Trim().Split('-', '_')[0].ToLowerInvariant();
            if (cues.For(primary) is not null)
            {
                return (primary, false);
            }
        }

        return (DetectLanguage(text, cues) ?? "en", true);
    }

    private static ClaimCandidate Candidate(int number, SentenceFacts facts, List<ScoreReason> reasons, List<SentenceFacts?> all, LanguageCues language, IntakeCues cues)
    {
        var date = facts.Date;
        if (date is null && facts.Claimant is { } claimant && NeighbourDate(facts, claimant, all) is { } borrowed)
        {
            date = borrowed with { Basis = "neighbour" };
            reasons = [.. reasons, CandidateScorer.NeighbourDate(date, claimant, cues)];
        }

        var sentence = facts.Sentence;
        return new ClaimCandidate(
            number,
            sentence.Index,
            sentence.Start,
            sentence.Length,
            facts.Text,
            ClaimTitle.Make(facts, language),
            CandidateScorer.Kind(facts),
            facts.Claimant,
            date,
            facts.Figure,
            facts.Place,
            facts.Counter is not null,
            new CandidateScore(CandidateScorer.Value(reasons), reasons));
    }

    /// The date of the nearest sentence in an unbroken run by the same claimant ("Rouhani memperingatkan …" takes the
    /// 7/10/2020 of the next sentence, where Rouhani speaks on Wednesday 7 October).
    private static CandidateDate? NeighbourDate(SentenceFacts facts, CandidateClaimant claimant, List<SentenceFacts?> all)
    {
        var index = facts.Sentence.Index;
        for (var distance = 1; ; distance++)
        {
            var before = Same(index - distance);
            var after = Same(index + distance);
            if (before is null && after is null)
            {
                return null;
            }

            if (before?.Date is { } earlier)
            {
                return earlier;
            }

            if (after?.Date is { } later)
            {
                return later;
            }

            // A run stops at the first sentence by someone else; keep walking only the side still in the run.
            if (before is null && after is not null)
            {
                return WalkOneSide(index, distance + 1, +1);
            }

            if (after is null && before is not null)
            {
                return WalkOneSide(index, distance + 1, -1);
            }
        }

        SentenceFacts? Same(int i) =>
            i >= 0 && i < all.Count && all[i]?.Claimant is { } other && string.Equals(other.Name, claimant.Name, StringComparison.OrdinalIgnoreCase) ? all[i] : null;

        CandidateDate? WalkOneSide(int from, int distance, int step)
        {
            for (var i = from + (distance * step); Same(i) is { } next; i += step)
            {
                if (next.Date is { } found)
                {
                    return found;
                }
            }

            return null;
        }
    }
}
