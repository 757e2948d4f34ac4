using Bunit;
using FactCheck.Tests.Components;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

/// The claimant page's side field as an editor uses it, rendered by bUnit over the shared test database.
[Collection(SharedAppCollection.Name)]
public sealed class ClaimantSidePageTests(SharedApp shared) : PageTest(shared, "editor", Roles.Editor)
{
    private async Task<(string? Side, long Version)> StoredAsync(long id) =>
        Assert.Single(await App.RowsAsync<(string? Side, long Version)>("SELECT side, version FROM claimants WHERE id = @id", new { id }));

    private IRenderedComponent<ClaimantPage> Open(long id)
    {
        var page = Render<ClaimantPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input#claimant-side")));
        return page;
    }

    [Fact]
    public async Task An_editor_sees_the_side_field_with_the_sides_in_use_and_saves_a_new_side()
    {
        var claimant = await NewClaimant.CreateAsync(App, side: "Armenia");

        var page = Open(claimant.Id);

        var input = page.Find("input#claimant-side");
        Assert.Equal("Armenia", input.GetAttribute("value"));
        Assert.Equal("claimant-sides", input.GetAttribute("list"));
        var suggestions = page.FindAll("datalist#claimant-sides option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("Azerbaijan", suggestions);
        Assert.Contains("Armenia", suggestions);
        Assert.True(page.Find("[data-testid=save-side]").HasAttribute("disabled"), "nothing to save before the side is edited");

        page.Find("input#claimant-side").Input("Nagorno-Karabakh");
        page.Find("[data-testid=save-side]").Click();

        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=save-side]").HasAttribute("disabled")));
        Assert.Equal(("Nagorno-Karabakh", 2L), await StoredAsync(claimant.Id));
        Assert.Contains("Nagorno-Karabakh", page.FindAll("datalist#claimant-sides option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task A_side_too_long_shows_the_rule_under_the_field_and_is_not_saved()
    {
        var claimant = await NewClaimant.CreateAsync(App, side: "Iran");
        var page = Open(claimant.Id);

        page.Find("input#claimant-side").Input(new string('x', 101));
        page.Find("[data-testid=save-side]").Click();

        page.WaitForAssertion(() => Assert.Contains("Keep the side to 100 characters.", page.Find("[data-testid=claimant-side]").TextContent, StringComparison.Ordinal));
        Assert.Equal(("Iran", 1L), await StoredAsync(claimant.Id));
    }

    [Fact]
    public async Task A_side_saved_meanwhile_by_someone_else_is_shown_and_the_editors_text_kept_to_save_again()
    {
        var claimant = await NewClaimant.CreateAsync(App, side: "Russia");
        var page = Open(claimant.Id);
        await App.SendAsync(new SetClaimantSide(claimant.Id, "Iran", 1), await App.ActorAsync("editor2"));

        page.Find("input#claimant-side").Input("Azerbaijan");
        page.Find("[data-testid=save-side]").Click();

        page.WaitForAssertion(() => Assert.Contains("the side is now Iran", page.Find("[data-testid=claimant-side-conflict]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Azerbaijan", page.Find("input#claimant-side").GetAttribute("value"));
        Assert.Equal(("Iran", 2L), await StoredAsync(claimant.Id));

        page.Find("[data-testid=save-side]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=claimant-side-conflict]")));
        Assert.Equal(("Azerbaijan", 3L), await StoredAsync(claimant.Id));
    }
}
