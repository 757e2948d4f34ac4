using Lucene.Net.Analysis.Id;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace FactCheck.Web.Features.Claims;

/// The stems of a word (lower case, accents folded, as SearchText cuts it): Lucene's Indonesian stemmer and Snowball's
/// English one. Where an Indonesian affix reads two ways (Lucene reads "menuduh" as "uduh", the root is "tuduh") every
/// reading is kept: a wrong one is a non-word that matches nothing; one that is a stop word ("akan") is dropped.
public static class WordStems
{
    [ThreadStatic]
    private static IndonesianStemmer? indonesian;

    [ThreadStatic]
    private static EnglishStemmer? english;

    private static readonly string[] Nasals = ["ng", "ny", "m", "n"];

    public static IReadOnlyList<string> Indonesian(string word)
    {
        var stems = new List<string>(4);
        if (!IsStemmable(word))
        {
            return stems;
        }

        foreach (var variant in IndonesianVariants(word))
        {
            var stem = StemIndonesian(variant);
            Add(stems, word, stem);
            if (variant.EndsWith('i') && variant.EndsWith(stem + "i", StringComparison.Ordinal))
            {
                Add(stems, word, stem + "i");
            }

            if (variant.Length > 5 && variant.EndsWith("kan", StringComparison.Ordinal))
            {
                Add(stems, word, StemIndonesian(variant[..^2]));
            }
        }

        return stems;
    }

    public static string? English(string word)
    {
        if (!IsStemmable(word))
        {
            return null;
        }

        english ??= new EnglishStemmer();
        english.SetCurrent(word);
        english.Stem();
        var stem = english.Current;
        return stem != word && IsReading(stem) ? stem : null;
    }

    /// Every form a query word may take in the index when its language is unknown: itself and its stems in both languages.
    public static IReadOnlyList<string> Readings(string word)
    {
        var readings = new List<string> { word };
        foreach (var stem in Indonesian(word))
        {
            if (!readings.Contains(stem))
            {
                readings.Add(stem);
            }
        }

        if (English(word) is { } en && !readings.Contains(en))
        {
            readings.Add(en);
        }

        return readings;
    }

    /// The word as written, then decoded each way its prefix may have been formed: me(m|n|ng|ny)+vowel as p|t|k|s or
    /// m|n|ny + the rest, ber|per|ter+vowel as be|pe|te + r ("perebutan" is pe-rebut-an).
    private static IEnumerable<string> IndonesianVariants(string word)
    {
        yield return word;
        if (word.Length < 6)
        {
            yield break;
        }

        if (word[1] == 'e' && word[2] == 'r' && word[0] is ('b' or 'p' or 't') && IsVowel(word[3]))
        {
            yield return word[2..];
        }

        if (!(word.StartsWith("me", StringComparison.Ordinal) || word.StartsWith("pe", StringComparison.Ordinal)))
        {
            yield break;
        }

        var nasal = Array.Find(Nasals, n => word.AsSpan(2).StartsWith(n, StringComparison.Ordinal));
        var rest = nasal is null ? "" : word[(2 + nasal.Length)..];
        if (nasal is null || rest.Length < 3 || !IsVowel(rest[0]))
        {
            yield break;
        }

        yield return nasal switch { "m" => "p", "n" => "t", "ng" => "k", _ => "s" } + rest;
        if (nasal != "ng")
        {
            yield return nasal + rest;
        }
    }

    private static string StemIndonesian(string word)
    {
        indonesian ??= new IndonesianStemmer();
        var chars = word.ToCharArray();
        return new string(chars, 0, indonesian.Stem(chars, chars.Length, stemDerivational: true));
    }

    private static void Add(List<string> stems, string word, string stem)
    {
        if (stem != word && IsReading(stem) && !stems.Contains(stem))
        {
            stems.Add(stem);
        }
    }

    private static bool IsStemmable(string word) => word.Length > 3 && word.All(char.IsAsciiLetterLower);

    private static bool IsReading(string stem) => stem.Length > 2 && !SearchText.IsStopWord(stem);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
