namespace FactCheck.Web.Features.Intake.Extraction;

/// Whether a number token can be a figure, and its value: the language's separators, a multiplier ("1,5 juta",
/// "10.6 trillion"), a range ("2.000-3.000", "antara 5 hingga 7", "between 150,000 and 200,000").
internal static class FigureCandidate
{
    public static bool Allowed(string text, List<Token> tokens, int i, LanguageCues cues, out string? prefix, out bool label)
    {
        var token = tokens[i];
        prefix = null;
        label = false;
        for (var back = Math.Max(0, i - 3); back < i && prefix is null; back++)
        {
            if (cues.PrefixUnits.TryMatch(tokens, back, out var match) && match.End == i)
            {
                prefix = match.Value;
            }
        }

        if ((prefix is null && !Tokenizer.IsDetachedBefore(text, token)) || token.Text.IndexOfAny([':', '/']) >= 0 || token.Text.Count(c => c is '-' or '–') > 1)
        {
            return false;
        }

        var before = i - 1;
        while (prefix is not null && before >= 0 && !tokens[before].IsWord)
        {
            before--;
        }

        if (prefix is not null && before >= 0 && cues.PrefixUnits.TryMatch(tokens, before, out var prefixWord) && prefixWord.End <= i)
        {
            before--;
        }

        while (before >= 0 && tokens[before].Text == ".")
        {
            before--;
        }

        if (before >= 0 && tokens[before].IsWord && cues.NotFigureBefore.Contains(tokens[before].Key))
        {
            label = true;
            return false;
        }

        var next = i + 1 < tokens.Count ? tokens[i + 1] : (Token?)null;

        // "Liga 1", "SD Negeri Cibadak 2", "Terminal 3": a number closing a name.
        if (prefix is null && i > 1 && tokens[i - 1].IsCapitalised && !IsDay(tokens[i - 1], cues) && !tokens[i - 2].IsQuote && tokens[i - 2].Text is not ("(" or ":" or "—" or "-"))
        {
            return false;
        }

        // Ages: "Nabila (9)", "RS (34)", "Margaret Okafor, 71, who …".
        if (i > 0 && tokens[i - 1].Text == "(" && next?.Text == ")")
        {
            return false;
        }

        if (i > 1 && tokens[i - 1].Text == "," && tokens[i - 2].IsCapitalised && next?.Text == ",")
        {
            return false;
        }

        // "a 6.2-magnitude earthquake"
        if (next is { Text: "-" } && i + 2 < tokens.Count && tokens[i + 2].Key is "magnitude" or "magnitudo")
        {
            return true;
        }

        // "1 in 5 children", "satu dari lima": a ratio, not a count.
        if ((i > 1 && tokens[i - 1].Key is "in" or "dari" && tokens[i - 2].IsNumber) || (next is { } of && of.Key is "in" && i + 2 < tokens.Count && tokens[i + 2].IsNumber))
        {
            return false;
        }

        if (next is { } glued && Tokenizer.IsAdjacent(token, glued))
        {
            if ((glued.IsWord && (glued.IsCapitalised || cues.OrdinalSuffixes.Contains(glued.Key))) || (glued.Text is "-" or "‐" && i + 2 < tokens.Count && tokens[i + 2].IsWord))
            {
                return false;
            }
        }

        return !cues.TimeSuffixes.TryMatch(tokens, i + 1, out _);
    }

    /// The value, the top of a range and the token after both, or null when the number is a year standing alone.
    public static (double Value, double? High, int End)? Read(string text, List<Token> tokens, int i, LanguageCues cues, string? prefix)
    {
        var token = tokens[i];
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

        // "from 20 to 35" is two figures, not a range.
        var change = i > 0 && tokens[i - 1].Key is "from" or "dari";
        if (high is null && !change && Range(text, tokens, i, ref j, cues, out var second, out var secondFactor))
        {
            high = second;
            if (multiplied is null && secondFactor is { } factor)
            {
                value *= factor;
            }
        }

        var yearLike = DateFinder.Year(token) is not null || (high is not null && IsYear(value) && IsYear(high.Value));
        if (yearLike && prefix is null && multiplied is null && !cues.Units.TryMatch(tokens, j, out _))
        {
            return null;
        }

        return double.IsFinite(value) && value <= NumberText.Largest && (high is null || high <= NumberText.Largest) ? (value, high, j) : null;
    }

    private static bool IsDay(Token token, LanguageCues cues) => cues.Months.ContainsKey(token.Key) || cues.Weekdays.ContainsKey(token.Key);

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

    /// "2.000 hingga 3.000", "antara 2.000 dan 3.000", "between 4% and 5%", "1 to 2 million", "Rp 10.000–12.000".
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
        var glued = tokens[k].Text is "-" or "–" && Tokenizer.IsAdjacent(tokens[k], tokens[k + 1]);
        if (!joins || (!glued && !Tokenizer.IsDetachedBefore(text, tokens[k + 1])) || !NumberText.TryParse(tokens[k + 1].Text, cues.DecimalSeparator, out var second))
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
}
