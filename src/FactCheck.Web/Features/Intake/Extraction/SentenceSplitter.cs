namespace FactCheck.Web.Features.Intake.Extraction;

/// Cuts an article into paragraphs (line breaks) and sentences (. ! ? …), never inside a quotation, after an
/// abbreviation from the cue data or a single initial, or inside a number. Offsets index the text as given.
internal static class SentenceSplitter
{
    public static List<ArticleSentence> Split(string text, IntakeCues cues)
    {
        var sentences = new List<ArticleSentence>();
        var paragraph = 0;
        var lineStart = 0;
        while (lineStart < text.Length && sentences.Count < cues.MaxSentences)
        {
            var lineEnd = lineStart;
            while (lineEnd < text.Length && !IsLineBreak(text[lineEnd]))
            {
                lineEnd++;
            }

            if (SplitParagraph(text, lineStart, lineEnd, paragraph, sentences, cues))
            {
                paragraph++;
            }

            lineStart = lineEnd;
            if (lineStart < text.Length && text[lineStart] == '\r' && lineStart + 1 < text.Length && text[lineStart + 1] == '\n')
            {
                lineStart++;
            }

            lineStart++;
        }

        return sentences;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085';

    private static bool SplitParagraph(string text, int start, int end, int paragraph, List<ArticleSentence> sentences, IntakeCues cues)
    {
        var before = sentences.Count;
        var quotes = Quotes.Spans(text, start, end);
        var quote = 0;
        var sentenceStart = start;
        for (var i = start; i < end && sentences.Count < cues.MaxSentences; i++)
        {
            while (quote < quotes.Count && quotes[quote].Close < i)
            {
                quote++;
            }

            if (!IsTerminal(text[i]))
            {
                continue;
            }

            var runEnd = i + 1;
            while (runEnd < end && IsTerminal(text[runEnd]))
            {
                runEnd++;
            }

            var j = SentenceEnd(text, i, runEnd, end, quote < quotes.Count ? quotes[quote] : null, cues, start);
            if (j < 0)
            {
                // Past the whole run of stops, so "....." is looked at once, not once per dot.
                i = runEnd - 1;
                continue;
            }

            Add(text, sentenceStart, j, paragraph, sentences);
            sentenceStart = j;
            i = j - 1;
        }

        if (sentences.Count < cues.MaxSentences)
        {
            Add(text, sentenceStart, end, paragraph, sentences);
        }

        return sentences.Count > before;
    }

    /// Where the sentence ends if the stops from i to runEnd end it, or -1 when they do not.
    private static int SentenceEnd(string text, int i, int runEnd, int end, (int Open, int Close)? quote, IntakeCues cues, int paragraphStart)
    {
        var j = runEnd;
        if (quote is { } q && i > q.Open && i < q.Close)
        {
            // A quotation that ends with its own full stop ends the sentence too: "We will win." The army...
            if (j != q.Close)
            {
                return -1;
            }

            j++;
        }

        while (j < end && IsCloser(text[j]) && !(quote is { } open && open.Open == j))
        {
            j++;
        }

        if (j < end && !char.IsWhiteSpace(text[j]))
        {
            return -1;
        }

        var next = j;
        while (next < end && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next < end && char.IsLower(text[next]))
        {
            return -1;
        }

        return text[runEnd - 1] == '.' && next < end && IsAbbreviation(text, paragraphStart, runEnd - 1, cues) ? -1 : j;
    }

    private static void Add(string text, int start, int end, int paragraph, List<ArticleSentence> sentences)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || char.IsControl(text[start])))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || char.IsControl(text[end - 1])))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new ArticleSentence(sentences.Count, paragraph, start, end - start));
        }
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsCloser(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']' or '»';

    /// "dr." "Mr." "Jl." "U.S." from the cue data (as written, or capitalised), and single initials ("J. Smith").
    private static bool IsAbbreviation(string text, int paragraphStart, int period, IntakeCues cues)
    {
        var wordStart = period;
        while (wordStart > paragraphStart && period - wordStart <= 12
               && (char.IsLetter(text[wordStart - 1]) || (text[wordStart - 1] == '.' && wordStart - 1 > paragraphStart && char.IsLetter(text[wordStart - 2]))))
        {
            wordStart--;
        }

        if (wordStart == period || period - wordStart > 12)
        {
            return false;
        }

        var word = text[wordStart..period];
        return (word.Length == 1 && char.IsUpper(word[0])) || cues.IsAbbreviation(word);
    }
}
