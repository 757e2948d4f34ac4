using FactCheck.Tests.Intake.Extraction.Quality;
using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

/// The scorer's matching and counting rules (Corpus/README.md, "Scoring") on hand-built extractions, so its numbers
/// mean what the report says whatever the extractor does.
public sealed class ExtractionScoringTests
{
    private const string Contrast = "Officials said 12 people died in the blast, but residents said 30 people died.";

    [Fact]
    public void A_split_contrast_sentence_pairs_each_clause_with_its_own_candidate_whatever_their_order()
    {
        var fixture = Fixture(Contrast,
            new ExpectedClaim("Officials said 12 people died", "figure", "Officials", Figure: new ExpectedFigure(12, "people")),
            new ExpectedClaim("but residents said 30 people died", "figure", "residents", Figure: new ExpectedFigure(30, "people"), CounterClaim: true,
                Links: [new ExpectedLink("Officials said 12 people died", "disputes")]));
        var residents = Candidate(1, Contrast, "but residents said 30 people died.", "figure", "residents", new CandidateFigure(30, null, "people", "30 people"), counter: true);
        var officials = Candidate(2, Contrast, "Officials said 12 people died in the blast,", "figure", "Officials", new CandidateFigure(12, null, "people", "12 people"));

        var score = ExtractionScoring.Score(fixture, Extraction([residents, officials], new CandidateLink(1, 2, "disputes", "but")));

        Assert.Equal(new Tally(2, 0, 0), score.Fields[ExtractionScoring.Candidates]);
        Assert.Equal(new Tally(2, 0, 0), score.Fields[ExtractionScoring.Figures]);
        Assert.Equal(new Tally(2, 0, 0), score.Fields[ExtractionScoring.Claimants]);
        Assert.Equal(new Tally(1, 0, 0), score.Fields[ExtractionScoring.CounterClaims]);
        Assert.Equal(new Tally(1, 0, 0), score.Fields[ExtractionScoring.Links]);
        Assert.Same(officials, score.Claims[0].Candidate);
    }

    [Fact]
    public void One_candidate_for_a_contrast_sentence_stands_for_one_clause_and_the_other_is_missed()
    {
        var fixture = Fixture(Contrast,
            new ExpectedClaim("Officials said 12 people died", "figure", "Officials", Figure: new ExpectedFigure(12, "people")),
            new ExpectedClaim("but residents said 30 people died", "figure", "residents", Figure: new ExpectedFigure(30, "people"), CounterClaim: true,
                Links: [new ExpectedLink("Officials said 12 people died", "disputes")]));
        var whole = Candidate(1, Contrast, Contrast, "figure", "residents", new CandidateFigure(12, null, "people", "12 people"), counter: true);

        var score = ExtractionScoring.Score(fixture, Extraction([whole]));

        Assert.Equal(new Tally(1, 0, 1), score.Fields[ExtractionScoring.Candidates]);
        Assert.Equal(new Tally(0, 0, 1), score.Fields[ExtractionScoring.Links]);
        Assert.Contains(score.Misses, m => m.Contains("claim not proposed", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_figure_of_a_sentence_is_its_own_claim_and_a_single_candidate_scores_only_the_figure_it_carries()
    {
        const string article = "The storm killed 12 people and left 3,400 families homeless, officials said.";
        var fixture = Fixture(article,
            new ExpectedClaim("killed 12 people", "figure", "officials", Figure: new ExpectedFigure(12, "people")),
            new ExpectedClaim("3,400 families homeless", "figure", "officials", Figure: new ExpectedFigure(3400, "families")));
        var both = Extraction(
            [Candidate(1, article, article, "figure", "officials", new CandidateFigure(3400, null, "families", "3,400 families")),
             Candidate(2, article, article, "figure", "officials", new CandidateFigure(12, null, "people", "12 people"))]);
        var one = Extraction([Candidate(1, article, article, "figure", "officials", new CandidateFigure(3400, null, "families", "3,400 families"))]);

        var twoCandidates = ExtractionScoring.Score(fixture, both);
        var oneCandidate = ExtractionScoring.Score(fixture, one);

        Assert.Equal(new Tally(2, 0, 0), twoCandidates.Fields[ExtractionScoring.Figures]);
        Assert.Equal(new Tally(1, 0, 1), oneCandidate.Fields[ExtractionScoring.Candidates]);
        Assert.Equal(new Tally(1, 0, 1), oneCandidate.Fields[ExtractionScoring.Figures]);
        Assert.Null(oneCandidate.Claims[0].Candidate);
        Assert.True(oneCandidate.Claims[1].FigureRight);
    }

    [Fact]
    public void A_wrong_unit_is_a_wrong_figure_but_a_right_figure_value()
    {
        const string article = "Rents rose Rp 15.000 per hari, traders said.";
        var fixture = Fixture(article, new ExpectedClaim("Rents rose", "figure", "traders", Figure: new ExpectedFigure(15000, "IDR/day")));

        var score = ExtractionScoring.Score(fixture, Extraction([Candidate(1, article, article, "figure", "traders", new CandidateFigure(15000, null, "IDR", "Rp 15.000"))]));

        Assert.Equal(new Tally(0, 1, 1), score.Fields[ExtractionScoring.Figures]);
        Assert.Equal(new Tally(1, 0, 0), score.Fields[ExtractionScoring.FigureValues]);
    }

    [Fact]
    public void An_optional_claim_is_neither_rewarded_nor_penalised_and_a_background_proposal_is_a_false_positive()
    {
        const string article = "The mayor said the bridge will reopen in May. The market is the largest in the region. Police said 3 people were hurt.";
        var fixture = Fixture(article,
            new ExpectedClaim("The mayor said the bridge", "statement", "mayor", Optional: true),
            new ExpectedClaim("Police said 3 people", "figure", "Police", Figure: new ExpectedFigure(3, "people")));
        var proposedAll = Extraction(
            [Candidate(1, article, "The mayor said the bridge will reopen in May."),
             Candidate(2, article, "The market is the largest in the region."),
             Candidate(3, article, "Police said 3 people were hurt.", "figure", "Police", new CandidateFigure(3, null, "people", "3 people"))]);
        var proposedNone = Extraction([]);

        var all = ExtractionScoring.Score(fixture, proposedAll);
        var none = ExtractionScoring.Score(fixture, proposedNone);

        Assert.Equal(new Tally(1, 1, 0), all.Fields[ExtractionScoring.Candidates]);
        Assert.Equal(new Tally(0, 0, 1), none.Fields[ExtractionScoring.Candidates]);
        Assert.Single(all.Misses, m => m.Contains("The market is the largest", StringComparison.Ordinal));
    }

    [Fact]
    public void A_denial_linked_to_the_wrong_claim_is_a_false_positive_and_a_miss_and_a_wrong_relation_counts_as_wrong()
    {
        const string article = "Residents accused the council of cutting collections. \"The bins are overflowing,\" said Mary Jones. The council denied the claim.";
        var fixture = Fixture(article,
            new ExpectedClaim("Residents accused the council", "statement", "Residents"),
            new ExpectedClaim("The bins are overflowing", "quote", "Mary Jones"),
            new ExpectedClaim("The council denied the claim", "statement", "council", CounterClaim: true,
                Links: [new ExpectedLink("Residents accused the council", "denies")]));
        ClaimCandidate[] candidates =
        [
            Candidate(1, article, "Residents accused the council of cutting collections.", claimant: "Residents"),
            Candidate(2, article, "\"The bins are overflowing,\" said Mary Jones.", "quote", "Mary Jones"),
            Candidate(3, article, "The council denied the claim.", claimant: "council", counter: true),
        ];

        var toQuote = ExtractionScoring.Score(fixture, Extraction(candidates, new CandidateLink(3, 2, "denies", "denied")));
        var disputes = ExtractionScoring.Score(fixture, Extraction(candidates, new CandidateLink(3, 1, "disputes", "denied")));

        Assert.Equal(new Tally(0, 1, 1), toQuote.Fields[ExtractionScoring.Links]);
        Assert.Equal(new Tally(0, 1, 1), toQuote.Fields[ExtractionScoring.LinksAnyRelation]);
        Assert.Equal(new Tally(0, 1, 1), disputes.Fields[ExtractionScoring.Links]);
        Assert.Equal(new Tally(1, 0, 0), disputes.Fields[ExtractionScoring.LinksAnyRelation]);
        Assert.Equal(1, toQuote.Claims[0].Links);
        Assert.Equal(0, toQuote.Claims[0].LinksFound);
    }

    [Theory]
    [InlineData("Wali Kota Makassar", "Wali Kota Makassar", true, true)]
    [InlineData("Wali Kota Makassar", "wali kota  makassar", true, true)]
    [InlineData("Andi Syamsuddin", "Wali Kota Makassar Andi Syamsuddin", false, true)]
    [InlineData("Kepala Dinas Pendidikan Jawa Timur", "Dinas Pendidikan Jawa Timur", false, true)]
    [InlineData("Wali Kota Makassar", "Makassar", false, false)]
    [InlineData("Kepala Dinas Pendidikan Jawa Timur", "Timur", false, false)]
    [InlineData("pedagang Pasar Terong", "Sekelompok pedagang Pasar Terong", false, true)]
    [InlineData("Sekretaris Jenderal Kementerian Luar Negeri", "Budi Santoso", false, false)]
    public void Claimants_match_exactly_or_loosely(string gold, string proposed, bool exact, bool loose)
    {
        Assert.Equal(exact, ExtractionScoring.SameClaimant(gold, proposed));
        Assert.Equal(loose, ExtractionScoring.SameClaimantLoosely(gold, proposed));
    }

    [Fact]
    public void A_missed_counter_claim_flag_is_a_false_negative_and_an_unasked_one_a_false_positive()
    {
        const string article = "The ministry denied the report. The ministry said exports rose.";
        var fixture = Fixture(article,
            new ExpectedClaim("The ministry denied the report", "statement", "ministry", CounterClaim: true),
            new ExpectedClaim("The ministry said exports rose", "statement", "ministry"));

        var score = ExtractionScoring.Score(fixture, Extraction(
            [Candidate(1, article, "The ministry denied the report.", claimant: "ministry"),
             Candidate(2, article, "The ministry said exports rose.", claimant: "ministry", counter: true)]));

        Assert.Equal(new Tally(0, 1, 1), score.Fields[ExtractionScoring.CounterClaims]);
    }

    private static ExtractionFixture Fixture(string article, params ExpectedClaim[] claims) =>
        new("test", article, new ExpectedArticle("test.txt", "en", new DateOnly(2025, 3, 12), null, null, claims));

    private static ArticleExtraction Extraction(IReadOnlyList<ClaimCandidate> candidates, params CandidateLink[] links) =>
        new("en", false, [], candidates, links);

    private static ClaimCandidate Candidate(int number, string article, string text, string kind = "statement", string? claimant = null, CandidateFigure? figure = null, bool counter = false)
    {
        var start = article.IndexOf(text, StringComparison.Ordinal);
        Assert.True(start >= 0, $"\"{text}\" is not in the test article");
        return new ClaimCandidate(number, 0, start, text.Length, text, text, kind,
            claimant is null ? null : new CandidateClaimant(claimant, "other", null, "said", false), null, figure, null, counter, new CandidateScore(50, []));
    }
}
