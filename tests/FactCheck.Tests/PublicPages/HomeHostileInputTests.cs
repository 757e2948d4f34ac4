using System.Net;

namespace FactCheck.Tests.PublicPages;

/// What a reader, or an attacker, may type into the home page's address: never a server error, never markup.
[Collection(PublicPagesCollection.Name)]
public sealed class HomeHostileInputTests(PublicPagesApp fixture)
{
    private Task<PublicHtml> GetAsync(string path) => PublicHtml.GetAsync(fixture.App.CreateClient(), path);

    [Fact]
    public async Task Script_in_the_search_text_is_echoed_encoded_and_never_runs()
    {
        const string hostile = "<script>alert(1)</script>";
        var page = await GetAsync("/?q=" + Uri.EscapeDataString(hostile));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(hostile, page.Source, StringComparison.Ordinal);
        Assert.Equal(hostile, page.Document.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.Contains(hostile, page.TestId("filter-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.Scripts, s => s.TextContent.Contains("alert", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("***")]
    [InlineData("NEAR(")]
    [InlineData("Stepanakert NEAR(buildings")]
    [InlineData("\"Stepanakert")]
    [InlineData("Stepanakert OR ^- AND NOT :col")]
    [InlineData("title:Stepanakert")]
    public async Task Full_text_syntax_in_the_search_text_is_searched_as_words_never_a_server_error(string q)
    {
        var page = await GetAsync("/?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Items.Count > 0 || page.TestId("no-results") is not null, "Neither results nor the no-results message.");
    }

    [Fact]
    public async Task A_search_text_longer_than_200_characters_is_trimmed_not_refused()
    {
        var page = await GetAsync("/?q=" + Uri.EscapeDataString("Stepanakert " + new string('x', 400)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var echoed = page.Document.QuerySelector("input[name=q]")!.GetAttribute("value")!;
        Assert.Equal(200, echoed.Length);
        Assert.StartsWith("Stepanakert xxx", echoed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?page=abc")]
    [InlineData("/?page=-3")]
    [InlineData("/?page=99999999999")]
    [InlineData("/?rating=no-such-rating")]
    public async Task Nonsense_in_the_address_falls_back_to_the_full_first_page(string path)
    {
        var page = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(3, page.Items.Count);
    }
}
