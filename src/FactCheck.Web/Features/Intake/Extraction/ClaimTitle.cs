using System.Text;
using FactCheck.Web.Features.Claims;

namespace FactCheck.Web.Features.Intake.Extraction;

/// A short suggested title: "Vladimir Putin: konflik itu telah menewaskan 5.000 orang", at most ClaimRules.MaxTitleLength
/// characters, cut at a word with "…", and without rating words ("hoaks", "false"): a title names the claim, not our verdict.
internal static class ClaimTitle
{
    public static string Make(SentenceFacts facts, CandidateFigure? figure, LanguageCues cues)
    {
        var content = facts.Attribution is { } a && a.ContentEnd > a.ContentStart
            ? Lead(facts, cues, a.ContentStart, a.ContentEnd)
            : Lead(facts, cues, facts.Sentence.Start, facts.Sentence.Start + facts.Sentence.Length);
        content = WithoutDanglingAgent(Clean(content), cues);
        if (figure is not null && facts.Figures.Count > 1)
        {
            content = PieceWith(content, figure.Text, facts.Figures.Select(f => f.Text));
        }

        var title = facts.Claimant switch
        {
            { } claimant when facts.Attribution is { VerbLed: true } verbLed => $"{claimant.Name} {verbLed.Cue} {content}",
            { } claimant when content.Length > 0 => $"{claimant.Name}: {content}",
            _ => content.Length > 0 ? content : Clean(facts.Text),
        };
        var shortened = Shorten(WithoutRatingWords(Clean(title)), cues);
        return shortened.Length > 0 ? shortened : "Claim from the article";
    }

    /// "Tuduhan itu dibantah oleh" (the agent read off as the claimant) reads "Tuduhan itu dibantah".
    private static string WithoutDanglingAgent(string content, LanguageCues cues)
    {
        var last = content.LastIndexOf(' ');
        return last > 0 && cues.AgentMarkers.Contains(Tokenizer.KeyOf(content[(last + 1)..])) ? content[..last].TrimEnd(',', ' ') : content;
    }

    /// The piece of the claim that holds this figure, between commas, "dan", "and" or "serta" ("membuat 3.400 warga
    /// mengungsi" of "… menewaskan 12 orang dan membuat 3.400 warga mengungsi"), so each figure's title is its own.
    private static string PieceWith(string content, string figure, IEnumerable<string> all)
    {
        var at = content.IndexOf(figure, StringComparison.Ordinal);
        if (at < 0)
        {
            return content;
        }

        // A separator inside a figure ("between 2,000 and 3,000") separates nothing.
        var inside = all.Select(f => (At: content.IndexOf(f, StringComparison.Ordinal), f.Length)).Where(f => f.At >= 0).ToList();
        bool Free(int i) => !inside.Exists(f => i > f.At && i < f.At + f.Length);
        var separators = new[] { ", ", "; ", " dan ", " and ", " serta ", " as well as " };
        var start = separators.Select(s => LastFree(s)).Max();
        var end = separators.Select(s => NextFree(s)).Min();

        int LastFree(string s)
        {
            for (var i = content.LastIndexOf(s, at, StringComparison.Ordinal); i >= 0; i = i == 0 ? -1 : content.LastIndexOf(s, i - 1, StringComparison.Ordinal))
            {
                if (Free(i))
                {
                    return i + s.Length;
                }
            }

            return 0;
        }

        int NextFree(string s)
        {
            for (var i = content.IndexOf(s, at + figure.Length, StringComparison.Ordinal); i >= 0; i = content.IndexOf(s, i + 1, StringComparison.Ordinal))
            {
                if (Free(i))
                {
                    return i;
                }
            }

            return content.Length;
        }

        // Another figure in the same piece ("melanda tiga kecamatan … menewaskan 12 orang"): the first figure keeps the
        // piece's opening, a later one its verb.
        var others = inside.Where(f => f.At >= start && f.At + f.Length <= end && f.At != at).ToList();
        if (others.Count > 0)
        {
            var figureEnd = at + figure.Length;
            if (others.TrueForAll(f => f.At > at))
            {
                end = figureEnd;
            }
            else
            {
                var previousWord = content.LastIndexOf(' ', Math.Max(0, at - 2));
                start = Math.Max(start, previousWord + 1);
                end = figureEnd;
            }
        }

        var piece = content[start..end].Trim();
        return piece.Split(' ').Length >= 2 ? piece : content;
    }

    /// The text between two positions of the sentence, without a dateline ("JAKARTA —", "KYIV (Reuters) -") or a
    /// leading connector ("Sementara itu,", "Namun").
    private static string Lead(SentenceFacts facts, LanguageCues cues, int from, int to)
    {
        var tokens = facts.Tokens;
        var start = tokens.FindIndex(t => t.Start >= from);
        if (start < 0)
        {
            return "";
        }

        for (var k = start; k < Math.Min(tokens.Count, start + 8); k++)
        {
            if (tokens[k].Text is "—" or "–" or "-" && k > start && !Tokenizer.IsAdjacent(tokens[k - 1], tokens[k]) && k + 1 < tokens.Count
                && tokens.Skip(start).Take(k - start).All(t => !t.IsWord || t.IsCapitalised || t.IsAcronym))
            {
                start = k + 1;
                break;
            }
        }

        // "- Harga: …", "• Penyebab: …": a bullet and its label.
        while (start < tokens.Count && tokens[start].Text is "-" or "•" or "*" or "–")
        {
            start++;
        }

        var colon = tokens.FindIndex(start, Math.Min(6, tokens.Count - start), t => t.Text == ":");
        if (colon > start && colon + 1 < tokens.Count && tokens.Skip(start).Take(colon - start).All(t => t.IsWord || t.Text is "'" or "’"))
        {
            start = colon + 1;
        }

        while (start < tokens.Count && cues.Connectors.TryMatch(tokens, start, out var connector))
        {
            start = connector.End;
            while (start < tokens.Count && tokens[start].Text == ",")
            {
                start++;
            }
        }

        var offset = facts.Sentence.Start;
        var begin = start < tokens.Count ? tokens[start].Start : to;
        return begin < to ? facts.Text[(begin - offset)..Math.Min(to - offset, facts.Text.Length)] : "";
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!space || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(space ? ' ' : c);
            }
        }

        var cleaned = builder.ToString().Trim(',', ';', ':', ' ').TrimEnd('.', '!', '?', ',', ' ');
        if (cleaned.Length > 2 && Quotes.IsQuote(cleaned[0]) && Quotes.IsQuote(cleaned[^1]) && !cleaned[1..^1].Any(Quotes.IsQuote))
        {
            // A whole quotation: the title is its words ("…," kata X reads X: Kita harus …).
            cleaned = cleaned[1..^1].Trim().TrimEnd('.', '!', '?', ',', ' ');
        }

        return Balanced(cleaned);
    }

    /// Drops a quote mark left alone at either end ("Kita harus …," kata X keeps its quotation, loses the stray mark).
    private static string Balanced(string text)
    {
        if (text.Count(c => c == '"') % 2 == 1)
        {
            text = text.StartsWith('"') ? text[1..] : text.EndsWith('"') ? text[..^1] : text;
        }

        if (text.StartsWith('“') && !text.Contains('”', StringComparison.Ordinal))
        {
            text = text[1..];
        }

        if (text.EndsWith('”') && !text.Contains('“', StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        return text.Trim(' ', ',');
    }

    private static string WithoutRatingWords(string title)
    {
        // Word by word, so the joined title has no rating word either (search tokens never span a space).
        var kept = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => ClaimRules.RatingWordIn(word) is null);
        return string.Join(' ', kept).Trim(':', ' ');
    }

    /// At most ClaimRules.MaxTitleLength characters: cut at a word, and never after a word that needs the next one
    /// ("yang", "di", "the", "of", "oleh"), so a title does not stop mid-phrase.
    private static string Shorten(string title, LanguageCues cues)
    {
        if (title.Length <= ClaimRules.MaxTitleLength)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', ClaimRules.MaxTitleLength - 1);
        while (cut > ClaimRules.MaxTitleLength / 2 && title.LastIndexOf(' ', cut - 1) is var previous and > 0
               && Tokenizer.KeyOf(title[(previous + 1)..cut].TrimEnd(',', ';', ':')) is var word
               && (cues.StopWords.Contains(word) || cues.PhraseStops.Contains(word) || cues.AgentMarkers.Contains(word) || cues.Determiners.Contains(word)))
        {
            cut = previous;
        }

        if (cut <= ClaimRules.MaxTitleLength / 2)
        {
            cut = char.IsHighSurrogate(title[ClaimRules.MaxTitleLength - 2]) ? ClaimRules.MaxTitleLength - 2 : ClaimRules.MaxTitleLength - 1;
        }

        var head = title[..cut];
        return head.TrimEnd(',', ';', ':', ' ', '-') + "…";
    }
}
