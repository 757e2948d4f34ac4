using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FactCheck.E2E.Infrastructure;

/// Finds English a person reading Indonesian would see: every English string of the app's resources (and MudBlazor's)
/// whose Indonesian differs, and common English words, in the page's visible text, placeholders and accessible labels.
/// A string left untranslated in a page or component therefore fails the test that looks at that page.
public static partial class EnglishOnScreen
{
    /// Data and names that read the same in both languages: the product, people, places, addresses.
    private static readonly string[] Allowed = ["FactCheck", "English", "Bahasa Indonesia", "Budi Checker", "Sari Checker", "Dewi Editor", "WIB", "· editor", "· checker"];

    private static readonly Lazy<IReadOnlyList<(string English, Regex Pattern)>> Strings = new(Load);

    // Words that are not Indonesian, so a hard-coded English sentence is caught even if no resource holds it.
    [GeneratedRegex(@"\b(the|and|of|your|with|this|that|is|are|not|for|from|yet|no|by|on|or|to|be|has|was|will|can|claim|claims|save|cancel|new|add|edit|remove|search|loading|due|today|tomorrow|yesterday|sign|out|page|rows|next|previous|none|open|close)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CommonWords();

    /// The English found on the page as it stands, each with the text around it.
    public static async Task<IReadOnlyList<string>> FindAsync(IPage page)
    {
        var seen = await page.EvaluateAsync<string>(
            """
            () => [document.title, document.body.innerText,
                   ...[...document.querySelectorAll('[placeholder],[aria-label],[title]')]
                      .filter(e => e.offsetParent !== null || e === document.body)
                      .flatMap(e => [e.getAttribute('placeholder'), e.getAttribute('aria-label'), e.getAttribute('title')])]
                  .filter(Boolean).join('\n')
            """);
        // Text marked as English on purpose (the English version of a verdict, under lang="en") is content, not UI.
        var markedEnglish = await page.EvaluateAsync<string[]>(
            "() => [...document.body.querySelectorAll('[lang]:not([lang=id])')].map(e => e.innerText).filter(Boolean)");
        seen = markedEnglish.OrderByDescending(t => t.Length).Aggregate(seen, (t, english) => t.Replace(english, " ", StringComparison.Ordinal));
        var text = Allowed.Aggregate(seen, (t, a) => t.Replace(a, " ", StringComparison.Ordinal));
        text = Regex.Replace(text, @"https?://\S+|\S+@\S+|#\d+", " ");
        var found = new List<string>();
        foreach (var (english, pattern) in Strings.Value)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                found.Add($"“{english}” in …{Around(text, match)}…");
            }
        }

        foreach (Match word in CommonWords().Matches(text))
        {
            found.Add($"“{word.Value}” in …{Around(text, word)}…");
        }

        return found.Distinct().ToList();
    }

    private static string Around(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 30);
        var end = Math.Min(text.Length, match.Index + match.Length + 30);
        return text[start..end].Replace('\n', ' ');
    }

    private static List<(string, Regex)> Load()
    {
        var pairs = new List<(string English, string? Indonesian)>();
        var app = typeof(FactCheck.Web.Components.StaffMessages).Assembly;
        foreach (var name in app.GetManifestResourceNames().Where(n => n.EndsWith("Text.resources", StringComparison.Ordinal)))
        {
            pairs.AddRange(Read(new ResourceManager(name[..^".resources".Length], app)));
        }

        // MudBlazor ships English only; its Indonesian is ours (MudText.id.resx).
        var ours = new ResourceManager(typeof(FactCheck.Web.Components.MudText));
        pairs.AddRange(Read(new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudBlazor.MudButton).Assembly), ours));
        return pairs
            .Where(p => p.English != p.Indonesian)
            // Format strings: the literal parts; date patterns are not words.
            .SelectMany(p => Regex.Split(p.English, @"\{[^}]*\}"))
            .Select(s => s.Trim(' ', ',', '.', ':', ';', '(', ')', '“', '”', '\'', '·', '—', '-'))
            .Where(s => s.Length >= 4 && s.Any(char.IsLetter) && !s.Contains("MMM", StringComparison.Ordinal) && !Allowed.Contains(s))
            .Distinct()
            .Select(s => (s, new Regex(@"(?<![\p{L}])" + Regex.Escape(s) + @"(?![\p{L}])", RegexOptions.CultureInvariant)))
            .ToList();
    }

    private static IEnumerable<(string English, string? Indonesian)> Read(ResourceManager resources, ResourceManager? translations = null)
    {
        var neutral = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
        if (neutral is null)
        {
            yield break;
        }

        var indonesian = CultureInfo.GetCultureInfo("id");
        foreach (DictionaryEntry entry in neutral)
        {
            if (entry is { Key: string key, Value: string english })
            {
                yield return (english, translations is null ? resources.GetString(key, indonesian) : translations.GetString(key, indonesian));
            }
        }
    }
}
