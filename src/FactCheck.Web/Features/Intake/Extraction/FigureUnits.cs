namespace FactCheck.Web.Features.Intake.Extraction;

/// A figure's unit, read after its number. Unit "" means the number is no figure (a duration, or a count pointing back
/// at one already made: "angka 40 persen itu"); null means no unit was found. FromLexicon is set when the unit came
/// from the cue data rather than the noun as written.
internal readonly record struct FoundUnit(string Unit, int End, bool FromLexicon);

/// The unit in English, as the cue data has it: "%" and "persen" are percent, "orang" people, "warga" residents,
/// "Rp" IDR; "6 orang saksi" witnesses (a classifier and its noun); "200,000 of its supporters" supporters; a noun the
/// cue data does not know as written ("2,396 military facilities" facilities, plural); "wounded 61" people; a rate
/// after it ("Rp 15.000 per hari" IDR/day, "£2,140 a year" GBP/year).
internal static class FigureUnits
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["person"] = "people", ["child"] = "children", ["man"] = "men", ["woman"] = "women", ["foot"] = "feet", ["tooth"] = "teeth", ["mouse"] = "mice",
    };

    public static FoundUnit? After(List<Token> tokens, int number, int j, LanguageCues cues, string? prefix)
    {
        if (prefix is null && j + 1 < tokens.Count && tokens[j].Text == "-" && tokens[j + 1].Key is "magnitude" or "magnitudo")
        {
            return new FoundUnit("magnitude", j + 2, true);
        }

        var unit = prefix is not null ? new FoundUnit(prefix, j, true) : Noun(tokens, number, j, cues);
        if (unit is not { Unit.Length: > 0 } found)
        {
            return unit;
        }

        var end = found.End;
        var text = found.Unit;
        if (cues.RateSuffixes.TryMatch(tokens, end, out var rate) && !(rate.End < tokens.Count && tokens[rate.End].Key is "ago" or "lalu" or "earlier" or "before"))
        {
            text = $"{text}/{rate.Value}";
            end = rate.End;
        }

        // "membantah angka 40 persen itu": a figure named to be answered is not claimed again.
        return end < tokens.Count && tokens[end].IsWord && cues.Demonstratives.Contains(tokens[end].Key) && cues.UnitHeadFirst
            ? new FoundUnit("", end, false)
            : found with { Unit = text, End = end };
    }

    private static FoundUnit? Noun(List<Token> tokens, int number, int j, LanguageCues cues)
    {
        // "6 orang saksi" counts witnesses; "3 orang tewas" still counts people.
        if (j < tokens.Count && tokens[j].IsWord && cues.Classifiers.Contains(tokens[j].Key) && cues.Units.TryMatch(tokens, j + 1, out var counted) && !cues.Classifiers.Contains(tokens[j + 1].Key)
            && counted.Value is not ("deaths" or "injured" or "missing"))
        {
            return new FoundUnit(counted.Value, counted.End, true);
        }

        if (cues.DurationUnits.TryMatch(tokens, j, out var duration))
        {
            return new FoundUnit("", duration.End, false);
        }

        if (cues.Units.TryMatch(tokens, j, out var data))
        {
            return new FoundUnit(data.Value, data.End, true);
        }

        // "112 lainnya", "21 others": the unit of the figure before.
        if (j < tokens.Count && tokens[j].IsWord && cues.OtherWords.Contains(tokens[j].Key))
        {
            return null;
        }

        var from = j;
        if (!cues.UnitHeadFirst && j < tokens.Count && tokens[j].Key == "of")
        {
            from = j + 1;
            while (from < tokens.Count && tokens[from].IsWord && (cues.Determiners.Contains(tokens[from].Key) || tokens[from].Key.EndsWith("'s", StringComparison.Ordinal)))
            {
                from++;
            }

            if (from >= tokens.Count || tokens[from].IsNumber || !tokens[from].IsWord)
            {
                return null;
            }

            if (cues.Units.TryMatch(tokens, from, out var ofData))
            {
                return new FoundUnit(ofData.Value, ofData.End, true);
            }
        }

        var run = from;
        while (run < tokens.Count && run - from < 3 && tokens[run].IsWord && (!IsFunctionWord(tokens[run], cues) || ModifiesNext(tokens, run, from, cues)))
        {
            if (run > from && cues.Units.TryMatch(tokens, run, out var inner))
            {
                return new FoundUnit(inner.Value, inner.End, true);
            }

            run++;
            if (cues.UnitHeadFirst)
            {
                break;
            }
        }

        if (run > from)
        {
            var allNames = true;
            for (var k = from; k < run; k++)
            {
                allNames &= tokens[k].IsCapitalised;
            }

            return allNames ? null : new FoundUnit(cues.UnitHeadFirst ? tokens[run - 1].Key : Plural(tokens[run - 1].Key), run, false);
        }

        for (var back = number - 1; back >= Math.Max(0, number - 3); back--)
        {
            if (tokens[back].IsWord && cues.CasualtyVerbs.TryMatch(tokens, back, out var casualty) && casualty.End <= number)
            {
                return new FoundUnit(casualty.Value, j, true);
            }
        }

        for (var back = number - 1; back >= Math.Max(0, number - 4); back--)
        {
            if (tokens[back].IsWord && cues.Units.TryMatch(tokens, back, out var before) && before.End <= number)
            {
                return new FoundUnit(before.Value, j, true);
            }
        }

        // "The death toll from Monday's earthquake … rose above 21,000": the tally named earlier in the clause.
        for (var back = number - 1; back >= Math.Max(0, number - 14) && tokens[back].Text is not (";" or ":"); back--)
        {
            if (tokens[back].IsWord && cues.TallyNouns.TryMatch(tokens, back, out var tally) && tally.End <= number)
            {
                return new FoundUnit(tally.Value, j, true);
            }
        }

        return null;
    }

    /// "310,000 medical claims files": a word that is also a verb ("claims") inside a run of nouns.
    private static bool ModifiesNext(List<Token> tokens, int k, int from, LanguageCues cues) =>
        k > from && !cues.UnitHeadFirst && k + 1 < tokens.Count && tokens[k + 1].IsWord && !cues.StopWords.Contains(tokens[k].Key)
        && !cues.Auxiliaries.Contains(tokens[k].Key) && !IsFunctionWord(tokens[k + 1], cues);

    private static string Plural(string word)
    {
        if (Irregular.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        if (word.EndsWith('s') || word.Length < 3)
        {
            return word;
        }

        if (word.EndsWith('y') && !"aeiou".Contains(word[^2], StringComparison.Ordinal))
        {
            return word[..^1] + "ies";
        }

        return word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal) || word.EndsWith('x') ? word + "es" : word + "s";
    }

    private static bool IsFunctionWord(Token token, LanguageCues cues) =>
        cues.StopWords.Contains(token.Key) || cues.Months.ContainsKey(token.Key) || cues.Weekdays.ContainsKey(token.Key)
        || cues.Multipliers.ContainsKey(token.Key) || cues.RangeConnectors.Contains(token.Key) || cues.Determiners.Contains(token.Key)
        || cues.PhraseStops.Contains(token.Key) || cues.Auxiliaries.Contains(token.Key) || cues.NegationWords.Contains(token.Key)
        || cues.PreVerbs.TryMatch([token], 0, out _) || cues.EventVerbs.TryMatch([token], 0, out _) || cues.DurationUnits.TryMatch([token], 0, out _)
        || cues.CommonVerbs.Contains(token.Key) || cues.Locatives.Contains(token.Key) || (!cues.UnitHeadFirst && token.Key.EndsWith("ed", StringComparison.Ordinal) && token.Key.Length > 4);
}
