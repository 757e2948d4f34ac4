using Lucene.Net.Analysis.Id;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace FactCheck.Web.Features.Claims;

/// The stems a word stands for, from Lucene's Indonesian stemmer and the Snowball English (Porter2) stemmer.
/// Words come in as SearchText cut them: lower case, diacritics folded.
/// Lucene's Indonesian stemmer removes particles, possessives and derivational affixes, but drops a nasal prefix
/// without restoring the consonant it replaced: "menuduh" -> "uduh" while "tuduhan" -> "tuduh". Without a
/// dictionary the root cannot be told for sure, so a word keeps every reading: me(m|n|ng|ny)+vowel also reads as
/// p|t|k|s, or as m|n|ny, followed by the rest ("tuduh", "makan", "nyata"); ber|per|ter+vowel also reads as
/// be|pe|te+r ("perebutan" -> "rebut"); a -kan ending also reads as -an
/// ("tembakan" -> "tembak"); a stripped -i also reads as part of the root ("dinilai" -> "nilai"). A wrong reading
/// is a non-word that matches nothing; a reading that is a stop word ("memakan" -> "akan") is dropped.
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

    /// The word as written, then the word with its prefix decoded each way it may have been formed.
    private static IEnumerable<string> IndonesianVariants(string word)
    {
        yield return word;
        if (word.Length < 6)
        {
            yield break;
        }

        // ber-, per-, ter- drop the r of a root that starts with one: "perebutan" is pe-rebut-an.
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

    /// Numbers, codes and short words are kept as they are.
    private static bool IsStemmable(string word) => word.Length > 3 && word.All(char.IsAsciiLetterLower);

    private static bool IsReading(string stem) => stem.Length > 2 && !SearchText.IsStopWord(stem);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
