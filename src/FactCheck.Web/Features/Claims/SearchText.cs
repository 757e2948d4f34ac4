using System.Globalization;
using System.Text;

namespace FactCheck.Web.Features.Claims;

/// How text is cut into words: letters and numbers as SQLite's unicode61 tokenizer keeps them, lower case, accents
/// on Latin letters folded ("Pašinjan" -> "pasinjan"), plus the stop words of both desk languages. The index
/// (ClaimSearchIndex) stores these words and their stems; a query goes through the same code, so it finds them.
public static partial class SearchText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have", "he", "her", "his",
        "in", "into", "is", "it", "its", "of", "on", "or", "said", "says", "she", "that", "the", "their", "there", "they",
        "this", "to", "was", "were", "which", "who", "will", "with",
        // Bahasa Indonesia
        "adalah", "akan", "atau", "bahwa", "dalam", "dan", "dari", "dengan", "di", "ini", "itu", "juga", "kata", "ke",
        "kepada", "oleh", "pada", "para", "sebagai", "sejak", "telah", "tersebut", "untuk", "yang", "tidak", "ada", "bisa",
        "sudah", "dia", "mereka", "kami", "kita", "namun", "sementara",
    };

    public static IEnumerable<string> Tokens(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var builder = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (IsTokenCharacter(rune))
            {
                AppendFolded(builder, rune);
            }
            else if (builder.Length > 0)
            {
                yield return builder.ToString();
                builder.Clear();
            }
        }

        if (builder.Length > 0)
        {
            yield return builder.ToString();
        }
    }

    // unicode61 keeps letters, numbers and private-use characters; everything else, combining marks included, separates words.
    private static bool IsTokenCharacter(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse;

    // remove_diacritics folds accented Latin letters only ("Pašinjan" -> "pasinjan"); Cyrillic "й" and Greek "ή" stay as they are.
    private static void AppendFolded(StringBuilder builder, Rune rune)
    {
        if (rune.Value is >= 0xC0 and < 0x250 or >= 0x1E00 and < 0x1F00)
        {
            var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 1 && decomposed[0] < 0x250 && char.IsLetter(decomposed[0]))
            {
                builder.Append(char.ToLowerInvariant(decomposed[0]));
                return;
            }
        }

        builder.Append(Rune.ToLowerInvariant(rune).ToString());
    }

    /// Distinct words that carry meaning: no stop words, no one-letter words.
    public static IReadOnlyList<string> Terms(string? text) =>
        Tokens(text).Where(t => t.Length > 1 && !StopWords.Contains(t)).Distinct(StringComparer.Ordinal).ToList();

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// An FTS5 MATCH expression that requires every word in any of its readings (the word itself or an Indonesian or
    /// English stem: the query's language is unknown), the last word also as a prefix (search-as-you-type).
    public static string? AllWordsQuery(string? text)
    {
        var words = Tokens(text).Distinct(StringComparer.Ordinal).Take(12).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        // FTS5 wants AND spelled out between bracketed groups.
        return string.Join(" AND ", words.Select((w, i) =>
        {
            var readings = WordStems.Readings(w).Select(r => $"\"{r}\"").ToList();
            if (i == words.Count - 1)
            {
                readings[0] += "*";
            }

            return readings.Count == 1 ? readings[0] : $"({string.Join(" OR ", readings)})";
        }));
    }

    /// The PostgreSQL tsquery of an FTS5 expression written above or by FindSimilarClaims ("a"* -> 'a':*, AND -> &, OR -> |):
    /// the terms are the same lexemes the index holds, so both engines match the same claims.
    public static string ToTsQuery(string match) =>
        QuotedTerm().Replace(match, m => "'" + m.Groups[1].Value.Replace("'", "''", StringComparison.Ordinal) + "'" + (m.Groups[2].Success ? ":*" : ""))
            .Replace(" AND ", " & ", StringComparison.Ordinal)
            .Replace(" OR ", " | ", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex("\"([^\"]*)\"(\\*)?")]
    private static partial System.Text.RegularExpressions.Regex QuotedTerm();
}
