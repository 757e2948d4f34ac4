using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace FactCheck.Web.Components;

/// Puts the messages commands return (validation failures, refusals, conflicts) into the staff member's language.
/// Validators and handlers write English, which the API keeps (problem details name the field and carry the English
/// message); each feature's resources list those messages under keys starting with "Err", English in the neutral file
/// ("Claim #{0} does not exist.") and the translation in the .id file. A message matches its English pattern, and the
/// values filled into it carry over (a value that is itself a listed message, such as "in review", is translated too).
/// A message no resource lists stays as it is.
public static class StaffMessages
{
    public const string KeyPrefix = "Err";

    private static readonly Lazy<List<Pattern>> Patterns = new(Load);
    private static readonly ConcurrentDictionary<(string Message, string Culture), string> Seen = new();

    /// The message in the current UI culture's language.
    public static string Localise(string? message)
    {
        if (string.IsNullOrEmpty(message) || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en")
        {
            return message ?? "";
        }

        var culture = CultureInfo.CurrentUICulture;
        if (Seen.TryGetValue((message, culture.Name), out var known))
        {
            return known;
        }

        var translated = Translate(message, culture);
        if (Seen.Count < 10_000)
        {
            Seen[(message, culture.Name)] = translated;
        }

        return translated;
    }

    /// Several messages (a field's errors), each localised.
    public static IEnumerable<string> Localise(IEnumerable<string> messages) => messages.Select(Localise);

    /// Whether some resource lists this English message (a test checks every validator's message is listed).
    public static bool IsListed(string message) => Patterns.Value.Any(p => p.Regex.IsMatch(message));

    private static string Translate(string message, CultureInfo culture)
    {
        foreach (var pattern in Patterns.Value)
        {
            var match = pattern.Regex.Match(message);
            if (!match.Success)
            {
                continue;
            }

            var local = pattern.Resources.GetString(pattern.Key, culture);
            if (string.IsNullOrEmpty(local))
            {
                return message;
            }

            var values = match.Groups.Cast<Group>().Skip(1).Select(g => (object)Localise(g.Value)).ToArray();
            return values.Length == 0 ? local : string.Format(culture, local, values);
        }

        return message;
    }

    private static List<Pattern> Load()
    {
        var assembly = typeof(StaffMessages).Assembly;
        var patterns = new List<Pattern>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("FactCheck.Web.", StringComparison.Ordinal) && n.EndsWith("Text.resources", StringComparison.Ordinal)))
        {
            var manager = new ResourceManager(name[..^".resources".Length], assembly);
            var neutral = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
            if (neutral is null)
            {
                continue;
            }

            foreach (DictionaryEntry entry in neutral)
            {
                // A pattern must hold some text of its own: "{0}" alone would match every message.
                if (entry.Key is string key && key.StartsWith(KeyPrefix, StringComparison.Ordinal) && entry.Value is string english
                    && Regex.Replace(english, @"\{\d+\}", "").Trim().Length > 0)
                {
                    patterns.Add(new Pattern(manager, key, english.Length, ToRegex(english)));
                }
            }
        }

        // The longest English text first: "Claim #{0} is merged…" is tried before a shorter pattern it also fits.
        return patterns.OrderByDescending(p => p.Length).ToList();
    }

    private static Regex ToRegex(string english)
    {
        var parts = Regex.Split(english, @"\{\d+\}");
        var body = string.Join("(.+?)", parts.Select(Regex.Escape));
        return new Regex("^" + body + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(50));
    }

    private sealed record Pattern(ResourceManager Resources, string Key, int Length, Regex Regex);
}
