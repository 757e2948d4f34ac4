using AngleSharp.Dom;
using Bunit;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FactCheck.Tests.Components;

/// The intake form rendered by bUnit, sending its messages through the real pipeline to the shared test database.
[Collection(SharedAppCollection.Name)]
public sealed class NewClaimPageTests(SharedApp shared) : PageTest(shared, "editor", Roles.Editor)
{
    private const string Paraphrase = "Pasukan Azerbaijan dituduh menyerang gedung di Stepanakert";
    private const string StepanakertTitle = "Azerbaijani forces attacked buildings in Stepanakert";

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();


    private IRenderedComponent<NewClaim> Open(string url = "/claims/new")
    {
        Navigation.NavigateTo(url);
        return Render<NewClaim>(p => p.Add(c => c.DebounceMilliseconds, 0));
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private static IElement SimilarClaim(IRenderedComponent<NewClaim> page, string title) =>
        page.FindAll("[data-testid=similar-claim]").Single(c => c.QuerySelector("[data-testid=similar-title]")!.TextContent.Trim() == title);

    private static void TypeClaim(IRenderedComponent<NewClaim> page, string text) => page.Find("textarea#claim-text").Input(text);

    private static void ChooseClaimant(IRenderedComponent<NewClaim> page, string typed, string name)
    {
        page.Find("input#claimant-name").Input(typed);
        page.WaitForAssertion(() => page.FindAll("[data-testid=claimant-suggestion]").First(s => s.TextContent.Contains(name)).Click());
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=chosen-claimant]")));
    }

    private Task<long> ClaimCountAsync() => App.ScalarAsync<long>("SELECT count(*) FROM claims");

    private Task<long> StepanakertIdAsync() => App.ScalarAsync<long>("SELECT id FROM claims WHERE title = @StepanakertTitle", new { StepanakertTitle });

    [Fact]
    public void Typing_a_paraphrase_lists_the_recorded_claim_with_its_score_status_and_claimant()
    {
        var page = Open();
        Assert.Empty(page.FindAll("[data-testid=similar-claim]"));

        TypeClaim(page, Paraphrase);

        page.WaitForAssertion(() => Assert.NotNull(SimilarClaim(page, StepanakertTitle)));
        var match = SimilarClaim(page, StepanakertTitle);
        Assert.Matches(@"^\d{1,3}% alike$", match.QuerySelector("[data-testid=similar-score]")!.TextContent.Trim());
        Assert.Contains("Pejabat lokal Nagorno-Karabakh", match.TextContent);
        // The demo desk has published its verdict on the accusation.
        Assert.Contains("published", match.TextContent);
        Assert.Equal("id", match.QuerySelector("[lang]")!.GetAttribute("lang"));
    }

    [Fact]
    public void An_English_translation_alone_also_finds_similar_claims()
    {
        var page = Open();

        page.Find("textarea#claim-translation").Input("Putin estimated the conflict has killed 5,000 people");

        page.WaitForAssertion(() => Assert.NotNull(SimilarClaim(page, "The Nagorno-Karabakh fighting has killed 5,000 people")));
    }

    [Fact]
    public async Task Linking_a_similar_claim_as_a_counter_claim_records_the_denial_with_the_new_claim()
    {
        var stepanakert = await StepanakertIdAsync();
        var title = "Baku ministry denies strikes on Stepanakert " + Unique();
        var page = Open();
        TypeClaim(page, "Kementerian Azerbaijan membantah pasukannya menyerang gedung di Stepanakert");
        page.WaitForAssertion(() => SimilarClaim(page, StepanakertTitle).QuerySelector("[data-testid=link-claim]")!.Click());

        page.WaitForAssertion(() => Assert.Contains(StepanakertTitle, page.Find("[data-testid=pending-link]").TextContent));
        Assert.Contains("denies", page.Find("[data-testid=pending-link]").TextContent);
        page.Find("#claim-title").Input(title);
        ChooseClaimant(page, "Kementerian Pertahanan", "Kementerian Pertahanan Azerbaijan");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Matches(@"/claims/\d+$", Navigation.Uri));
        var created = await App.ScalarAsync<long>("SELECT id FROM claims WHERE title = @title", new { title });
        Assert.EndsWith($"/claims/{created}", Navigation.Uri);
        var links = await App.RowsAsync<(string Relation, long To)>("SELECT relation, to_claim_id FROM claim_links WHERE from_claim_id = @created", new { created });
        Assert.Equal([("denies", stepanakert)], links);
        Assert.Equal("Kementerian Pertahanan Azerbaijan", await App.ScalarAsync<string>(
            "SELECT p.name FROM claims c JOIN claimants p ON p.id = c.claimant_id WHERE c.id = @created", new { created }));
    }

    [Fact]
    public void A_pending_link_can_be_removed_before_submitting()
    {
        var page = Open();
        TypeClaim(page, Paraphrase);
        page.WaitForAssertion(() => SimilarClaim(page, StepanakertTitle).QuerySelector("[data-testid=link-claim]")!.Click());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=pending-link]")));
        Assert.Equal("Linked", SimilarClaim(page, StepanakertTitle).QuerySelector("[data-testid=link-claim]")!.TextContent.Trim());

        page.Find("[data-testid=remove-link]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=pending-link]")));
        Assert.Equal("Counter-claim — link it", SimilarClaim(page, StepanakertTitle).QuerySelector("[data-testid=link-claim]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Same_claim_records_an_appearance_on_the_recorded_claim_and_creates_no_new_claim()
    {
        var stepanakert = await StepanakertIdAsync();
        var url = $"https://news.example.org/stepanakert-{Unique()}";
        var claims = await ClaimCountAsync();
        var page = Open();
        TypeClaim(page, Paraphrase);
        page.Find("#appearance-url").Change(url);
        page.Find("#appearance-outlet").Change("Example News");

        page.WaitForAssertion(() => SimilarClaim(page, StepanakertTitle).QuerySelector("[data-testid=same-claim]")!.Click());

        page.WaitForAssertion(() => Assert.EndsWith($"/claims/{stepanakert}", Navigation.Uri));
        var appearance = await App.RowsAsync<(long ClaimId, string Outlet)>("SELECT claim_id, outlet FROM appearances WHERE url = @url", new { url });
        Assert.Equal([(stepanakert, "Example News")], appearance);
        Assert.Equal(claims, await ClaimCountAsync());
    }

    [Fact]
    public async Task Same_claim_without_an_address_asks_for_it_next_to_the_address_field()
    {
        var appearances = await App.ScalarAsync<long>("SELECT count(*) FROM appearances");
        var page = Open();
        TypeClaim(page, Paraphrase);

        page.WaitForAssertion(() => SimilarClaim(page, StepanakertTitle).QuerySelector("[data-testid=same-claim]")!.Click());

        page.WaitForAssertion(() => Assert.Contains(
            "Enter the address where you saw it",
            page.Find("#appearance-url").Closest(".mud-input-control")!.TextContent));
        Assert.EndsWith("/claims/new", Navigation.Uri);
        Assert.Equal(appearances, await App.ScalarAsync<long>("SELECT count(*) FROM appearances"));
        Assert.Equal(Paraphrase, page.Find("textarea#claim-text").GetAttribute("value") ?? page.Find("textarea#claim-text").TextContent);
    }

    [Fact]
    public async Task A_javascript_address_and_an_overlong_title_are_both_shown_and_nothing_is_written()
    {
        var claims = await ClaimCountAsync();
        var appearances = await App.ScalarAsync<long>("SELECT count(*) FROM appearances");
        var text = "Klaim uji tanpa tautan yang sah " + Unique();
        var page = Open();
        TypeClaim(page, text);
        page.Find("#claim-title").Input(new string('T', 76));
        page.Find("#appearance-url").Change("javascript:alert(1)");
        ChooseClaimant(page, "Vladimir", "Vladimir Putin");

        page.Find("form").Submit();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Keep the title to 75 characters.", page.Find("#claim-title").Closest(".mud-input-control")!.TextContent);
            Assert.Contains("Only http:// and https:// links can be stored.", page.Find("#appearance-url").Closest(".mud-input-control")!.TextContent);
        });
        var summary = page.Find("[data-testid=form-errors]").TextContent;
        Assert.Contains("Keep the title to 75 characters.", summary);
        Assert.Contains("Only http:// and https:// links can be stored.", summary);
        Assert.Equal(claims, await ClaimCountAsync());
        Assert.Equal(appearances, await App.ScalarAsync<long>("SELECT count(*) FROM appearances"));
        Assert.EndsWith("/claims/new", Navigation.Uri);
        Assert.Equal("javascript:alert(1)", page.Find("#appearance-url").GetAttribute("value"));
        Assert.Equal(new string('T', 76), page.Find("#claim-title").GetAttribute("value"));
    }

    [Fact]
    public async Task A_title_with_a_rating_word_is_refused_with_the_reason()
    {
        var claims = await ClaimCountAsync();
        var page = Open();
        TypeClaim(page, "Video lama diklaim sebagai serangan baru " + Unique());
        page.Find("#claim-title").Input("Hoax: old video shows a new attack");
        ChooseClaimant(page, "Laporan", "Laporan berita");

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains(
            "Keep rating words such as 'hoax' out of the title",
            page.Find("#claim-title").Closest(".mud-input-control")!.TextContent));
        Assert.Equal(claims, await ClaimCountAsync());
    }

    [Fact]
    public void The_title_counter_follows_what_is_typed()
    {
        var page = Open();

        page.Find("#claim-title").Input("Baku denies it");

        page.WaitForAssertion(() => Assert.Contains("14 / 75", page.Find("#claim-title").Closest(".mud-input-control")!.TextContent));
    }

    [Fact]
    public void A_tip_link_fills_the_claim_text_and_address_and_shows_similar_claims_at_once()
    {
        var url = "https://tips.example.org/" + Unique();

        var page = Open($"/claims/new?text={Uri.EscapeDataString(Paraphrase)}&url={Uri.EscapeDataString(url)}");

        page.WaitForAssertion(() => Assert.NotNull(SimilarClaim(page, StepanakertTitle)));
        Assert.Equal(url, page.Find("#appearance-url").GetAttribute("value"));
        Assert.Contains(Paraphrase, page.Find("textarea#claim-text").TextContent + page.Find("textarea#claim-text").GetAttribute("value"));
    }

    [Fact]
    public void Figure_fields_appear_only_for_a_figure_claim()
    {
        var page = Open();
        Assert.Empty(page.FindAll("#figure-low"));

        page.FindAll("[data-testid=claim-kind] label.mud-radio").Single(l => l.TextContent.Trim() == "figure").QuerySelector("input")!.Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#figure-low")));
        Assert.NotEmpty(page.FindAll("#figure-unit"));
    }

    [Fact]
    public async Task A_new_claimant_is_recorded_with_the_kind_chosen_for_them()
    {
        var name = "Juru bicara " + Unique();
        var title = "Spokesperson says the border is calm " + Unique();
        var page = Open();
        TypeClaim(page, "Perbatasan dalam keadaan tenang, kata juru bicara.");
        page.Find("#claim-title").Input(title);
        page.Find("input#claimant-name").Input(name);

        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Claimant kind must be one of", page.Find("[data-testid=form-errors]").TextContent));

        await page.InvokeAsync(() => page.FindComponents<MudSelect<string>>()
            .Single(s => s.Instance.Label == "New claimant is a").Instance.SelectOption("official-body"));
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Matches(@"/claims/\d+$", Navigation.Uri));
        Assert.Equal("official-body", await App.ScalarAsync<string>("SELECT kind FROM claimants WHERE name = @name", new { name }));
    }
}
