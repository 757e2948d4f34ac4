namespace FactCheck.Web.Features.Intake.Extraction;

/// A number with its unit over tokens [Start, End): "5.000 orang" is 5000 people; High is set for ranges.
internal sealed record FoundFigure(int Start, int End, double Value, double? High, string Unit);

/// Every figure in a sentence, each with its unit in English ("3.400 warga" residents, "Rp 15.000 per hari" IDR/day,
/// "tiga kecamatan" subdistricts, "two staff absences" absences). Not figures: dates and years, times, ages ("(34)",
/// "Okafor, 71,"), durations ("selama 14 hari", "two weeks"), numbers glued to a word ("ke-2", "G20", "21-storey"),
/// numbers after a word that makes them a label ("nomor urut 3", "kilometer 70", "pecahan Rp 50.000"), numbers in a
/// name ("SD Negeri Cibadak 2"), "one of"/"satu dari", a count already made ("the three suspects", "angka 40 persen itu")
/// and whatever tokens the caller leaves out (the speaker's phrase: "Two witnesses", "viewed 2.3 million times").
/// A number without a unit takes its neighbour's ("366,781 votes, against 117,454"; "9 of the state's 16 areas").
internal static class FigureFinder
{
    public static List<FoundFigure> Find(string text, List<Token> tokens, LanguageCues cues, bool[] skip, out string? bareNumber)
    {
        var figures = new List<FoundFigure>();
        var waiting = new List<(int Index, double Value, bool Forward)>();
        bareNumber = null;
        var labels = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (skip[i])
            {
                continue;
            }

            // "pecahan Rp 100.000 dan Rp 50.000": the whole list after a label word is labels.
            labels = labels && (token.IsNumber || token.Key is "dan" or "and" or "," or "atau" or "or" || cues.PrefixUnits.TryMatch(tokens, i, out _));
            if (token.IsWord && cues.NumberPhrases.TryMatch(tokens, i, out var word) && !labels)
            {
                if (WordFigure(tokens, i, word, cues) is { } spelled)
                {
                    figures.Add(spelled);
                    i = spelled.End - 1;
                }

                continue;
            }

            if (!token.IsNumber || labels)
            {
                continue;
            }

            if (!FigureCandidate.Allowed(text, tokens, i, cues, out var prefix, out var label))
            {
                labels |= label;
                continue;
            }

            var read = FigureCandidate.Read(text, tokens, i, cues, prefix);
            if (read is null)
            {
                continue;
            }

            var (value, high, end) = read.Value;
            switch (FigureUnits.After(tokens, i, end, cues, prefix))
            {
                case { Unit: "" }:
                    break;
                case { } unit:
                    figures.Add(new FoundFigure(i, unit.End, value, high, unit.Unit));
                    i = unit.End - 1;
                    break;
                default:
                    var forward = end < tokens.Count && tokens[end].Key is "of" or "dari";
                    var joined = (i > 0 && tokens[i - 1].Key is "against" or "versus" or "vs" or "and" or "dan" or "or" or "atau" or "to" or "compared")
                        || (end < tokens.Count && tokens[end].IsWord && cues.OtherWords.Contains(tokens[end].Key));
                    if ((forward || joined) && !(i > 0 && tokens[i - 1].IsCapitalised))
                    {
                        waiting.Add((i, value, forward));
                    }
                    else if (DateFinder.Year(token) is null && !(i > 0 && tokens[i - 1].IsCapitalised && i > 1))
                    {
                        bareNumber ??= token.Text;
                    }

                    i = end - 1;
                    break;
            }
        }

        foreach (var (index, value, forward) in waiting)
        {
            var neighbour = forward ? figures.FirstOrDefault(f => f.Start > index) ?? figures.LastOrDefault(f => f.Start < index)
                : figures.LastOrDefault(f => f.Start < index) ?? figures.FirstOrDefault(f => f.Start > index);
            if (neighbour is not null)
            {
                figures.Add(new FoundFigure(index, index + 1, value, null, neighbour.Unit));
            }
            else
            {
                bareNumber ??= tokens[index].Text;
            }
        }

        figures.Sort((a, b) => a.Start.CompareTo(b.Start));
        return figures;
    }

    /// "tiga kecamatan", "two staff absences", "dua orang saksi": a number word before a counted noun. Not "the three
    /// suspects", "satu dari", "one of", "satu pun", nor a word before a duration ("two weeks").
    private static FoundFigure? WordFigure(List<Token> tokens, int i, PhraseMatch<int> word, LanguageCues cues)
    {
        if (i > 0 && tokens[i - 1].IsWord && (cues.Demonstratives.Contains(tokens[i - 1].Key) || tokens[i - 1].Key is "the" or "salah" or "kedua" or "para" or "its" or "their"))
        {
            return null;
        }

        // "one in four journeys", "satu dari lima warga": a ratio, not a count.
        if (i > 1 && tokens[i - 1].Key is "in" or "dari" or "of" && (tokens[i - 2].IsNumber || cues.NumberPhrases.TryMatch(tokens, i - 2, out _)))
        {
            return null;
        }

        var j = word.End;
        double value = word.Value;
        if (j < tokens.Count && tokens[j].IsWord && cues.Multipliers.TryGetValue(tokens[j].Key, out var factor))
        {
            value *= factor;
            j++;
        }

        if (j >= tokens.Count || !tokens[j].IsWord || tokens[j].Key is "of" or "dari" or "pun" or "di" or "per" || cues.DurationUnits.TryMatch(tokens, j, out _))
        {
            return null;
        }

        var unit = FigureUnits.After(tokens, i, j, cues, null);
        if (unit is not { Unit.Length: > 0 } found || (!found.FromLexicon && (cues.UnitHeadFirst || !found.Unit.EndsWith('s'))))
        {
            return null;
        }

        // "dua negara tetangganya" (its two neighbours): a count already known, not claimed.
        for (var k = found.End - 1; k < Math.Min(tokens.Count, found.End + 1); k++)
        {
            if (cues.UnitHeadFirst && tokens[k].IsWord && tokens[k].Key.EndsWith("nya", StringComparison.Ordinal) && tokens[k].Key.Length > 5)
            {
                return null;
            }
        }

        return new FoundFigure(i, found.End, value, null, found.Unit);
    }
}
