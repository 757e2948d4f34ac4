using Bunit;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FactCheck.Tests.Components;

/// The claim page's edit mode rendered by bUnit, saving through the real pipeline to the shared test database.
[Collection(SharedAppCollection.Name)]
public sealed class ClaimEditorTests : BunitContext, IAsyncLifetime
{
    private readonly SharedApp shared;
    private readonly AsyncServiceScope scope;
    private readonly CurrentActor current;
    private ReviewDriver review = null!;

    public ClaimEditorTests(SharedApp shared)
    {
        this.shared = shared;
        scope = shared.App.Services.CreateAsyncScope();
        current = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IMediator>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddMudServices().AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private TestApp App => shared.App;

    public async Task InitializeAsync() => review = await ReviewDriver.CreateAsync(App);

    // MudBlazor registers services that only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await scope.DisposeAsync();
    }

    private async Task<IRenderedComponent<ClaimEditor>> RenderAsync(long claimId, Actor actor, Action? changed = null)
    {
        current.Actor = actor;
        var detail = await App.QueryAsync(new GetClaim(claimId), actor);
        Render<MudBlazor.MudPopoverProvider>();
        return Render<ClaimEditor>(p => p.Add(e => e.Detail, detail).Add(e => e.Changed, () => changed?.Invoke()));
    }

    [Fact]
    public async Task The_assignee_opens_the_editor_fixes_the_title_and_the_page_is_told_to_reload()
    {
        var id = await review.ClaimInStateAsync("assigned");
        var reloaded = false;
        var editor = await RenderAsync(id, review.Checker, () => reloaded = true);

        editor.Find("[data-testid=edit-claim]").Click();
        editor.Find("#edit-title").Change("Pasukan menembaki desa perbatasan");
        editor.Find("form").Submit();

        editor.WaitForAssertion(() => Assert.True(reloaded));
        Assert.Equal("Pasukan menembaki desa perbatasan", await App.ScalarAsync<string>("SELECT title FROM claims WHERE id = @id", new { id }));
        Assert.Empty(editor.FindAll("[data-testid=claim-editor]"));
    }

    [Fact]
    public async Task A_colleague_is_not_offered_the_editor()
    {
        var id = await review.ClaimInStateAsync("assigned");

        var editor = await RenderAsync(id, review.Checker2);

        Assert.Empty(editor.FindAll("[data-testid=edit-claim]"));
    }

    [Fact]
    public async Task An_empty_title_is_shown_under_the_field_and_a_stale_copy_says_to_reload_and_nothing_is_written()
    {
        var id = await review.ClaimInStateAsync("assigned");
        var editor = await RenderAsync(id, review.Checker);
        editor.Find("[data-testid=edit-claim]").Click();

        editor.Find("#edit-title").Change("");
        editor.Find("form").Submit();
        editor.WaitForAssertion(() => Assert.Contains("Enter a short title.", editor.Markup));

        await App.SendAsync(EditClaim.From(await App.QueryAsync(new GetClaim(id), review.Editor)) with { Place = "Ganja" }, review.Editor);
        editor.Find("#edit-title").Change("Changed on a stale copy");
        editor.Find("form").Submit();

        editor.WaitForAssertion(() => Assert.Contains("changed since you opened it", editor.Find("[data-testid=edit-claim-error]").TextContent));
        Assert.Equal("A claim under review", await App.ScalarAsync<string>("SELECT title FROM claims WHERE id = @id", new { id }));
    }
}
