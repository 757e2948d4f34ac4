using FactCheck.Web.Features.Claims;

namespace FactCheck.Tests.Claims;

[Collection(SharedAppCollection.Name)]
public sealed class SimilarClaimsTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Theory]
    [InlineData("Pasukan Azerbaijan dituduh menyerang gedung di Stepanakert", "Azerbaijani forces attacked buildings in Stepanakert")]
    [InlineData("Azerbaijani troops attacked buildings in Stepanakert, officials say", "Azerbaijani forces attacked buildings in Stepanakert")]
    [InlineData("Putin: perang Karabakh menewaskan 5.000 orang", "The Nagorno-Karabakh fighting has killed 5,000 people")]
    [InlineData("Rockets and mortars fell on Iranian villages near the border", "Mortars and rockets landed in villages in Iran")]
    public async Task A_paraphrase_in_either_language_finds_the_recorded_claim_first_or_near_the_top(string paraphrase, string expected)
    {
        var similar = await App.QueryAsync(new FindSimilarClaims(paraphrase), await App.ActorAsync("checker"));

        var top = similar.Take(3).Select(s => s.Title).ToList();
        Assert.Contains(expected, top);
        Assert.All(similar, s => Assert.InRange(s.Score, 0.2, 1.0));
        Assert.True(similar.SequenceEqual(similar.OrderByDescending(s => s.Score)));
    }

    [Fact]
    public async Task Unrelated_text_and_empty_text_find_nothing()
    {
        var checker = await App.ActorAsync("checker");

        Assert.Empty(await App.QueryAsync(new FindSimilarClaims("Harga cabai naik di pasar Bandung"), checker));
        Assert.Empty(await App.QueryAsync(new FindSimilarClaims("  the and of  "), checker));
    }

    [Fact]
    public async Task Diacritics_do_not_matter()
    {
        var checker = await App.ActorAsync("checker");

        var plain = await App.QueryAsync(new FindSimilarClaims("Stepanakert attacked buildings"), checker);
        var marked = await App.QueryAsync(new FindSimilarClaims("Stepanakért attacked buildings"), checker);

        Assert.Equal(plain.Select(s => s.Id), marked.Select(s => s.Id));
    }
}
