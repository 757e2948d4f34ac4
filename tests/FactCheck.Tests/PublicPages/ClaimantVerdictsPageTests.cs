using System.Net;

namespace FactCheck.Tests.PublicPages;

/// The public claimant page (/claimants/{id}/verdicts): who made the claims, their verdicts, what is being checked.
[Collection(PublicPagesCollection.Name)]
public sealed class ClaimantVerdictsPageTests(PublicPagesApp fixture)
{
    private TestApp App => fixture.App;

    private async Task<long> ClaimantAsync(string name) =>
        await App.ScalarAsync<long>("SELECT id FROM claimants WHERE name = @name", new { name });

    private Task<PublicHtml> GetAsync(string path) => PublicHtml.GetAsync(App.CreateClient(), path);

    [Fact]
    public async Task Claimant_page_shows_who_they_are_and_only_their_published_verdicts()
    {
        var page = await GetAsync($"/claimants/{await ClaimantAsync("Pemerintah Azerbaijan")}/verdicts");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Pemerintah Azerbaijan", page.Text("h1"));
        Assert.Equal("Government · Azerbaijan", page.Text("[data-testid=claimant-kind]"));
        Assert.Equal("0", page.Text("[data-testid=being-checked-count]"));
        var item = Assert.Single(page.Items);
        Assert.Equal(HomePageTests.BakuDenial, item.QuerySelector("h3 a")!.TextContent);
        Assert.Equal("Mostly false", item.QuerySelector(".rating-label")!.TextContent);
        // Their other claim is new: not public, not counted.
        Assert.DoesNotContain("Azerbaijan blames Armenia", page.Source, StringComparison.Ordinal);
        Assert.False(page.Response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Claimant_page_counts_claims_being_checked_without_showing_them()
    {
        var page = await GetAsync($"/claimants/{await ClaimantAsync("Hassan Rouhani")}/verdicts?lang=id");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Perorangan · Iran (President)", page.Text("[data-testid=claimant-kind]"));
        Assert.Equal("1", page.Text("[data-testid=being-checked-count]"));
        Assert.Empty(page.Items);
        Assert.Equal("Belum ada hasil cek fakta atas klaimnya yang diterbitkan.", page.Text("[data-testid=no-verdicts]"));
        Assert.DoesNotContain("Mortars and rockets", page.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("regional war", page.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verdict_page_link_to_more_verdicts_by_the_claimant_leads_to_their_page()
    {
        var slug = await App.ScalarAsync<string>("SELECT slug FROM claims WHERE title = @title", new { title = HomePageTests.Putin5000 });
        var verdict = await GetAsync($"/verdicts/{slug}?lang=id");
        var link = verdict.Document.QuerySelector("[data-testid=claimant]")!.GetAttribute("href")!;

        var page = await GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Vladimir Putin", page.Text("h1"));
        Assert.Equal("Dikoreksi", page.Items.Single().QuerySelector("[data-testid=corrected]")!.TextContent);
    }

    [Theory]
    [InlineData("/claimants/999999/verdicts", "Page not found")]
    [InlineData("/claimants/999999/verdicts?lang=id", "Halaman tidak ditemukan")]
    public async Task An_unknown_claimant_is_a_localized_404(string path, string heading)
    {
        var page = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(heading, page.Text("[data-testid=not-found]"));
    }

    [Fact]
    public async Task A_claimant_whose_claims_are_all_new_is_a_404_so_they_stay_private()
    {
        // The demo's Armenian government has one claim, still new.
        var page = await GetAsync($"/claimants/{await ClaimantAsync("Pemerintah Armenia")}/verdicts?lang=id");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Halaman tidak ditemukan", page.Text("[data-testid=not-found]"));
        Assert.DoesNotContain("Pemerintah Armenia", page.Source, StringComparison.Ordinal);
    }
}
