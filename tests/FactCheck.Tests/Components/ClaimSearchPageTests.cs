using Bunit;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ClaimsPage = FactCheck.Web.Features.Claims.Claims;

namespace FactCheck.Tests.Components;

/// The /claims search page rendered by bUnit, searching the shared test database through the real pipeline.
[Collection(SharedAppCollection.Name)]
public sealed class ClaimSearchPageTests(SharedApp shared) : PageTest(shared, "checker", Roles.FactChecker)
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<ClaimsPage> Open(string url = "/claims", int pageSize = 25)
    {
        Navigation.NavigateTo(url);
        var page = Render<ClaimsPage>(p => p.Add(c => c.DebounceMilliseconds, 0).Add(c => c.PageSize, pageSize));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=result-count]")));
        return page;
    }

    private static List<string> Titles(IRenderedComponent<ClaimsPage> page) =>
        page.FindAll("[data-testid=claim-table] [data-testid=claim-title]").Select(a => a.TextContent.Trim()).ToList();

    private static string ClaimCount(int n) => n == 1 ? "1 claim" : $"{n} claims";

    private static void Search(IRenderedComponent<ClaimsPage> page, string text) => page.Find("input#claim-search").Input(text);

    [Fact]
    public void Searching_Stepanakert_lists_the_accusation_and_Bakus_denial_with_their_original_text()
    {
        var page = Open();

        Search(page, "Stepanakert");

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Azerbaijani forces attacked buildings in Stepanakert", Titles(page));
            Assert.Contains("Baku denies attacking buildings in Stepanakert", Titles(page));
        });
        var accusation = page.FindAll("[data-testid=claim-row]").Single(r => r.TextContent.Contains("Azerbaijani forces attacked buildings"));
        Assert.Equal("id", accusation.QuerySelector("[data-testid=claim-original]")!.GetAttribute("lang"));
        Assert.Contains("menuduh pasukan Azerbaijan", accusation.QuerySelector("[data-testid=claim-original]")!.TextContent);
        Assert.Equal("en", accusation.QuerySelector("[data-testid=claim-translation]")!.GetAttribute("lang"));
        Assert.Contains("Local officials accused", accusation.QuerySelector("[data-testid=claim-translation]")!.TextContent);
        Assert.Contains("Pejabat lokal Nagorno-Karabakh", page.Find("[data-testid=claim-table]").TextContent);
    }

    [Fact]
    public async Task Each_result_links_to_its_claim_page()
    {
        var id = await Shared.App.ScalarAsync<long>("SELECT id FROM claims WHERE title = 'Baku denies attacking buildings in Stepanakert'");
        var page = Open("/claims?q=Baku+denies");

        page.WaitForAssertion(() => Assert.Contains(
            page.FindAll("[data-testid=claim-title]"),
            a => a.GetAttribute("href") == $"/claims/{id}" && a.TextContent.Contains("Baku denies")));
    }

    [Fact]
    public void An_Indonesian_word_finds_Putins_5000_claim()
    {
        var page = Open();

        Search(page, "menewaskan");

        page.WaitForAssertion(() => Assert.Contains("The Nagorno-Karabakh fighting has killed 5,000 people", Titles(page)));
        Assert.Contains("Vladimir Putin", page.Find("[data-testid=claim-table]").TextContent);
    }

    [Fact]
    public void An_English_word_finds_the_ceasefire_claim_through_its_translation()
    {
        var page = Open();

        Search(page, "ceasefires");

        page.WaitForAssertion(() => Assert.Contains("Two Russia-brokered ceasefires have been violated", Titles(page)));
        var row = page.FindAll("[data-testid=claim-row]").Single(r => r.TextContent.Contains("Two Russia-brokered ceasefires"));
        Assert.Contains("gencatan senjata", row.QuerySelector("[data-testid=claim-original]")!.TextContent);
        Assert.Contains("ceasefires", row.QuerySelector("[data-testid=claim-translation] mark")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_search_is_written_to_the_address_so_the_view_can_be_shared()
    {
        var page = Open("/claims?kind=event");

        Search(page, "Stepanakert gedung");

        page.WaitForAssertion(() => Assert.EndsWith("/claims?q=Stepanakert%20gedung&kind=event", Navigation.Uri));
        page.WaitForAssertion(() => Assert.Contains("Azerbaijani forces attacked buildings in Stepanakert", Titles(page)));
        Assert.DoesNotContain("Baku denies attacking buildings in Stepanakert", Titles(page));
        Assert.All(page.FindAll("[data-testid=claim-table] tbody tr"), row => Assert.Equal("event", row.QuerySelector("td[data-label=Kind]")!.TextContent.Trim()));
        Assert.Equal(ClaimCount(Titles(page).Count), page.Find("[data-testid=result-count]").TextContent.Trim());
    }

    [Fact]
    public async Task Status_and_language_filters_in_a_shared_link_narrow_the_results()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var editor = await Shared.App.ActorAsync("editor");
        SubmitClaim Claim(string title, string language, string text) => new()
        {
            Title = title, Text = text, Language = language, ClaimantName = "Sumber " + word, ClaimantKind = "media", Kind = "statement",
        };
        await Shared.App.SendAsync(Claim("Indonesian " + word, "id", $"Pernyataan {word} dalam bahasa Indonesia."), editor);
        await Shared.App.SendAsync(Claim("English " + word, "en", $"A {word} statement in English."), editor);
        var triaged = await Shared.App.SendAsync(Claim("Triaged " + word, "en", $"Another {word} statement in English."), editor);
        await Shared.App.ScalarAsync<long>("UPDATE claims SET status = 'triaged' WHERE id = @Id RETURNING id", new { triaged.Id });

        var all = Open($"/claims?q={word}");
        all.WaitForAssertion(() => Assert.Equal(3, Titles(all).Count));
        Assert.Equal("3 claims", all.Find("[data-testid=result-count]").TextContent.Trim());

        var english = Open($"/claims?q={word}&lang=en");
        english.WaitForAssertion(() => Assert.Equal(["English " + word, "Triaged " + word], Titles(english).Order()));

        var triagedEnglish = Open($"/claims?q={word}&lang=en&status=triaged");
        triagedEnglish.WaitForAssertion(() => Assert.Equal(["Triaged " + word], Titles(triagedEnglish)));
        Assert.Equal("1 claim", triagedEnglish.Find("[data-testid=result-count]").TextContent.Trim());
    }

    [Fact]
    public async Task The_claimant_filter_shows_only_their_claims_and_names_them_in_the_box()
    {
        var rouhani = await Shared.App.ScalarAsync<long>("SELECT id FROM claimants WHERE name = 'Hassan Rouhani'");

        var page = Open($"/claims?claimant={rouhani}");

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Mortars and rockets landed in villages in Iran", Titles(page));
            Assert.Contains("Rouhani warns the war could become a regional war", Titles(page));
        });
        Assert.All(page.FindAll("[data-testid=claim-table] tbody tr"), row => Assert.Equal("Hassan Rouhani", row.QuerySelector("td[data-label=Claimant]")!.TextContent.Trim()));
        Assert.Equal("Hassan Rouhani", page.Find("input#claimant-filter").GetAttribute("value"));
    }

    [Fact]
    public async Task Paging_moves_through_the_results_and_keeps_the_page_in_the_address()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var editor = await Shared.App.ActorAsync("editor");
        for (var i = 0; i < 5; i++)
        {
            await Shared.App.SendAsync(new SubmitClaim
            {
                Title = $"Claim {i:00} {word}", Text = $"Klaim {word} nomor {i}.", Language = "id",
                ClaimantName = "Sumber " + word, ClaimantKind = "media", Kind = "statement",
            }, editor);
        }

        var page = Open($"/claims?q={word}&sort=title", pageSize: 3);
        Assert.Equal([$"Claim 00 {word}", $"Claim 01 {word}", $"Claim 02 {word}"], Titles(page));
        Assert.Equal("5 claims", page.Find("[data-testid=result-count]").TextContent.Trim());

        page.FindAll("[data-testid=pager] button").First(b => b.TextContent.Trim() == "2").Click();

        page.WaitForAssertion(() => Assert.EndsWith($"/claims?q={word}&sort=title&page=2", Navigation.Uri));
        page.WaitForAssertion(() => Assert.Equal([$"Claim 03 {word}", $"Claim 04 {word}"], Titles(page)));
        Assert.Contains("page 2 of 2", page.Markup);
    }

    [Fact]
    public void A_query_nothing_matches_shows_the_empty_state_and_a_way_back()
    {
        var page = Open();

        Search(page, "xylophonequartet");

        page.WaitForAssertion(() => Assert.Contains("No claims match “xylophonequartet”", page.Find("[data-testid=no-claims]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=claim-table]"));
        Assert.Equal("0 claims", page.Find("[data-testid=result-count]").TextContent.Trim());

        page.Find("[data-testid=no-claims] a").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(Titles(page)));
        Assert.EndsWith("/claims", Navigation.Uri);
    }

    [Fact]
    public void A_hand_edited_address_with_unreadable_values_still_opens_and_ignores_them()
    {
        var page = Open("/claims?q=Stepanakert&page=two&from=yesterday&claimant=someone&sort=loudest");

        page.WaitForAssertion(() => Assert.Contains("Azerbaijani forces attacked buildings in Stepanakert", Titles(page)));
        Assert.Contains("Baku denies attacking buildings in Stepanakert", Titles(page));
        Assert.Equal(ClaimCount(Titles(page).Count), page.Find("[data-testid=result-count]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=search-error]"));
    }

    [Fact]
    public void Staff_who_may_record_claims_get_a_New_claim_button()
    {
        var page = Open();

        Assert.Equal("/claims/new", page.Find("[data-testid=new-claim]").GetAttribute("href"));
    }
}
