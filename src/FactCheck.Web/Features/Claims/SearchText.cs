using System.Globalization;
using System.Text;

namespace FactCheck.Web.Features.Claims;

/// How claim text is cut into search terms, the same way SQLite's unicode61 tokenizer cuts it
/// (lower case, diacritics removed, letters and digits only), plus the stop words of both desk languages.
public static class SearchText
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
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
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

    /// Distinct words that carry meaning: no stop words, no one-letter words.
    public static IReadOnlyList<string> Terms(string? text) =>
        Tokens(text).Where(t => t.Length > 1 && !StopWords.Contains(t)).Distinct(StringComparer.Ordinal).ToList();

    /// An FTS5 MATCH expression that requires every word, the last one as a prefix (search-as-you-type).
    public static string? AllWordsQuery(string? text)
    {
        var words = Tokens(text).Distinct(StringComparer.Ordinal).Take(12).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        return string.Join(' ', words.Select((w, i) => i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
    }
}
