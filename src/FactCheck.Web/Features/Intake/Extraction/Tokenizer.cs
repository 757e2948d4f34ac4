using System.Globalization;

namespace FactCheck.Web.Features.Intake.Extraction;

internal enum TokenKind
{
    Word,
    Number,
    Punct,
}

/// A word ("Nagorno-Karabakh", "India's"), a number ("5.000", "7/10/2020", "2.000-3.000", "10:30") or one punctuation
/// character, with its UTF-16 position in the article. Key is how cue data is matched: lower-case words, ’ as '.
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string Text, string Key)
{
    public int End => Start + Length;
    public bool IsWord => Kind == TokenKind.Word;
    public bool IsNumber => Kind == TokenKind.Number;
    public bool IsPunct => Kind == TokenKind.Punct;
    public bool IsCapitalised => Kind == TokenKind.Word && char.IsUpper(Text[0]);
    public bool IsAcronym => Kind == TokenKind.Word && Text.Length >= 2 && Text.All(c => !char.IsLetter(c) || char.IsUpper(c));
    public bool IsQuote => Kind == TokenKind.Punct && Quotes.IsQuote(Text[0]);
}

internal static class Tokenizer
{
    public static List<Token> Tokenize(string text) => Tokenize(text, 0, text.Length);

    public static List<Token> Tokenize(string text, int start, int length)
    {
        var tokens = new List<Token>();
        var end = start + length;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (IsLetter(c))
            {
                var j = i + 1;
                while (j < end && (IsLetter(text[j]) || (IsJoiner(text[j]) && j + 1 < end && IsLetter(text[j + 1]))))
                {
                    j++;
                }

                tokens.Add(Make(TokenKind.Word, text, i, j));
                i = j;
            }
            else if (char.IsAsciiDigit(c))
            {
                var j = i + 1;
                while (j < end && (char.IsAsciiDigit(text[j]) || (IsNumberJoiner(text[j]) && j + 1 < end && char.IsAsciiDigit(text[j + 1]))))
                {
                    j++;
                }

                tokens.Add(Make(TokenKind.Number, text, i, j));
                i = j;
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || char.IsDigit(c))
            {
                i++;
            }
            else
            {
                tokens.Add(Make(TokenKind.Punct, text, i, i + 1));
                i++;
            }
        }

        return tokens;
    }

    /// The keys of a cue phrase, cut the same way as article text ("U.S." is u . s .; "rejected * account" keeps *).
    public static string[] Keys(string phrase) => [.. Tokenize(phrase.Trim()).Select(t => t.Key)];

    public static string KeyOf(string word) => word.ToLowerInvariant().Replace('’', '\'');

    private static Token Make(TokenKind kind, string text, int start, int end)
    {
        var value = text[start..end];
        return new Token(kind, start, end - start, value, kind == TokenKind.Word ? KeyOf(value) : value);
    }

    private static bool IsLetter(char c) =>
        char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsJoiner(char c) => c is '-' or '\'' or '’' or '‐';

    private static bool IsNumberJoiner(char c) => c is '.' or ',' or '/' or ':' or '-' or '–';

    /// Whether the article has a space (or a line start) right before this token: "ke-2" and "G20" do not.
    public static bool IsDetachedBefore(string text, Token token) =>
        token.Start == 0 || char.IsWhiteSpace(text[token.Start - 1]) || text[token.Start - 1] is '(' or '"' or '“' or '\'' or '‘' or '$' or '€' or '£';

    public static bool IsAdjacent(Token left, Token right) => left.End == right.Start;
}

internal static class Quotes
{
    public static bool IsQuote(char c) => c is '"' or '“' or '”' or '„' or '«' or '»';

    /// Pairs of quote marks in a stretch of text: “ with the next ”, straight quotes two by two; a mark left over
    /// is ignored, so one stray quote cannot swallow the rest of a paragraph.
    public static List<(int Open, int Close)> Spans(string text, int start, int end)
    {
        var spans = new List<(int, int)>();
        int? curly = null, straight = null;
        for (var i = start; i < end; i++)
        {
            switch (text[i])
            {
                case '“' or '«' or '„' when curly is null && straight is null:
                    curly = i;
                    break;
                case '”' or '»' when curly is not null:
                    spans.Add((curly.Value, i));
                    curly = null;
                    break;
                case '"' when curly is null:
                    if (straight is null)
                    {
                        straight = i;
                    }
                    else
                    {
                        spans.Add((straight.Value, i));
                        straight = null;
                    }

                    break;
            }
        }

        return spans;
    }
}
