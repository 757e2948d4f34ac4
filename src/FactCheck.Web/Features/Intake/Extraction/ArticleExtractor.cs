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
        var refused = languageCues is null ? TextEvidence.NotRead(language) : TextEvidence.Refusal(text, languageCues, cues);
        if (languageCues is null || refused is not null)
        {
            return new ArticleExtraction(language, detected, sentences, [], [], refused);
        }

        var units = ArticleUnits.Read(text, sentences, languageCues, cues, input.PublishedOn);
        var chosen = new List<SentenceFacts>();
        foreach (var unit in units)
        {
            if (IsHeadline(unit, sentences))
            {
                continue;
            }

            if (CandidateScorer.IsCandidate(CandidateScorer.Reasons(unit, unit.Figure, cues), cues))
            {
                chosen.Add(unit);
            }
        }

        var linking = CounterClaimLinker.Link(chosen, languageCues, units);
        var candidates = new List<ClaimCandidate>();
        var numbers = new Dictionary<SentenceFacts, List<int>>();
        foreach (var unit in chosen)
        {
            var figures = unit.Figures.Count == 0 ? [null] : unit.Figures.Cast<CandidateFigure?>().ToList();
            foreach (var figure in figures)
            {
                if (candidates.Count >= cues.MaxCandidates)
                {
                    break;
                }

                var number = candidates.Count + 1;
                (numbers.TryGetValue(unit, out var list) ? list : numbers[unit] = []).Add(number);
                linking.Unlinked.TryGetValue(unit, out var why);
                candidates.Add(Candidate(number, unit, figure, units, languageCues, cues, figure == figures[0] ? why : null));
            }
        }

        var links = new List<CandidateLink>();
        foreach (var link in linking.Links)
        {
            if (numbers.TryGetValue(link.From, out var from) && numbers.TryGetValue(link.To, out var to))
            {
                links.Add(new CandidateLink(from[0], to[Math.Min(link.ToFigure, to.Count - 1)], link.Relation, link.Cue));
            }
        }

        var notice = candidates.Count == 0 ? TextEvidence.Nothing(sentences, cues) : null;
        return new ArticleExtraction(language, detected, sentences, candidates, links, notice);
    }

    /// The article's first line standing alone without a full stop ("LIVE — Arus mudik Lebaran 2025, Jumat (28/3)",
    /// "FACT CHECK: Video of …"): a headline announces the story, the claims are in its sentences.
    private static bool IsHeadline(SentenceFacts unit, List<ArticleSentence> sentences)
    {
        var sentence = unit.Sentence;
        if (sentence.Paragraph != 0 || sentences.Count(s => s.Paragraph == 0) != 1 || sentences.Count == 1 || unit.Tokens.Count(t => t.IsWord) > 20)
        {
            return false;
        }

        var last = unit.Text.TrimEnd()[^1];
        return last is not ('.' or '!' or '?' or '"' or '”' or '…');
    }

    /// "id", "en", or null when the text gives no sign of either.
    public static string? DetectLanguage(string text, IntakeCues cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        // Stop words first; a short text of none ("Anggota DPR menilai program terlambat") by the other words the cues know.
        foreach (var counts in new Func<Dictionary<string, int>>[] { () => TextEvidence.StopWordCounts(text ?? "", cues, out _), () => TextEvidence.KnownWordCounts(text ?? "", cues, out _) })
        {
            var best = counts().Where(c => c.Value > 0).OrderByDescending(c => c.Value).ThenBy(c => c.Key == "id" ? 0 : 1).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
            if (best.Count > 0)
            {
                return best[0].Key;
            }
        }

        return null;
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

    private static ClaimCandidate Candidate(int number, SentenceFacts facts, CandidateFigure? figure, List<SentenceFacts> all, LanguageCues language, IntakeCues cues, string? unlinked)
    {
        var reasons = CandidateScorer.Reasons(facts, figure, cues);
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
            ClaimTitle.Make(facts, figure, language),
            CandidateScorer.Kind(facts, figure),
            facts.Claimant,
            date,
            figure,
            facts.Place,
            facts.Counter is not null,
            new CandidateScore(CandidateScorer.Value(reasons), reasons),
            unlinked);
    }

    /// The date of the nearest sentence in an unbroken run by the same claimant ("Rouhani memperingatkan …" takes the
    /// 7/10/2020 of the next sentence, where Rouhani speaks on Wednesday 7 October).
    private static CandidateDate? NeighbourDate(SentenceFacts facts, CandidateClaimant claimant, List<SentenceFacts> all)
    {
        var index = all.IndexOf(facts);
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
            i >= 0 && i < all.Count && all[i].Claimant is { } other && string.Equals(other.Name, claimant.Name, StringComparison.OrdinalIgnoreCase) ? all[i] : null;

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
