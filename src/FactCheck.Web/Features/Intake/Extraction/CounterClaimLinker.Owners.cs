namespace FactCheck.Web.Features.Intake.Extraction;

/// Who a denial answers when its words name an owner or a kind but no reporting verb points the way.
internal static partial class CounterClaimLinker
{
    /// The one earlier speaker whose name holds every content word of an owner phrase ("villagers"), else null.
    private static string? GroupOwner(List<SentenceFacts> earlier, string ownerWords, LanguageCues cues)
    {
        var stems = Stems(ownerWords, cues);
        var names = earlier.Where(e => e.Claimant is not null && stems.Count > 0 && NameStems(e.Claimant, cues) is var held && stems.All(held.Contains))
            .Select(e => e.Claimant!.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return names.Count == 1 ? names[0] : null;
    }

    private static List<string> Stems(string words, LanguageCues cues) =>
        [.. Tokenizer.Tokenize(words).Where(t => t.IsWord && t.Key.Length >= 3 && !cues.StopWords.Contains(t.Key) && !cues.Determiners.Contains(t.Key)).Select(t => WordStems.Of(t.Key, cues.Tag == "id"))];

    /// The nearest earlier claim by someone else that names the answering claimant (every word of the name), else null.
    private static SentenceFacts? Naming(List<SentenceFacts> earlier, SentenceFacts unit, LanguageCues cues)
    {
        if (unit.Claimant is null || NameStems(unit.Claimant, cues) is not { Count: > 0 } stems)
        {
            return null;
        }

        return earlier.Take(Window).FirstOrDefault(e => e.Claimant is not null && stems.All(e.ContentWords.Contains));
    }

    private static bool Scoped(SentenceFacts unit, LanguageCues cues) => unit.Tokens.Exists(t => t.IsWord && cues.ScopeWords.Contains(t.Key));

    /// The first of a speaker's claims of one kind told in a row (paper's-voice sentences between them aside): a post's
    /// claim and its elaboration are one claim, answered where it was first made.
    private static SentenceFacts FirstOfItsKind(List<SentenceFacts> units, SentenceFacts match)
    {
        var first = match;
        for (var j = units.IndexOf(match) - 1; j >= 0 && units[j].Counter is null && (units[j].Claimant is null || SameClaimant(units[j].Claimant, match.Claimant)); j--)
        {
            if (units[j].Claimant is not null && units[j].VerbKind == match.VerbKind)
            {
                first = units[j];
            }
        }

        return first;
    }

    /// The first claim in the window when every earlier claim by someone else there is one speaker's (paper's-voice
    /// sentences aside), else null.
    private static SentenceFacts? OnlySpeaker(List<SentenceFacts> earlier)
    {
        var window = earlier.Take(Window).Where(e => e.Claimant is not null).ToList();
        var speakers = window.Select(e => e.Claimant!.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return speakers == 1 ? window[^1] : null;
    }
}
