namespace FactCheck.Web.Features.Intake.Extraction;

/// A rough stem, enough for a denial to share words with the claim it answers: "cutting" and "cut", "collections" and
/// "collection"; "penarikan" and "menarik" (Indonesian affixes: meN-, peN-, di-, ber-, ter-, ke-, se-, -kan, -an, -i,
/// -nya). Not a linguist's stemmer: two words with one stem may still differ, which only loses a shared word.
internal static class WordStems
{
    private static readonly string[] IndonesianPrefixes = ["meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe", "di", "ber", "ter", "ke", "se"];
    private static readonly string[] IndonesianSuffixes = ["nya", "kan", "an", "i"];

    public static string Of(string key, bool indonesian)
    {
        var word = key.EndsWith("'s", StringComparison.Ordinal) ? key[..^2] : key.TrimEnd('\'');
        return indonesian ? Indonesian(word) : English(word);
    }

    private static string English(string word)
    {
        foreach (var (suffix, keep) in new[] { ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "") })
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length] + keep;
                return stem.Length >= 4 && stem[^1] == stem[^2] && !"aeiou".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1] : stem;
            }
        }

        return word;
    }

    private static string Indonesian(string word)
    {
        foreach (var suffix in IndonesianSuffixes)
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                word = word[..^suffix.Length];
                break;
            }
        }

        foreach (var prefix in IndonesianPrefixes)
        {
            if (word.Length - prefix.Length >= 4 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return word[prefix.Length..];
            }
        }

        return word;
    }
}
