using System.Text;
using FactCheck.Web.Features.Claims;

namespace FactCheck.Web.Features.Intake.Extraction;

/// A short suggested title: "Vladimir Putin: konflik itu telah menewaskan 5.000 orang", at most ClaimRules.MaxTitleLength
/// characters, cut at a word with "…", and without rating words ("hoaks", "false"): a title names the claim, not our verdict.
internal static class ClaimTitle
{
    public static string Make(SentenceFacts facts, LanguageCues cues)
    {
        var content = facts.Attribution is { } a && a.ContentEnd > a.ContentStart
            ? Lead(facts, cues, a.ContentStart, a.ContentEnd)
            : Lead(facts, cues, facts.Sentence.Start, facts.Sentence.Start + facts.Sentence.Length);
        content = Clean(content);
        var title = facts.Claimant switch
        {
            { } claimant when facts.Attribution is { VerbLed: true } verbLed => $"{claimant.Name} {verbLed.Cue} {content}",
            { } claimant when content.Length > 0 => $"{claimant.Name}: {content}",
            _ => content.Length > 0 ? content : Clean(facts.Text),
        };
        var shortened = Shorten(WithoutRatingWords(Clean(title)));
        return shortened.Length > 0 ? shortened : "Claim from the article";
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

    private static string Shorten(string title)
    {
        if (title.Length <= ClaimRules.MaxTitleLength)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', ClaimRules.MaxTitleLength - 1);
        if (cut <= ClaimRules.MaxTitleLength / 2)
        {
            cut = char.IsHighSurrogate(title[ClaimRules.MaxTitleLength - 2]) ? ClaimRules.MaxTitleLength - 2 : ClaimRules.MaxTitleLength - 1;
        }

        var head = title[..cut];
        return head.TrimEnd(',', ';', ':', ' ', '-') + "…";
    }
}
