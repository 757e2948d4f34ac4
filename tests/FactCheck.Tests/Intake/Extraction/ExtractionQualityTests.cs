using FactCheck.Tests.Intake.Extraction.Quality;
using FactCheck.Web.Features.Intake.Extraction;
using Xunit.Abstractions;

namespace FactCheck.Tests.Intake.Extraction;

/// Measures the extractor against the hand-made expectations in Fixtures/ (issue 8's quality report) and holds the
/// three things the issue requires of the seed article.
public sealed class ExtractionQualityTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<FixtureScore>> Scores = new(() =>
        [.. ExtractionFixtures.Load(typeof(ExtractionQualityTests).Assembly).Select(f => ExtractionQuality.Score(f, IntakeCues.Default))]);

    private static FixtureScore Seed => Scores.Value.Single(s => s.Fixture.IsSeed);

    [Fact]
    public void Quality_report_over_the_seed_and_the_fixtures_meets_its_floors()
    {
        var scores = Scores.Value;
        output.WriteLine(ExtractionQuality.Report(scores));

        Assert.True(scores.Count(s => !s.Fixture.IsSeed && s.Fixture.Expected.Language == "id") >= 4);
        Assert.True(scores.Count(s => !s.Fixture.IsSeed && s.Fixture.Expected.Language == "en") >= 4);
        Assert.True(scores.Count(s => s.Fixture.IsHeldOut) >= 4);

        // Floors over every article, held-out ones included, a little under what the rules reach today (issue 24) so
        // a change that loses ground fails here. Links are fewer, so one miss moves them most.
        AssertFloor(scores, "claims", precision: 0.95, recall: 0.95);
        AssertFloor(scores, "kinds", precision: 0.95, recall: 0.95);
        AssertFloor(scores, "claimants", precision: 0.95, recall: 0.95);
        AssertFloor(scores, "dates", precision: 0.95, recall: 0.95);
        AssertFloor(scores, "figures", precision: 0.88, recall: 0.90);
        AssertFloor(scores, "links", precision: 0.90, recall: 0.85);
    }

    [Fact]
    public void Seed_Stepanakert_accusation_and_Baku_denial_come_out_linked()
    {
        var accusation = Seed.CandidateFor("Pejabat lokal menuduh pasukan Azerbaijan menyerang gedung-gedung di Stepanakert");
        var denial = Seed.CandidateFor("Namun tuduhan itu dibantah pemerintah Baku");

        Assert.NotNull(accusation);
        Assert.NotNull(denial);
        Assert.True(denial.CounterClaim);
        Assert.Equal("Pemerintah Baku", denial.Claimant?.Name);
        var link = Assert.Single(Seed.Extraction.Links, l => l.FromNumber == denial.Number);
        Assert.Equal(new CandidateLink(denial.Number, accusation.Number, "denies", "dibantah"), link);
    }

    [Fact]
    public void Seed_Putin_5000_is_a_figure_claim_with_value_5000()
    {
        var putin = Seed.CandidateFor("Vladimir Putin menduga konflik itu telah menewaskan 5.000 orang");

        Assert.NotNull(putin);
        Assert.Equal("figure", putin.Kind);
        Assert.Equal(5000, putin.Figure?.Value);
        Assert.Equal("people", putin.Figure?.Unit);
        Assert.Equal("Vladimir Putin", putin.Claimant?.Name);
    }

    [Fact]
    public void Seed_Rouhani_statement_of_7_October_2020_carries_that_date()
    {
        var statement = Seed.CandidateFor("Rouhani pada hari Rabu (7/10/2020) mengungkapkan");
        var quote = Seed.CandidateFor("Kita harus penuh perhatian");

        Assert.NotNull(statement);
        Assert.NotNull(quote);
        Assert.Equal(new CandidateDate(new DateOnly(2020, 10, 7), "Rabu (7/10/2020)", "explicit"), statement.Date);
        Assert.Equal(new DateOnly(2020, 10, 7), quote.Date?.Value);
        Assert.Equal("Hassan Rouhani", statement.Claimant?.Name);
        Assert.Equal("Hassan Rouhani", quote.Claimant?.Name);
    }

    [Fact]
    public void Every_expectation_names_a_sentence_its_article_contains()
    {
        foreach (var fixture in Scores.Value.Select(s => s.Fixture))
        {
            var phrases = fixture.Expected.Claims.Select(c => c.Sentence)
                .Concat(fixture.Expected.Background ?? [])
                .Concat(fixture.Expected.Claims.SelectMany(c => c.Links ?? []).Select(l => l.To));
            foreach (var phrase in phrases)
            {
                Assert.True(fixture.Article.Contains(phrase, StringComparison.Ordinal), $"{fixture.Name}: \"{phrase}\" is not in the article");
            }
        }
    }

    private static void AssertFloor(IReadOnlyList<FixtureScore> scores, string field, double precision, double recall)
    {
        var total = ExtractionQuality.Total(scores, field);
        Assert.True(total.Precision >= precision, $"{field} precision {total.Precision:0.00} is below {precision:0.00}");
        Assert.True(total.Recall >= recall, $"{field} recall {total.Recall:0.00} is below {recall:0.00}");
    }
}
