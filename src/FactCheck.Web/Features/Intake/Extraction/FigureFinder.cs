namespace FactCheck.Web.Features.Intake.Extraction;

/// A number with its unit over tokens [Start, End): "5.000 orang" is 5000 people; High is set for ranges.
internal sealed record FoundFigure(int Start, int End, double Value, double? High, string Unit);

/// Figures in a sentence. Not figures: dates and their parts, years standing alone, times (10:30, 09.00 WIB),
/// numbers glued to a word ("ke-2", "G20", "3M", "21-storey"), house and page numbers ("No. 12"), and numbers
/// followed by a name rather than a noun ("14 Marina Street").
internal static class FigureFinder
{
    public static List<FoundFigure> Find(string text, List<Token> tokens, LanguageCues cues, bool[] inDate, out string? bareNumber)
    {
        var figures = new List<FoundFigure>();
        bareNumber = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsWord && cues.NumberWords.TryGetValue(token.Key, out var word) && cues.Units.TryMatch(tokens, i + 1, out var wordUnit))
            {
                figures.Add(new FoundFigure(i, wordUnit.End, word, null, wordUnit.Value));
                i = wordUnit.End - 1;
                continue;
            }

            if (!token.IsNumber || inDate[i] || !IsCandidate(text, tokens, i, cues, out var prefixUnit))
            {
                continue;
            }

            if (Read(text, tokens, i, cues, prefixUnit, out var isName) is { } figure)
            {
                figures.Add(figure);
                i = figure.End - 1;
            }
            else if (DateFinder.Year(token) is null && !isName)
            {
                bareNumber ??= token.Text;
            }
        }

        return figures;
    }

    private static bool IsCandidate(string text, List<Token> tokens, int i, LanguageCues cues, out string? prefixUnit)
    {
        var token = tokens[i];
        prefixUnit = null;
        for (var back = Math.Max(0, i - 2); back < i; back++)
        {
            if (cues.PrefixUnits.TryMatch(tokens, back, out var prefix) && prefix.End == i)
            {
                prefixUnit = prefix.Value;
            }
        }

        if ((prefixUnit is null && !Tokenizer.IsDetachedBefore(text, token)) || token.Text.IndexOfAny([':', '/']) >= 0 || token.Text.Count(c => c is '-' or '–') > 1)
        {
            return false;
        }

        var before = i - 1;
        while (before >= 0 && tokens[before].Text == ".")
        {
            before--;
        }

        if (before >= 0 && tokens[before].IsWord && cues.NotFigureBefore.Contains(tokens[before].Key))
        {
            return false;
        }

        if (i + 1 < tokens.Count && Tokenizer.IsAdjacent(token, tokens[i + 1]))
        {
            var next = tokens[i + 1];
            if ((next.IsWord && (next.IsCapitalised || cues.OrdinalSuffixes.Contains(next.Key))) || (next.Text is "-" or "‐" && i + 2 < tokens.Count && tokens[i + 2].IsWord))
            {
                return false;
            }
        }

        return !cues.TimeSuffixes.TryMatch(tokens, i + 1, out _);
    }

    private static FoundFigure? Read(string text, List<Token> tokens, int i, LanguageCues cues, string? prefixUnit, out bool isName)
    {
        var token = tokens[i];
        isName = false;
        double value;
        double? high = null;
        if (NumberText.TryParseRange(token.Text, cues.DecimalSeparator, out var low, out var top))
        {
            (value, high) = (low, top);
        }
        else if (!NumberText.TryParse(token.Text, cues.DecimalSeparator, out value))
        {
            return null;
        }

        var j = i + 1;
        var multiplied = Multiply(tokens, ref j, cues, ref value);
        if (high is { } h && multiplied is { } m)
        {
            high = h * m;
        }

        if (high is null && Range(text, tokens, i, ref j, cues, out var second, out var secondFactor))
        {
            high = second;
            if (multiplied is null && secondFactor is { } factor)
            {
                value *= factor;
            }
        }

        var yearLike = DateFinder.Year(token) is not null || (high is not null && IsYear(value) && IsYear(high.Value));
        if (yearLike && prefixUnit is null && multiplied is null && !cues.Units.TryMatch(tokens, j, out _))
        {
            return null;
        }

        var unit = prefixUnit is not null ? (prefixUnit, j) : Unit(tokens, i, j, cues, out isName);
        return unit is { } found && double.IsFinite(value) && value <= NumberText.Largest && (high is null || high <= NumberText.Largest)
            ? new FoundFigure(i, found.End, value, high, found.Unit)
            : null;
    }

    private static bool IsYear(double value) => value is >= 1900 and <= 2100 && Math.Floor(value) == value;

    private static double? Multiply(List<Token> tokens, ref int j, LanguageCues cues, ref double value)
    {
        if (j < tokens.Count && tokens[j].IsWord && cues.Multipliers.TryGetValue(tokens[j].Key, out var factor))
        {
            value *= factor;
            j++;
            return factor;
        }

        return null;
    }

    /// "2.000 hingga 3.000", "antara 2.000 dan 3.000", "between 4% and 5%", "1 to 2 million".
    private static bool Range(string text, List<Token> tokens, int i, ref int j, LanguageCues cues, out double high, out double? factor)
    {
        high = 0;
        factor = null;
        var k = j < tokens.Count && tokens[j].Text == "%" ? j + 1 : j;
        if (k + 1 >= tokens.Count || !tokens[k + 1].IsNumber)
        {
            return false;
        }

        var opener = i > 0 && tokens[i - 1].IsWord && cues.RangePairs.TryGetValue(tokens[i - 1].Key, out var closer) ? closer : null;
        var joins = cues.RangeConnectors.Contains(tokens[k].Key) || (opener is not null && tokens[k].Key == opener);
        if (!joins || !Tokenizer.IsDetachedBefore(text, tokens[k + 1]) || !NumberText.TryParse(tokens[k + 1].Text, cues.DecimalSeparator, out var second))
        {
            return false;
        }

        var after = k + 2;
        factor = Multiply(tokens, ref after, cues, ref second);
        var low = NumberText.TryParse(tokens[i].Text, cues.DecimalSeparator, out var first) ? first * (factor ?? 1) : 0;
        if (second <= low)
        {
            return false;
        }

        high = second;
        j = after;
        return true;
    }

    /// The unit after the number: "%", a unit from the cue data, or the noun as written (Indonesian puts it first:
    /// "orang", English last: "Ukrainian military facilities"); failing that a cue unit just before ("korban tewas 5.000").
    private static (string Unit, int End)? Unit(List<Token> tokens, int i, int j, LanguageCues cues, out bool isName)
    {
        isName = false;
        if (cues.Units.TryMatch(tokens, j, out var data))
        {
            return (data.Value, data.End);
        }

        var run = j;
        while (run < tokens.Count && run - j < 3 && tokens[run].IsWord && !IsFunctionWord(tokens[run], cues))
        {
            if (cues.Units.TryMatch(tokens, run, out var inner))
            {
                return (inner.Value, inner.End);
            }

            run++;
            if (cues.UnitHeadFirst)
            {
                break;
            }
        }

        if (run > j)
        {
            var allNames = true;
            for (var k = j; k < run; k++)
            {
                allNames &= tokens[k].IsCapitalised;
            }

            isName = allNames;
            return allNames ? null : (tokens[run - 1].Text.ToLowerInvariant(), run);
        }

        for (var back = i - 1; back >= Math.Max(0, i - 4); back--)
        {
            if (tokens[back].IsWord && cues.Units.TryMatch(tokens, back, out var before) && before.End <= i)
            {
                return (before.Value, j);
            }
        }

        return null;
    }

    private static bool IsFunctionWord(Token token, LanguageCues cues) =>
        cues.StopWords.Contains(token.Key) || cues.Months.ContainsKey(token.Key) || cues.Weekdays.ContainsKey(token.Key)
        || cues.Multipliers.ContainsKey(token.Key) || cues.RangeConnectors.Contains(token.Key) || cues.Determiners.Contains(token.Key)
        || cues.PhraseStops.Contains(token.Key);
}
