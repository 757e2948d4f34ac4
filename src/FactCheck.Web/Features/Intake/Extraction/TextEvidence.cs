using System.Globalization;

namespace FactCheck.Web.Features.Intake.Extraction;

/// Whether a text can be read at all, and why an article gave nothing: the ExtractionNotice an empty result carries.
/// Text mostly in another script, words mixing scripts (look-alike characters), or a third language are refused before
/// any sentence is read: rules written for Indonesian and English would only guess there.
internal static class TextEvidence
{
    /// Under this share of words the cue data knows in Indonesian or English (in a text of MinWords or more), the
    /// text is in neither: news in either language is a third or more function words, verbs of saying, titles and units.
    private const double MinKnownShare = 0.12;
    private const int MinWords = 12;

    public static ExtractionNotice? Refusal(string text, LanguageCues language, IntakeCues cues)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ExtractionNotice("empty", "The text is empty: there is nothing to read.");
        }

        var (latin, other, mixed, example) = Scripts(text);
        if (other * 10 >= (latin + other) * 3)
        {
            var share = (100.0 * other / (latin + other)).ToString("0", CultureInfo.InvariantCulture);
            return new ExtractionNotice("script", $"Most of the text is not in the Latin script ({share}% of its letters), so it cannot be read as Indonesian or English.");
        }

        var counts = KnownWordCounts(text, cues, out var words);
        if (mixed >= 3 && mixed * 20 >= words)
        {
            return new ExtractionNotice("script", $"{mixed} words mix letters of different scripts (such as “{example}”), as look-alike characters do, so the text cannot be read reliably.");
        }

        var best = counts.Count == 0 ? 0 : counts.Values.Max();
        if (words >= MinWords && best < words * MinKnownShare)
        {
            return new ExtractionNotice("language",
                $"The text does not read as Indonesian or English (only {best} of its {words} words are common Indonesian or English words); FactCheck proposes claims in those two languages only.");
        }

        return null;
    }

    public static ExtractionNotice NotRead(string language) =>
        new("language", $"There are no cue words for the language “{language}”; FactCheck proposes claims in Indonesian and English only.");

    /// Why a text that could be read gave no candidate.
    public static ExtractionNotice Nothing(IReadOnlyList<ArticleSentence> sentences, IntakeCues cues)
    {
        if (sentences.Count == 0)
        {
            return new ExtractionNotice("empty", "The text has no sentences: there is nothing to read.");
        }

        var tooLong = sentences.Count(s => s.Length > cues.MaxSentenceLength);
        if (tooLong > 0)
        {
            var limit = cues.MaxSentenceLength.ToString("N0", CultureInfo.InvariantCulture);
            return new ExtractionNotice("long-sentences",
                $"{(tooLong == sentences.Count ? "The text has no sentence breaks to read by" : "No claim was found")}: {tooLong} of its {sentences.Count} sentences are longer than {limit} characters and were not read, as a sentence that long cannot be checked as one claim. Paste the article with its full stops.");
        }

        return new ExtractionNotice("no-claims",
            "No sentence makes a check-worthy claim: nothing is attributed to anyone, and there is no figure, date, denial or dispute to check.");
    }

    /// How many words of the text each language's cue data knows, and how many words it has.
    public static Dictionary<string, int> KnownWordCounts(string text, IntakeCues cues, out int words)
    {
        var counts = cues.Languages.ToDictionary(l => l.Tag, _ => 0, StringComparer.Ordinal);
        words = 0;
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (!token.IsWord)
            {
                continue;
            }

            words++;
            foreach (var language in cues.Languages)
            {
                counts[language.Tag] += language.Knows(token.Key) ? 1 : 0;
            }
        }

        return counts;
    }

    /// How many words of the text are stop words of each language, and how many words it has.
    public static Dictionary<string, int> StopWordCounts(string text, IntakeCues cues, out int words)
    {
        var counts = cues.Languages.ToDictionary(l => l.Tag, _ => 0, StringComparer.Ordinal);
        words = 0;
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (!token.IsWord)
            {
                continue;
            }

            words++;
            foreach (var language in cues.Languages)
            {
                if (language.StopWords.Contains(token.Key))
                {
                    counts[language.Tag]++;
                }
            }
        }

        return counts;
    }

    /// Letters in the Latin script and in others, and words that mix the two ("Рresiden" with a Cyrillic Р).
    private static (int Latin, int Other, int Mixed, string? Example) Scripts(string text)
    {
        int latin = 0, other = 0, mixed = 0;
        string? example = null;
        var wordLatin = false;
        var wordOther = false;
        var wordStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetter(c))
            {
                if (!wordLatin && !wordOther)
                {
                    wordStart = i;
                }

                var isLatin = c < 0x250 || (c >= 0x1E00 && c < 0x1F00);
                latin += isLatin ? 1 : 0;
                other += isLatin ? 0 : 1;
                wordLatin |= isLatin;
                wordOther |= !isLatin;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue;
            }

            if (wordLatin && wordOther)
            {
                mixed++;
                example ??= text[wordStart..Math.Min(i, wordStart + 30)];
            }

            wordLatin = wordOther = false;
        }

        return (latin, other, mixed, example);
    }
}
