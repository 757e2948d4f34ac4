using FactCheck.Web.Features.Claims;

namespace FactCheck.Tests.Claims;

[Collection(SharedAppCollection.Name)]
public sealed class ListClaimsTests(SharedApp shared)
{
    [Fact]
    public async Task A_status_no_claim_is_in_gives_an_empty_page_not_an_error()
    {
        var page = await shared.App.QueryAsync(new ListClaims(["no-such-status"]), await shared.App.ActorAsync("editor"));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task A_page_past_the_last_one_is_empty_and_still_reports_the_total()
    {
        var editor = await shared.App.ActorAsync("editor");
        var total = await shared.App.ScalarAsync<long>("SELECT count(*) FROM claims");

        var page = await shared.App.QueryAsync(new ListClaims(Page: 1000, PageSize: 50), editor);

        Assert.Empty(page.Items);
        Assert.True(page.Total >= total);
    }
}
