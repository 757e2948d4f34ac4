using System.Globalization;

namespace FactCheck.Web.Features.Intake.Extraction;

/// A date found in a sentence, over tokens [Start, End).
internal readonly record struct FoundDate(int Start, int End, DateOnly Value, string Basis);

/// Dates in a sentence: "27 September 2020", "Jumat, 23 Oktober 2020", "Rabu (7/10/2020)", "October 7, 2020", "7 Oct",
/// "2020-10-07", a bare weekday ("pada hari Senin", "on Monday") and "kemarin"/"yesterday". Anything without its own
/// year or day is resolved against the article's date, and is left out when the article has none.
internal static class DateFinder
{
    public static List<FoundDate> Find(string text, List<Token> tokens, LanguageCues cues, DateOnly? published)
    {
        var found = new List<FoundDate>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TryAt(text, tokens, i, cues, published, out var date))
            {
                found.Add(date);
                i = date.End - 1;
            }
        }

        return found;
    }

    private static bool TryAt(string text, List<Token> tokens, int i, LanguageCues cues, DateOnly? published, out FoundDate date)
    {
        date = default;
        var token = tokens[i];
        if (token.IsWord && token.IsCapitalised && cues.Weekdays.TryGetValue(token.Key, out var weekday))
        {
            var j = i + 1;
            var bracket = j < tokens.Count && tokens[j].Text == "(";
            if (j < tokens.Count && tokens[j].Text is "," or "(")
            {
                j++;
            }

            if (TryExplicit(text, tokens, j, cues, published, out var explicitDate))
            {
                var end = bracket && explicitDate.End < tokens.Count && tokens[explicitDate.End].Text == ")" ? explicitDate.End + 1 : explicitDate.End;
                date = explicitDate with { Start = i, End = end };
                return true;
            }

            // "Selasa (11/3)": the day and month in brackets, the year from the article.
            if (bracket && j + 1 < tokens.Count && tokens[j + 1].Text == ")" && published is { } basis && DayMonth(tokens[j].Text, basis) is { } dayMonth)
            {
                date = new FoundDate(i, j + 2, dayMonth, "no-year");
                return true;
            }

            if (published is { } day)
            {
                // "Senin depan", "next Monday": the first such day after the article's date.
                var ahead = (i + 1 < tokens.Count && tokens[i + 1].IsWord && tokens[i + 1].Key is "depan" or "mendatang") || (i > 0 && tokens[i - 1].Key == "next");
                var value = ahead ? day.AddDays(((int)weekday - (int)day.DayOfWeek + 6) % 7 + 1) : day.AddDays(-(((int)day.DayOfWeek - (int)weekday + 7) % 7));
                date = new FoundDate(i, ahead && i + 1 < tokens.Count && tokens[i + 1].Key is "depan" or "mendatang" ? i + 2 : i + 1, value, "weekday");
                return true;
            }

            return false;
        }

        if (TryExplicit(text, tokens, i, cues, published, out date))
        {
            return true;
        }

        // "since Christmas": a named day, in the article's year unless that is still to come.
        if (published is { } yearOf && token.IsWord && cues.NamedDays.TryMatch(tokens, i, out var named) && (token.IsCapitalised || cues.Tag == "id")
            && named.Value.Split('-') is [var m, var d] && int.TryParse(m, CultureInfo.InvariantCulture, out var month) && int.TryParse(d, CultureInfo.InvariantCulture, out var dayOfMonth)
            && TryDate(yearOf.Year, month, dayOfMonth, out var thisYear))
        {
            date = new FoundDate(i, named.End, thisYear > yearOf && TryDate(yearOf.Year - 1, month, dayOfMonth, out var lastYear) ? lastYear : thisYear, "named-day");
            return true;
        }

        // "dua hari lalu", "three days ago": counted back from the article's date.
        if (published is { } from && i + 2 < tokens.Count && (token.IsNumber || cues.NumberWords.ContainsKey(token.Key)) && tokens[i + 1].Key is "hari" or "days" or "day"
            && tokens[i + 2].Key is "lalu" or "ago" or "sebelumnya" && (token.IsNumber ? int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) : (n = cues.NumberWords[token.Key]) > 0) && n is > 0 and < 32)
        {
            date = new FoundDate(i, i + 3, from.AddDays(-n), "relative");
            return true;
        }

        if (published is { } today && token.IsWord && cues.RelativeDays.TryMatch(tokens, i, out var relative))
        {
            date = new FoundDate(i, relative.End, today.AddDays(relative.Value), "relative");
            return true;
        }

        return false;
    }

    private static bool TryExplicit(string text, List<Token> tokens, int i, LanguageCues cues, DateOnly? published, out FoundDate date)
    {
        date = default;
        if (i >= tokens.Count)
        {
            return false;
        }

        var token = tokens[i];
        if (token.IsNumber && Tokenizer.IsDetachedBefore(text, token))
        {
            if (TryNumeric(token.Text, cues, published, out var numeric))
            {
                date = new FoundDate(i, i + 1, numeric, "explicit");
                return true;
            }

            // 27 September 2020, 23 Oktober, 7 Oct. 2020
            if (Day(token) is { } day && Month(tokens, i + 1, cues, requireCapital: false) is var (month, afterMonth))
            {
                return Complete(tokens, i, afterMonth, day, month, published, out date);
            }
        }

        // October 7, 2020; Oct. 7; Jan 31
        if (token.IsWord && Month(tokens, i, cues, requireCapital: true) is var (m, next) && next < tokens.Count && Day(tokens[next]) is { } d
            && !(next + 1 < tokens.Count && Tokenizer.IsAdjacent(tokens[next], tokens[next + 1]) && (tokens[next + 1].IsWord || tokens[next + 1].Text is "-" or "–" or ":")))
        {
            var afterDay = next + 1;
            if (afterDay + 1 < tokens.Count && tokens[afterDay].Text == "," && Year(tokens[afterDay + 1]) is not null)
            {
                afterDay++;
            }

            return Complete(tokens, i, afterDay, d, m, published, out date);
        }

        return false;
    }

    private static bool Complete(List<Token> tokens, int start, int at, int day, int month, DateOnly? published, out FoundDate date)
    {
        date = default;
        if (at < tokens.Count && Year(tokens[at]) is { } year)
        {
            if (!TryDate(year, month, day, out var value))
            {
                return false;
            }

            date = new FoundDate(start, at + 1, value, "explicit");
            return true;
        }

        if (published is not { } basis || !TryDate(basis.Year, month, day, out var thisYear))
        {
            return false;
        }

        var resolved = thisYear > basis && TryDate(basis.Year - 1, month, day, out var lastYear) ? lastYear : thisYear;
        date = new FoundDate(start, at, resolved, "no-year");
        return true;
    }

    /// 7/10/2020 is day/month/year in Indonesian; in English too unless only month/day is possible, or the article's
    /// date makes month/day the recent one (10/7/2020 in an article of 24 October 2020 is 7 October).
    private static bool TryNumeric(string value, LanguageCues cues, DateOnly? published, out DateOnly date)
    {
        date = default;
        var iso = value.Split('-');
        if (iso.Length == 3 && iso[0].Length == 4 && iso.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            return TryDate(Int(iso[0]), Int(iso[1]), Int(iso[2]), out date);
        }

        var parts = value.Split('/');
        if (parts.Length != 3 || parts.Any(p => p.Length is 0 or > 4 || !p.All(char.IsAsciiDigit)) || parts[0].Length > 2 || parts[1].Length > 2)
        {
            return false;
        }

        var year = parts[2].Length == 2 ? 2000 + Int(parts[2]) : Int(parts[2]);
        var dayFirst = TryDate(year, Int(parts[1]), Int(parts[0]), out var dm);
        var monthFirst = cues.Tag != "id" && TryDate(year, Int(parts[0]), Int(parts[1]), out var md) ? md : (DateOnly?)null;
        if (dayFirst && monthFirst is { } usDate && published is { } basis && dm != usDate && (dm > basis || (usDate <= basis && usDate > dm)))
        {
            date = usDate;
            return true;
        }

        if (dayFirst)
        {
            date = dm;
            return true;
        }

        date = monthFirst ?? default;
        return monthFirst is not null;
    }

    /// "11/3" in an article of 12 March 2025 is 11 March 2025; a day later than the article's is the year before.
    private static DateOnly? DayMonth(string value, DateOnly published)
    {
        var parts = value.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length is 0 or > 2 || !p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        if (!TryDate(published.Year, Int(parts[1]), Int(parts[0]), out var date))
        {
            return null;
        }

        return date > published && TryDate(published.Year - 1, Int(parts[1]), Int(parts[0]), out var earlier) ? earlier : date;
    }

    private static (int Month, int Next)? Month(List<Token> tokens, int i, LanguageCues cues, bool requireCapital)
    {
        if (i >= tokens.Count || !tokens[i].IsWord || (requireCapital && !tokens[i].IsCapitalised) || !cues.Months.TryGetValue(tokens[i].Key, out var month))
        {
            return null;
        }

        var next = i + 1 < tokens.Count && tokens[i + 1].Text == "." && Tokenizer.IsAdjacent(tokens[i], tokens[i + 1]) ? i + 2 : i + 1;
        return (month, next);
    }

    private static int? Day(Token token) =>
        token.IsNumber && token.Text.Length <= 2 && token.Text.All(char.IsAsciiDigit) && Int(token.Text) is >= 1 and <= 31 and var day ? day : null;

    internal static int? Year(Token token) =>
        token.IsNumber && token.Text.Length == 4 && token.Text.All(char.IsAsciiDigit) && Int(token.Text) is >= 1900 and <= 2100 and var year ? year : null;

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Int(string digits) =>
        digits.Length <= 9 ? int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) : int.MaxValue;
}
