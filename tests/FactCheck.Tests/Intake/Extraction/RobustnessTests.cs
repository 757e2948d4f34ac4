using System.Text;
using System.Text.Json;
using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

/// The extractor is a pure function: same input, same output, never an exception, output bounded whatever the text.
public sealed class RobustnessTests
{
    private static readonly string Seed = ExtractionFixturesSeed();

    [Fact]
    public void The_same_article_gives_the_same_extraction_twice()
    {
        var input = new ArticleInput(Seed, null, Extracted.ArticleDate);

        Assert.Equal(
            JsonSerializer.Serialize(ArticleExtractor.Extract(input, IntakeCues.Default)),
            JsonSerializer.Serialize(ArticleExtractor.Extract(input, IntakeCues.Default)));
    }

    public static TheoryData<string, string> Hostile() => new()
    {
        { "empty", "" },
        { "whitespace", " \r\n\t\u2028\u0085 " },
        { "control characters", "\0\u0001\u0002 kata \u0007\u001b. Menurut \0, 5.000 \u0008 orang." },
        { "unbalanced quotes", "\"Kami siap. “Tidak ada.\" kata Presiden Rouhani, Rabu (7/10/2020). ”\" \"" },
        { "lone surrogates", "\ud800 Menurut \udc00 polisi, 5.000 orang \ud83d tewas." },
        { "no punctuation, 100k", Repeat("Presiden Rouhani mengatakan 5.000 orang di Baku dibantah ") },
        { "one 100k sentence of stops", new string('.', 100_000) },
        { "100k of quotes", new string('"', 100_000) },
        { "100k of digits and separators", Repeat("1.2,3/4-5:6 ") },
        { "abbreviation chains", Repeat("a.b.c.D. Mr. U.S. Jl. No. ") },
        { "dates and numbers", Repeat("Rabu, 7/10/2020 antara 2.000 dan 3.000 orang 99/99/9999 31 Februari 2020. ") },
        { "attributions in every sentence", Repeat("\"Kami menang.\" kata Dia, Rabu. Menurut Pejabat, 5 orang dibantah oleh Baku saling menyalahkan. ") },
        { "huge numbers", "Menurut polisi, 999999999999999999999999999 orang dan 1.000.000.000.000 triliun ton tewas." },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_text_returns_a_bounded_extraction_without_throwing(string what, string text)
    {
        foreach (var language in new[] { "id", "en", null })
        {
            foreach (var published in new DateOnly?[] { Extracted.ArticleDate, null })
            {
                var extraction = ArticleExtractor.Extract(new ArticleInput(text, language, published), IntakeCues.Default);

                Assert.True(extraction.Sentences.Count <= 2_000, what);
                Assert.True(extraction.Candidates.Count <= 200, what);
                Assert.All(extraction.Candidates, c => Assert.InRange(c.Title.Length, 1, 75));
                Assert.All(extraction.Sentences, s => Assert.InRange(s.Start + s.Length, 0, text.Length));
                _ = JsonSerializer.Serialize(extraction);
            }
        }
    }

    [Fact]
    public void Random_text_of_every_kind_never_throws()
    {
        var random = new Random(8);
        const string alphabet = "aA .,!?\"“”'’()-–—/:0123456789\n\r\t\0 Mr.Dr.Jl.No.kata menurut said dibantah % $ Rp 5.000 orang Rabu";
        for (var run = 0; run < 300; run++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 3_000);
            for (var i = 0; i < length; i++)
            {
                text.Append(run % 3 == 0 ? (char)random.Next(0, 0x10000) : run % 3 == 1 ? alphabet[random.Next(alphabet.Length)] : Seed[random.Next(Seed.Length)]);
            }

            var extraction = ArticleExtractor.Extract(new ArticleInput(text.ToString(), run % 2 == 0 ? "id" : null, Extracted.ArticleDate), IntakeCues.Default);
            Assert.True(extraction.Candidates.Count <= 200);
        }
    }

    /// Sentences made of the cue words themselves (each word from a randomly chosen cue list of the language, so a verb,
    /// a claim noun and a preposition meet in every order), with names, numbers and punctuation, reach the rules'
    /// corners: a cue word at a sentence's end, a title with nothing after it, an anaphor before a preposition.
    [Fact]
    public void Sentences_of_cue_words_in_any_order_never_throw()
    {
        using var stream = typeof(IntakeCues).Assembly.GetManifestResourceStream("FactCheck.Intake.cues.json")!;
        using var json = JsonDocument.Parse(stream);
        var extra = new List<string> { "Budi Santoso", "Jakarta", "(BNPB)", "(", ")", ",", ":", "—", "\"", "“", "”", "'s", "5.000", "1,5", "12", "(34)", "3/4", "7/10/2020", "Rp", "%", "-" };
        var random = new Random(24);
        foreach (var language in new[] { "id", "en" })
        {
            var lists = json.RootElement.GetProperty("languages").GetProperty(language).EnumerateObject()
                .Select(p => Words(p.Value)).Where(l => l.Count > 0).Append(extra).ToList();
            for (var run = 0; run < 1_500; run++)
            {
                var text = new StringBuilder();
                for (var sentence = 0; sentence < 4; sentence++)
                {
                    var length = random.Next(1, 14);
                    for (var i = 0; i < length; i++)
                    {
                        var list = lists[random.Next(lists.Count)];
                        var word = list[random.Next(list.Count)];
                        text.Append(random.Next(4) == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(' ');
                    }

                    text.Append(random.Next(3) == 0 ? "\n" : ". ");
                }

                var extraction = ArticleExtractor.Extract(new ArticleInput(text.ToString(), language, Extracted.ArticleDate), IntakeCues.Default);
                Assert.All(extraction.Candidates, c => Assert.InRange(c.Title.Length, 1, 75));
            }
        }
    }

    private static List<string> Words(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => [.. element.EnumerateArray().Select(e => e.GetString() ?? "").Where(w => w.Length > 0 && !w.Contains('*', StringComparison.Ordinal))],
        JsonValueKind.Object => [.. element.EnumerateObject().Select(p => p.Name)],
        _ => [],
    };

    [Fact]
    public void A_long_article_is_capped_at_the_sentence_and_candidate_limits()
    {
        var text = string.Concat(Enumerable.Repeat("Menurut polisi, 5.000 orang tewas. ", 3_000));

        var extraction = ArticleExtractor.Extract(new ArticleInput(text, "id", Extracted.ArticleDate), IntakeCues.Default);

        Assert.Equal(2_000, extraction.Sentences.Count);
        Assert.Equal(200, extraction.Candidates.Count);
        Assert.Equal(Enumerable.Range(1, 200), extraction.Candidates.Select(c => c.Number));
    }

    private static string Repeat(string unit)
    {
        var text = new StringBuilder(100_000 + unit.Length);
        while (text.Length < 100_000)
        {
            text.Append(unit);
        }

        return text.ToString(0, 100_000);
    }

    private static string ExtractionFixturesSeed()
    {
        using var stream = typeof(RobustnessTests).Assembly.GetManifestResourceStream("FactCheck.Intake.Fixtures.seed-nagorno-karabakh.id.txt")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
