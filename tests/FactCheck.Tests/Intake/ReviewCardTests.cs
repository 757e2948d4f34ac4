using Microsoft.Extensions.DependencyInjection;
using Bunit;
using FactCheck.Web.Features.Intake;
using FactCheck.Web.Features.Intake.Extraction;
using MudBlazor.Services;

namespace FactCheck.Tests.Intake;

/// The review step's pieces from a hand-built extraction: the marked article and a candidate's card and defaults.
public sealed class ReviewCardTests : BunitContext, IAsyncLifetime
{
    private const string Article = "Pejabat lokal menuduh <b>pasukan</b> menyerang.\nNamun tuduhan itu dibantah pemerintah Baku. Cuaca cerah.";

    public ReviewCardTests()
    {
        Services.AddMudServices().AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static ProposedClaim Candidate(int number, string sentence, int score = 70, string kind = "statement", ProposedClaimant? claimant = null,
        CandidateFigure? figure = null, CandidateDate? date = null, IReadOnlyList<KnownClaim>? matches = null, bool counterClaim = false) =>
        new(number, number - 1, Article.IndexOf(sentence, StringComparison.Ordinal), sentence.Length, sentence, $"Title {number}", kind, claimant, date, figure,
            null, counterClaim, new CandidateScore(score, [new ScoreReason("attribution", "Attributed to someone", 20, "menuduh")]), matches ?? []);

    private static readonly ProposedClaim Accusation = Candidate(1, "Pejabat lokal menuduh <b>pasukan</b> menyerang.",
        claimant: new ProposedClaimant("Pejabat lokal", "official-body", null, "menuduh", false));

    private static readonly ProposedClaim Denial = Candidate(2, "Namun tuduhan itu dibantah pemerintah Baku.", score: 40, counterClaim: true,
        claimant: new ProposedClaimant("Pemerintah Baku", "government", null, "dibantah", false),
        matches: [new KnownClaim(12, "Baku denies attacking buildings in Stepanakert", "published", "Pemerintah Azerbaijan", 0.82, LikelySame: true)]);

    private static CandidateDraft Draft(ProposedClaim candidate, string? outlet = "Contoh Berita") =>
        CandidateDraft.ForReview(Extraction([candidate], outlet), AnyClaim).Single();

    private static ArticleCandidates Extraction(IReadOnlyList<ProposedClaim> candidates, string? outlet = "Contoh Berita") =>
        new("id", false, null, outlet, new DateOnly(2020, 10, 24), Article, [], candidates, [], null);

    [Fact]
    public void The_article_is_shown_as_text_with_each_candidate_marked_by_its_number()
    {
        var drafts = new[] { Draft(Accusation), Draft(Denial) };

        var view = Render<ArticleHighlights>(p => p.Add(c => c.Text, Article).Add(c => c.Language, "id").Add(c => c.Candidates, drafts));

        var marks = view.FindAll("[data-testid=highlight]");
        Assert.Equal(["1", "2"], marks.Select(m => m.GetAttribute("data-candidate")));
        Assert.Equal("1Pejabat lokal menuduh <b>pasukan</b> menyerang.", marks[0].TextContent);
        Assert.Empty(view.FindAll("b"));
        Assert.Contains("intake-mark-off", marks[1].ClassName);
        Assert.Equal(Article, string.Concat(view.Find("[data-testid=article-text]").ChildNodes
            .Select(n => n is AngleSharp.Dom.IElement e ? e.TextContent[e.QuerySelector(".intake-mark-number")!.TextContent.Length..] : n.TextContent)));
    }

    [Fact]
    public void A_candidate_is_ticked_by_its_score_and_a_likely_repeat_is_proposed_as_an_appearance()
    {
        var accusation = Draft(Accusation);
        var denial = Draft(Denial);

        Assert.True(accusation.Accept);
        Assert.False(denial.Accept);
        Assert.Null(accusation.ExistingClaimId);
        Assert.Equal(12, denial.ExistingClaimId);
        Assert.Equal("2020-10-24", accusation.SaidOn);
        var repeat = denial.ToAccepted([]);
        // A repeat names the recorded claim and where the article says it; it carries no fields of a new claim.
        Assert.Equal(((long?)12, (int?)Denial.Start, (int?)Denial.Length, "", ""), (repeat.ExistingClaimId, repeat.Start, repeat.Length, repeat.Title, repeat.Kind));
    }

    [Fact]
    public void A_ticked_counter_claim_ticks_the_claim_it_answers_whatever_its_score()
    {
        var lowAccusation = Candidate(1, "Pejabat lokal menuduh <b>pasukan</b> menyerang.", score: 30);
        var strongDenial = Candidate(2, "Namun tuduhan itu dibantah pemerintah Baku.", score: 70, counterClaim: true);
        var extraction = Extraction([lowAccusation, strongDenial]) with { Links = [new ProposedLink(2, 1, "denies", "dibantah")] };

        var drafts = CandidateDraft.ForReview(extraction, AnyClaim);

        Assert.Equal([true, true], drafts.Select(d => d.Accept));
        Assert.False(CandidateDraft.ForReview(Extraction([lowAccusation, strongDenial]), AnyClaim)[0].Accept);
    }

    [Fact]
    public void A_recorded_claim_is_proposed_for_the_sentence_most_like_it_only()
    {
        KnownClaim Known(double score) => new(5, "Rouhani warns the war could become a regional war", "new", "Hassan Rouhani", score, score >= 0.6);
        var loose = Candidate(1, "Pejabat lokal menuduh <b>pasukan</b> menyerang.", matches: [Known(0.6)]);
        var exact = Candidate(2, "Namun tuduhan itu dibantah pemerintah Baku.", matches: [Known(1.0)]);

        var drafts = CandidateDraft.ForReview(Extraction([loose, exact]), AnyClaim);

        Assert.Equal([null, 5L], drafts.Select(d => d.ExistingClaimId));
    }

    [Fact]
    public void A_recorded_claim_the_person_may_not_add_to_is_never_proposed_as_the_repeat()
    {
        var exact = Candidate(2, "Namun tuduhan itu dibantah pemerintah Baku.", matches: [new KnownClaim(5, "Baku denies it", "published", "Baku", 1.0, true)]);

        var drafts = CandidateDraft.ForReview(Extraction([exact]), new HashSet<long>());

        Assert.Null(Assert.Single(drafts).ExistingClaimId);
    }

    /// Every recorded claim may take the article as an appearance (an editor's review step).
    private static readonly IReadOnlySet<long> AnyClaim = Enumerable.Range(1, 100).Select(i => (long)i).ToHashSet();

    [Fact]
    public void A_sentence_without_a_claimant_is_the_outlets_report_and_a_figure_carries_its_value_and_date()
    {
        var report = Draft(Candidate(3, "Cuaca cerah.", kind: "figure", figure: new CandidateFigure(5000, null, "people", "5.000 orang"),
            date: new CandidateDate(new DateOnly(2020, 10, 7), "Rabu (7/10/2020)", "explicit")));

        var accepted = report.ToAccepted(["nagorno-karabakh"]);

        Assert.Equal(("Contoh Berita", "media"), (accepted.ClaimantName, accepted.ClaimantKind));
        Assert.Equal((5000d, "people", new DateOnly(2020, 10, 7)), (accepted.FigureLow!.Value, accepted.FigureUnit!, accepted.FigureAsOf!.Value));
        Assert.Equal(new DateOnly(2020, 10, 7), accepted.SaidOn);
        Assert.Equal(["nagorno-karabakh"], accepted.Topics!);
    }

    [Fact]
    public void A_card_shows_its_links_its_known_claims_and_its_reasons()
    {
        var denial = Draft(Denial);

        var card = Render<CandidateCard>(p => p.Add(c => c.Draft, denial).Add(c => c.Language, "id")
            .Add(c => c.Links, [new ProposedLink(2, 1, "denies", "dibantah")]));

        var link = card.Find("[data-testid=candidate-link]");
        Assert.Equal(("denies", "1"), (link.GetAttribute("data-relation"), link.GetAttribute("data-other")));
        Assert.Contains("denies #1 — dibantah", link.TextContent);
        Assert.Contains("Baku denies attacking buildings in Stepanakert", card.Find("[data-testid=candidate-matches]").TextContent);
        Assert.Contains("likely the same", card.Markup);
        Assert.NotNull(card.Find("[data-testid=appearance-note]"));
        Assert.Empty(card.FindAll("input[id$='-title']"));
        Assert.Contains("Attributed to someone", card.Find("[data-testid=score-reasons]").TextContent);
    }

    [Fact]
    public void An_error_from_the_accept_shows_on_its_field_and_the_rest_under_the_card()
    {
        var accusation = Draft(Accusation);
        accusation.Errors["title"] = ["Keep rating words such as 'Hoax' out of the title."];
        accusation.Errors["topics"] = ["Topics are 1-60 characters."];

        var card = Render<CandidateCard>(p => p.Add(c => c.Draft, accusation).Add(c => c.Language, "id"));

        Assert.Contains("Keep rating words such as 'Hoax'", card.Markup);
        Assert.Equal("true", card.Find("input[id$='-title']").GetAttribute("aria-invalid"));
        Assert.Equal("Topics are 1-60 characters.", card.Find("[data-testid=candidate-errors]").TextContent.Trim());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
