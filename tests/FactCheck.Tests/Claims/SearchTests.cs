using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

/// SearchClaims and FindSimilarClaims over the demo case plus claims each test makes with a word of its own.
[Collection(SharedAppCollection.Name)]
public sealed class SearchTests(SharedApp shared)
{
    private TestApp App => shared.App;

    /// A word no other claim contains, so a test finds exactly the claims it made.
    private static string UniqueWord() => "zq" + Guid.NewGuid().ToString("N")[..10];

    private async Task<long> SubmitAsync(string text, Func<SubmitClaim, SubmitClaim>? change = null)
    {
        var claim = new SubmitClaim
        {
            Title = "Test claim " + Guid.NewGuid().ToString("N")[..8],
            Text = text,
            Language = "id",
            ClaimantName = "Juru bicara " + Guid.NewGuid().ToString("N")[..6],
            ClaimantKind = "person",
            Kind = "statement",
        };
        return (await App.SendAsync(change is null ? claim : change(claim), await App.ActorAsync("editor"))).Id;
    }

    private async Task<ClaimSearchPage> SearchAsync(SearchClaims query) => await App.QueryAsync(query, await App.ActorAsync("checker"));

    private async Task<IReadOnlyList<SimilarClaim>> SimilarAsync(string text, long? exclude = null) =>
        await App.QueryAsync(new FindSimilarClaims(text, 8, exclude), await App.ActorAsync("checker"));

    [Fact]
    public async Task An_Indonesian_word_finds_the_claim_in_its_original_text()
    {
        var page = await SearchAsync(new SearchClaims { Q = "menewaskan" });

        var hit = Assert.Single(page.Items, h => h.Claimant == "Vladimir Putin");
        Assert.Contains("5.000 orang", hit.Text);
        Assert.Equal("newest", page.Sort);
    }

    [Fact]
    public async Task An_English_word_finds_an_Indonesian_claim_through_its_translation()
    {
        var page = await SearchAsync(new SearchClaims { Q = "ceasefires violated" });

        Assert.Contains(page.Items, h => h.Text.Contains("gencatan senjata") && h.Language == "id");
    }

    [Fact]
    public async Task Every_word_must_match_and_the_last_one_may_be_unfinished()
    {
        var both = await SearchAsync(new SearchClaims { Q = "Stepanak" });
        var denial = await SearchAsync(new SearchClaims { Q = "stepanakert baku" });

        Assert.Contains(both.Items, h => h.Claimant == "Pejabat lokal Nagorno-Karabakh");
        Assert.Contains(both.Items, h => h.Claimant == "Pemerintah Azerbaijan");
        Assert.All(denial.Items, h => Assert.Contains("Baku", h.Title + h.Text + h.TranslationEn));
        Assert.Contains(denial.Items, h => h.Title == "Baku denies attacking buildings in Stepanakert");
        Assert.DoesNotContain(denial.Items, h => h.Claimant == "Pejabat lokal Nagorno-Karabakh");
    }

    [Fact]
    public async Task Accents_are_ignored_both_in_the_claim_and_in_the_query()
    {
        var word = UniqueWord();
        var id = await SubmitAsync($"Menteri Pašinjan bertemu dengan {word} di Erevan.");

        var plain = await SearchAsync(new SearchClaims { Q = $"pasinjan {word}" });
        var accented = await SearchAsync(new SearchClaims { Q = $"{word} Pášinján" });

        Assert.Equal([id], plain.Items.Select(h => h.Id));
        Assert.Equal([id], accented.Items.Select(h => h.Id));
    }

    [Fact]
    public async Task Words_in_non_Latin_scripts_are_found_as_written()
    {
        // SQLite's unicode61 tokenizer folds accents on Latin letters only: "й" stays "й", "ή" stays "ή".
        var word = UniqueWord();
        var russian = await SubmitAsync($"Сергей Лавров заявил, что войска {word} отошли.", c => c with { Language = "ru" });
        var greek = await SubmitAsync($"Η Αθήνα καταδικάζει {word}.", c => c with { Language = "el" });

        Assert.Equal([russian], (await SearchAsync(new SearchClaims { Q = $"войска {word}" })).Items.Select(h => h.Id));
        Assert.Equal([russian], (await SearchAsync(new SearchClaims { Q = $"{word} Сергей" })).Items.Select(h => h.Id));
        Assert.Equal([greek], (await SearchAsync(new SearchClaims { Q = $"{word} Αθήνα" })).Items.Select(h => h.Id));
        Assert.Contains(await SimilarAsync($"Сергей Лавров: войска {word}"), s => s.Id == russian);
    }

    [Fact]
    public async Task Filters_narrow_the_results_and_the_total()
    {
        var word = UniqueWord();
        var figure = await SubmitAsync($"Korban {word} mencapai 300 orang.", c => c with
        {
            Kind = "figure", FigureLow = 300, FigureUnit = "deaths", SaidOn = new DateOnly(2021, 3, 1), Topics = ["casualties-" + word],
        });
        var english = await SubmitAsync($"The {word} statement in English.", c => c with { Language = "en", SaidOn = new DateOnly(2021, 5, 1) });
        var undated = await SubmitAsync($"Pernyataan {word} tanpa tanggal.");
        var claimant = await App.ScalarAsync<long>("SELECT claimant_id FROM claims WHERE id = @english", new { english });
        await App.ScalarAsync<long>("UPDATE claims SET status = 'triaged' WHERE id = @undated RETURNING id", new { undated });

        async Task<IEnumerable<long>> Ids(SearchClaims q)
        {
            var page = await SearchAsync(q with { Q = word });
            Assert.Equal(page.Items.Count, page.Total);
            return page.Items.Select(h => h.Id).Order();
        }

        Assert.Equal(new[] { figure, english, undated }.Order(), await Ids(new SearchClaims()));
        Assert.Equal([english], await Ids(new SearchClaims { Language = "en" }));
        Assert.Equal([figure], await Ids(new SearchClaims { Kind = "figure" }));
        Assert.Equal([undated], await Ids(new SearchClaims { Status = "triaged" }));
        Assert.Equal([figure], await Ids(new SearchClaims { Topic = "Casualties-" + word }));
        Assert.Equal([english], await Ids(new SearchClaims { ClaimantId = claimant }));
        Assert.Equal([english], await Ids(new SearchClaims { SaidFrom = new DateOnly(2021, 4, 1) }));
        Assert.Equal([figure], await Ids(new SearchClaims { SaidFrom = new DateOnly(2021, 3, 1), SaidTo = new DateOnly(2021, 3, 1) }));
        Assert.Empty(await Ids(new SearchClaims { Language = "en", Kind = "figure" }));
    }

    [Fact]
    public async Task Sorting_orders_by_said_on_and_title_and_undated_claims_come_last()
    {
        var word = UniqueWord();
        var late = await SubmitAsync($"Klaim {word} pertama.", c => c with { Title = "B claim " + word, SaidOn = new DateOnly(2020, 10, 20) });
        var undated = await SubmitAsync($"Klaim {word} kedua.", c => c with { Title = "C claim " + word });
        var early = await SubmitAsync($"Klaim {word} ketiga.", c => c with { Title = "a claim " + word, SaidOn = new DateOnly(2020, 9, 27) });

        async Task<IEnumerable<long>> Order(string sort)
        {
            var page = await SearchAsync(new SearchClaims { Q = word, Sort = sort });
            Assert.Equal(sort, page.Sort);
            return page.Items.Select(h => h.Id);
        }

        Assert.Equal([early, late, undated], await Order("said"));
        Assert.Equal([late, early, undated], await Order("said-desc"));
        Assert.Equal([early, late, undated], await Order("title"));
        Assert.Equal(new[] { undated, early, late }.Order(), (await Order("relevance")).Order());
        Assert.Equal([early, undated, late], await Order("newest"));
        Assert.Equal([late, undated, early], await Order("oldest"));
    }

    [Fact]
    public async Task Relevance_without_a_query_falls_back_to_newest_first()
    {
        var page = await SearchAsync(new SearchClaims { Sort = "relevance", PageSize = 5 });

        Assert.Equal("newest", page.Sort);
        Assert.Equal(page.Items.OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id).Select(h => h.Id), page.Items.Select(h => h.Id));
    }

    [Fact]
    public async Task Paging_returns_the_requested_slice_with_the_total_of_all_matches()
    {
        var word = UniqueWord();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await SubmitAsync($"Klaim {word} nomor {i}.", c => c with { Title = $"Claim {i} {word}" }));
        }

        var first = await SearchAsync(new SearchClaims { Q = word, Sort = "title", PageSize = 2 });
        var third = await SearchAsync(new SearchClaims { Q = word, Sort = "title", PageSize = 2, Page = 3 });
        var past = await SearchAsync(new SearchClaims { Q = word, Sort = "title", PageSize = 2, Page = 9 });

        Assert.Equal(5, first.Total);
        Assert.Equal(ids.Take(2), first.Items.Select(h => h.Id));
        Assert.Equal((3, 2, 5L), (third.Page, third.PageSize, third.Total));
        Assert.Equal([ids[4]], third.Items.Select(h => h.Id));
        Assert.Empty(past.Items);
        Assert.Equal(5, past.Total);
    }

    [Fact]
    public async Task A_paraphrase_in_Indonesian_finds_the_claim_it_repeats_with_a_high_score()
    {
        var similar = await SimilarAsync("Pasukan Azerbaijan dituduh menyerang gedung di Stepanakert");

        var accusation = Assert.Single(similar, s => s.Claimant == "Pejabat lokal Nagorno-Karabakh");
        Assert.InRange(accusation.Score, 0.6, 1.0);
        Assert.Equal(similar.OrderByDescending(s => s.Score).Select(s => s.Id), similar.Select(s => s.Id));
    }

    [Fact]
    public async Task An_English_paraphrase_finds_the_claim_through_its_translation()
    {
        var similar = await SimilarAsync("Putin says the conflict killed 5,000 people");

        Assert.Contains(similar, s => s.Claimant == "Vladimir Putin");
    }

    [Fact]
    public async Task Unrelated_text_suggests_nothing()
    {
        Assert.Empty(await SimilarAsync("Harga beras naik di pasar tradisional " + UniqueWord()));
        Assert.Empty(await SimilarAsync("   "));
    }

    [Fact]
    public async Task A_merged_duplicate_is_never_suggested_but_its_original_is()
    {
        var word = UniqueWord();
        var original = await SubmitAsync($"Gudang amunisi {word} meledak di pelabuhan.");
        var duplicate = await SubmitAsync($"Gudang amunisi {word} meledak di pelabuhan kota.");
        await App.SendAsync(new LinkClaims { FromClaimId = duplicate, ToClaimId = original, Relation = "same-as" }, await App.ActorAsync("editor"));

        var similar = await SimilarAsync($"Gudang amunisi {word} meledak");

        Assert.Contains(similar, s => s.Id == original);
        Assert.DoesNotContain(similar, s => s.Id == duplicate);
    }

    [Fact]
    public async Task The_claim_being_edited_can_be_left_out_of_its_own_suggestions()
    {
        var word = UniqueWord();
        var id = await SubmitAsync($"Jembatan {word} runtuh setelah banjir.");

        Assert.Contains(await SimilarAsync($"Jembatan {word} runtuh"), s => s.Id == id);
        Assert.DoesNotContain(await SimilarAsync($"Jembatan {word} runtuh", exclude: id), s => s.Id == id);
    }

    [Fact]
    public async Task Search_needs_a_staff_account()
    {
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.QueryAsync(new SearchClaims { Q = "Stepanakert" }, Actor.Anonymous));
    }
}
