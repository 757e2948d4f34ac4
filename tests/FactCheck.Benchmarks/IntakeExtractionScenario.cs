using System.Diagnostics;
using System.Globalization;
using System.Text;
using FactCheck.Tests.Intake.Extraction.Quality;
using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Benchmarks;

/// Issue 8's quality report, issue 24's corpus report and extraction time. Prints the same precision/recall table as
/// ExtractionQualityTests (the scorer and the fixtures are linked from tests/FactCheck.Tests); then, for the issue 24
/// corpus, the per-field and per-phenomenon tables of the development sets (Corpus/dev and Corpus/heldout, the latter
/// scored as development "dev-2" since it was scored while rules changed; with each article's misses), and of the fresh
/// held-out set Corpus/heldout-2 (aggregates only: its texts must not be read while tuning) with the issue's targets; then the median wall time of extracting the seed article and 100,000-character inputs: the
/// fixtures' and development articles' paragraphs over and over (capped at 2,000 sentences and 200 candidates), one
/// unpunctuated "sentence", 5,000-word sentences, a third language and words mixing scripts.
/// Run: dotnet run -c Release --project tests/FactCheck.Benchmarks -- intake [runs]
/// While changing rules: `-- intake-dev [article-name...]` prints the fixtures, both development sets and the times,
/// never scoring the held-out set; with article names, each of those articles' proposals in full.
public static class IntakeExtractionScenario
{
    public static void RunDevelopment(string[] articles)
    {
        var cues = IntakeCues.Default;
        var assembly = typeof(IntakeExtractionScenario).Assembly;
        var fixtures = ExtractionFixtures.Load(assembly);
        var dev = ExtractionFixtures.LoadCorpus(assembly, ExtractionFixtures.Development);
        var devTwo = ExtractionFixtures.LoadCorpus(assembly, ExtractionFixtures.DevelopmentTwo);
        if (articles.Length > 0)
        {
            foreach (var fixture in fixtures.Concat(dev).Concat(devTwo).Where(f => articles.Any(a => f.Name.Contains(a, StringComparison.Ordinal))))
            {
                Console.WriteLine(Proposals(fixture, fixture.Extract(cues)));
            }

            return;
        }

        Console.WriteLine(ExtractionQuality.Report([.. fixtures.Select(f => ExtractionQuality.Score(f, cues))]));
        Console.WriteLine(CorpusReport.Report("development half", [.. dev.Select(f => ExtractionScoring.Score(f, cues))], showArticles: true));
        Console.WriteLine(CorpusReport.Report("dev-2 (the first held-out half, now development)", [.. devTwo.Select(f => ExtractionScoring.Score(f, cues))], showArticles: true));
        Timings(fixtures, dev, cues, 31);
    }

    private static string Proposals(ExtractionFixture fixture, ArticleExtraction extraction)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"## {fixture.Name}");
        foreach (var c in extraction.Candidates)
        {
            var figure = c.Figure is { } f ? string.Create(CultureInfo.InvariantCulture, $" [{f.Value}{(f.High is { } h ? $"-{h}" : "")} {f.Unit}]") : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"#{c.Number} {c.Kind}{(c.CounterClaim ? " COUNTER" : "")} by {c.Claimant?.Name ?? "-"} ({c.Claimant?.Kind}; {c.Claimant?.Affiliation}) {c.Date?.Value:yyyy-MM-dd}{figure} place={c.Place} score={c.Score.Value}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    title: {c.Title}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    text:  {c.Text}");
        }

        foreach (var link in extraction.Links)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"link #{link.FromNumber} {link.Relation} #{link.ToNumber} ({link.Cue})");
        }

        return text.ToString();
    }

    public static void Run(int runs)
    {
        var cues = IntakeCues.Default;
        var assembly = typeof(IntakeExtractionScenario).Assembly;
        var fixtures = ExtractionFixtures.Load(assembly);
        Console.WriteLine(ExtractionQuality.Report([.. fixtures.Select(f => ExtractionQuality.Score(f, cues))]));

        var dev = ExtractionFixtures.LoadCorpus(assembly, ExtractionFixtures.Development).Select(f => ExtractionScoring.Score(f, cues)).ToList();
        var devTwo = ExtractionFixtures.LoadCorpus(assembly, ExtractionFixtures.DevelopmentTwo).Select(f => ExtractionScoring.Score(f, cues)).ToList();
        var heldOut = ExtractionFixtures.LoadCorpus(assembly, ExtractionFixtures.HeldOut).Select(f => ExtractionScoring.Score(f, cues)).ToList();
        Console.WriteLine("## Issue 24 evaluation corpus (tests/FactCheck.Tests/Intake/Extraction/Corpus)");
        Console.WriteLine();
        Console.WriteLine(CorpusReport.Report("development half", dev, showArticles: true));
        Console.WriteLine(CorpusReport.Report("dev-2 (the first held-out half, now development)", devTwo, showArticles: true));
        Console.WriteLine(CorpusReport.Targets("dev-2", ExtractionTargets.Check(devTwo)));
        Console.WriteLine(CorpusReport.Report("fresh held-out set (heldout-2)", heldOut, showArticles: false));
        Console.WriteLine(CorpusReport.Targets("fresh held-out", ExtractionTargets.Check(heldOut)));

        Timings(fixtures, ExtractionFixtures.LoadCorpus(assembly, ExtractionFixtures.Development), cues, runs);
    }

    /// 100,000-character inputs of every kind the extractor must survive within a second: real articles repeated, one
    /// unpunctuated sentence, one 5,000-word sentence, a third language and words mixing scripts.
    private static void Timings(IReadOnlyList<ExtractionFixture> fixtures, IReadOnlyList<ExtractionFixture> dev, IntakeCues cues, int runs)
    {
        var seed = fixtures.Single(f => f.IsSeed);
        var paragraphs = new StringBuilder();
        while (paragraphs.Length < 100_000)
        {
            foreach (var fixture in fixtures.Concat(dev))
            {
                paragraphs.Append(fixture.Article).Append('\n');
            }
        }

        Console.WriteLine($"Extraction time, median of {runs} runs after {Math.Max(5, runs / 10)} warm-up runs ({Environment.ProcessorCount} cores, single thread):");
        Console.WriteLine("| article | characters | sentences | candidates | notice | median ms | p90 ms |");
        Console.WriteLine("|---|---:|---:|---:|---|---:|---:|");
        Time("seed (id)", new ArticleInput(seed.Article, "id", seed.Expected.PublishedOn), cues, runs);
        Time("fixtures and development corpus repeated (detected)", new ArticleInput(paragraphs.ToString(0, 100_000), null, new DateOnly(2020, 10, 24)), cues, runs);
        Time("one unpunctuated sentence (id)", new ArticleInput(Repeat("Presiden Rouhani mengatakan 5.000 orang tewas di Nagorno-Karabakh dan tuduhan itu dibantah pemerintah Baku "), "id", new DateOnly(2020, 10, 24)), cues, runs);
        Time("5,000-word sentences (en)", new ArticleInput(Repeat(string.Concat(Enumerable.Repeat("officials said 5,000 people and ", 1_250)) + ". "), "en", new DateOnly(2020, 10, 24)), cues, runs);
        Time("third language (fr)", new ArticleInput(Repeat("Le ministre a déclaré lundi que cinq mille personnes avaient été évacuées de la région. "), null, new DateOnly(2020, 10, 24)), cues, runs);
        Time("mixed scripts (id)", new ArticleInput(Repeat("Рrеsidеn Jоkоwi mеngаtаkаn 5.000 оrаng tеlаh dіеvаkuаsі, kata pejabat. "), "id", new DateOnly(2020, 10, 24)), cues, runs);
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

    private static void Time(string name, ArticleInput input, IntakeCues cues, int runs)
    {
        ArticleExtraction extraction = ArticleExtractor.Extract(input, cues);
        for (var i = 0; i < Math.Max(5, runs / 10); i++)
        {
            extraction = ArticleExtractor.Extract(input, cues);
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            extraction = ArticleExtractor.Extract(input, cues);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {input.Text.Length:N0} | {extraction.Sentences.Count:N0} | {extraction.Candidates.Count} | {extraction.Notice?.Code ?? "–"} | {times[runs / 2]:F2} | {times[runs * 9 / 10]:F2} |"));
    }
}
