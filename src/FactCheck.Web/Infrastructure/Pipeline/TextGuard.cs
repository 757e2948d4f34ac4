using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace FactCheck.Web.Infrastructure.Pipeline;

/// Text a message may carry: any Unicode, in any script and direction, control characters included (they are
/// stored as typed; the Atom feed leaves them out, JSON escapes them), but not half a surrogate pair or the
/// noncharacters U+FFFE/U+FFFF. Those are not text: SQLite cannot store a lone surrogate as it was (UTF-8 has no
/// form for it), and .NET's normalisation, which search and matching use, throws on all three. The validation
/// behaviour runs this first, over every string in a message (nested records and lists included), so the answer is
/// a 400 naming the field rather than a 500 from deep inside a rule.
public static class TextGuard
{
    private const int MaxDepth = 4;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    private static readonly System.Buffers.SearchValues<char> Suspect =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0xD800, 0x800).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    /// The first unacceptable character of each field that has one, keyed by the field's path ("Title",
    /// "Claims[2].Text"), with a message that says what and where.
    /// refuseNul: PostgreSQL cannot store U+0000 in text (SQLite keeps it as typed), so on PostgreSQL it is refused too.
    public static Dictionary<string, string[]>? Check(object message, bool refuseNul = false)
    {
        Dictionary<string, string[]>? errors = null;
        Walk(message, "", 0, refuseNul, ref errors);
        return errors;
    }

    /// The index of the first character that is not acceptable text, or -1.
    public static int FirstUnacceptable(string text)
    {
        // Almost all text has no surrogate or noncharacter at all: one vectorised search says so.
        var start = text.AsSpan().IndexOfAny(Suspect);
        if (start < 0)
        {
            return -1;
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// The text without what FirstUnacceptable finds: for input that is only read, never stored (a search).
    public static string RemoveUnacceptable(string text)
    {
        var index = FirstUnacceptable(text);
        if (index < 0)
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        kept.Append(text, 0, index);
        for (var i = index; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(text, i++, 2);
            }
            else if (!char.IsSurrogate(text[i]) && text[i] is not ('\uFFFE' or '\uFFFF'))
            {
                kept.Append(text[i]);
            }
        }

        return kept.ToString();
    }

    public static string Describe(string text, int index)
    {
        var what = char.IsSurrogate(text[index])
            ? "half of a character (a broken surrogate pair)"
            : text[index] == '\0' ? "U+0000 (a null character, which this database cannot store)"
            : $"U+{(int)text[index]:X4} (not a character)";
        return $"This text contains {what} at position {(index + 1).ToString("N0", CultureInfo.InvariantCulture)}. Remove it and try again: it cannot be stored or shown.";
    }

    private static void Walk(object? value, string path, int depth, bool refuseNul, ref Dictionary<string, string[]>? errors)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                var index = FirstUnacceptable(text);
                if (refuseNul && text.IndexOf('\0', StringComparison.Ordinal) is >= 0 and var nul && (index < 0 || nul < index))
                {
                    index = nul;
                }

                if (index >= 0)
                {
                    (errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal))[path] = [Describe(text, index)];
                }

                return;
        }

        if (depth >= MaxDepth)
        {
            return;
        }

        var type = value.GetType();
        if (value is IEnumerable items && type != typeof(string))
        {
            var i = 0;
            foreach (var item in items)
            {
                if (item is string or null || IsOurs(item.GetType()))
                {
                    Walk(item, $"{path}[{i}]", depth + 1, refuseNul, ref errors);
                }

                i++;
            }

            return;
        }

        if (!IsOurs(type))
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && Worth(p.PropertyType))
                     .ToArray()))
        {
            // Top-level names as the message spells them (forms and problem details map them); nested ones as JSON does.
            Walk(property.GetValue(value), path.Length == 0 ? property.Name : $"{path}.{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name)}", depth + 1, refuseNul, ref errors);
        }
    }

    private static bool IsOurs(Type type) => !type.IsValueType && type.Namespace?.StartsWith("FactCheck.Web", StringComparison.Ordinal) == true;

    private static bool Worth(Type type) =>
        type == typeof(string) || IsOurs(type)
        || (typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType && type.GetGenericArguments() is [var element] && (element == typeof(string) || IsOurs(element)));
}
