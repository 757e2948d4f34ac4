using System.Text;

namespace FactCheck.Tests.Reliability;

/// The shared hostile-input corpus: what an attacker, a broken integration or a careless paste may put into any text
/// field, and what may arrive instead of a JSON body. Every write endpoint and form is tried with all of it
/// (HostileApiInputTests, HostileCommandInputTests, HostileFormInputTests); the rule is the same everywhere: a 4xx
/// with a message naming the field, or the value stored exactly and shown as inert text. Never a 500, never a
/// partial write.
public static class HostileCorpus
{
    /// One megabyte of text in a single field: over every field's length limit.
    public static readonly string Megabyte = string.Concat(Enumerable.Repeat("Serangan di Stepanakert ", 1_048_576 / 24 + 1))[..1_048_576];

    /// Text a field might be given. Values that are valid Unicode and within limits may be stored; the rest must be
    /// refused with a clear message.
    public static readonly IReadOnlyList<(string Name, string Value)> Strings =
    [
        ("script tag", "<script>alert('fc')</script>"),
        ("closing script and comment", "</script><!-- <script>alert(1)</script> -->"),
        ("event-handler attribute", "\"><img src=x onerror=alert(1)><svg onload=alert(2)>"),
        ("single-quoted attribute break", "' autofocus onfocus='alert(3)"),
        ("javascript: URL", "javascript:alert(document.cookie)"),
        ("mixed-case javascript: URL with tab", "JaVa\tScRiPt:alert(1)"),
        ("data: URL", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
        ("SQL fragment", "'; DROP TABLE claims; --"),
        ("SQL tautology", "x' OR '1'='1' /*"),
        ("FTS query syntax", "Stepanakert\" NEAR( OR * ^title:"),
        ("template syntax", "{{7*7}} ${7*7} @(7*7) <%= 7*7 %>"),
        ("markdown link to javascript", "[klik](javascript:alert(1)) ![x](data:image/svg+xml,<svg onload=alert(1)>)"),
        ("CRLF header injection", "berita\r\nSet-Cookie: pwned=1\r\n\r\n<h1>x</h1>"),
        ("JSON and script separators", "\u2028\u2029</script>\"}]},{\"@type\":\"x"),
        ("path traversal", "../../../../etc/passwd%00.html"),
        ("mixed-direction text", "\u202Egnp.exe\u202C مرحبا שלום Stepanakert \u200F\u2066x\u2069"),
        ("zero-width and combining", "S\u200Bt\u200De\u0301\u0301\u0301p\uFEFFanakert Z̷̢͈͚a̸l̵g̴o"),
        ("emoji and astral", "🇦🇿🇦🇲 👩🏽‍💻 𝕾𝖙𝖊𝖕𝖆𝖓𝖆𝖐𝖊𝖗𝖙"),
        ("Indonesian with quotes", "Menurut “pejabat” setempat, 4.000–5.000 orang tewas — kata Putin"),
        ("null byte", "Baku\0denies"),
        ("control characters", "a\u0001b\u0007c\u001Bd\u007F"),
        ("lone high surrogate", "broken \uD800 text"),
        ("lone low surrogate", "broken \uDC00 text"),
        ("noncharacter", "bad \uFFFF\uFFFE end"),
        ("replacement character", "kata \uFFFD\uFFFD menteri"),
        ("only whitespace", " \t\u00A0\u3000 "),
        ("one megabyte", Megabyte),
    ];

    /// Values that must be refused wherever they go: not text (half a surrogate pair cannot be stored as it was, and
    /// .NET's normalisation throws on it and on the noncharacters), and on PostgreSQL U+0000, which its text cannot hold.
    public static bool IsUnstorable(string value) =>
        value.Any(c => c is '\uFFFE' or '\uFFFF' || (c == '\0' && TestDatabase.IsPostgres))
        || AsSentOverHttp(value) != value; // UTF-8 changes nothing but half a surrogate pair

    /// The value as an HTTP request carries it: JSON and form bodies are UTF-8, whose encoder writes half a surrogate
    /// pair as U+FFFD, so that is what the server receives (a raw JSON escape of one is in Bodies).
    public static string AsSentOverHttp(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));

    /// What may arrive instead of a well-formed JSON object: each must get a 4xx, and nothing is written.
    public static readonly IReadOnlyList<(string Name, byte[] Body, string ContentType)> Bodies =
    [
        ("empty body", [], "application/json"),
        ("JSON null", "null"u8.ToArray(), "application/json"),
        ("JSON array", "[1,2,3]"u8.ToArray(), "application/json"),
        ("JSON string", "\"claim\""u8.ToArray(), "application/json"),
        ("truncated JSON", "{\"title\": \"Stepan"u8.ToArray(), "application/json"),
        ("trailing garbage", "{} {}"u8.ToArray(), "application/json"),
        ("comments and trailing comma", "{/* x */ \"title\": \"a\",}"u8.ToArray(), "application/json"),
        ("deeply nested arrays", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), "application/json"),
        ("deeply nested objects", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)), "application/json"),
        ("invalid UTF-8", [(byte)'{', (byte)'"', (byte)'t', (byte)'i', (byte)'t', (byte)'l', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}'], "application/json"),
        ("escaped lone surrogate", "{\"title\":\"a\\ud800b\",\"text\":\"\\udc00\",\"reason\":\"\\ud800\",\"note\":\"\\ud800\",\"url\":\"https://x.org/\\ud800\",\"side\":\"\\ud800\",\"summary\":\"\\ud800\"}"u8.ToArray(), "application/json"),
        ("huge number", "{\"version\": 1e999999, \"id\": 99999999999999999999999999, \"figureLow\": 1e400}"u8.ToArray(), "application/json"),
        ("wrong types", "{\"title\": 5, \"text\": [\"a\"], \"version\": \"one\", \"language\": {\"a\": 1}, \"url\": true, \"reason\": 1.5, \"relation\": [], \"side\": {}, \"summary\": false, \"due\": \"tomorrow\", \"until\": 12}"u8.ToArray(), "application/json"),
        ("duplicate keys", "{\"version\": 1, \"version\": 2, \"title\": \"a\", \"title\": \"b\"}"u8.ToArray(), "application/json"),
        ("form body", "title=%3Cscript%3E&text=x"u8.ToArray(), "application/x-www-form-urlencoded"),
        ("XML body", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><claim>&e;</claim>"u8.ToArray(), "application/xml"),
        ("JSON as text/plain", "{\"title\": \"a\"}"u8.ToArray(), "text/plain"),
    ];
}
