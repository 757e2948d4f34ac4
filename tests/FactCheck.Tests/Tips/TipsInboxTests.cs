using Bunit;
using FactCheck.Web.Features.Tips;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FactCheck.Tests.Tips;

/// The editors' inbox rendered by bUnit, sending its messages through the real pipeline to the shared test database.
[Collection(SharedAppCollection.Name)]
public sealed class TipsInboxTests : BunitContext, IAsyncLifetime
{
    private readonly SharedApp shared;
    private AsyncServiceScope scope;

    public TipsInboxTests(SharedApp shared)
    {
        this.shared = shared;
        Services.AddMudServices().AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private TestApp App => shared.App;

    [Fact]
    public async Task An_editor_sees_new_tips_with_a_safe_source_link_and_a_prefilled_intake_link()
    {
        var tip = await TipAsync("Inbox shows me", "https://example.org/seen?a=1");
        var page = RenderAs("editor");

        page.WaitForAssertion(() => Assert.Contains("Inbox shows me", page.Find($"[data-testid=tip-text-{tip}]").TextContent));
        var source = page.Find("a[href='https://example.org/seen?a=1']");
        Assert.Equal("noopener noreferrer nofollow", source.GetAttribute("rel"));
        Assert.Equal("_blank", source.GetAttribute("target"));
        Assert.Equal($"/claims/new?text=Inbox%20shows%20me&url=https%3A%2F%2Fexample.org%2Fseen%3Fa%3D1&tip={tip}", page.Find($"[data-testid=to-claim-{tip}]").GetAttribute("href"));
    }

    [Fact]
    public async Task Dismissing_with_a_reason_takes_the_tip_out_of_the_new_list()
    {
        var tip = await TipAsync("Dismiss me from the inbox");
        var page = RenderAs("editor");
        page.WaitForAssertion(() => page.Find($"[data-testid=dismiss-{tip}]"));

        page.Find($"[data-testid=dismiss-{tip}]").Click();
        page.Find($"#dismiss-reason-{tip}").Input("Duplicate of an earlier tip");
        page.Find($"[data-testid=confirm-dismiss-{tip}]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid=tip-text-{tip}]")));
        Assert.Equal("Duplicate of an earlier tip", await App.ScalarAsync<string>("SELECT dismiss_reason FROM tips WHERE id = @tip", new { tip }));
    }

    [Fact]
    public async Task Marking_converted_with_a_missing_claim_shows_the_error_and_keeps_the_tip_new()
    {
        var tip = await TipAsync("Convert me to a claim that is not there");
        var page = RenderAs("editor");
        page.WaitForAssertion(() => page.Find($"[data-testid=convert-{tip}]"));

        page.Find($"[data-testid=convert-{tip}]").Click();
        page.Find($"#claim-id-{tip}").Input("987654321");
        page.Find($"[data-testid=confirm-convert-{tip}]").Click();

        page.WaitForAssertion(() => Assert.Contains("Claim #987654321 does not exist.", page.Markup));
        Assert.Equal("new", await App.ScalarAsync<string>("SELECT status FROM tips WHERE id = @tip", new { tip }));
    }

    [Fact]
    public async Task A_factchecker_who_reaches_the_component_is_refused_by_the_pipeline_and_sees_no_tips()
    {
        await TipAsync("Hidden from fact-checkers");
        var page = RenderAs("checker");

        page.WaitForAssertion(() => Assert.Contains("ListTips needs one of the roles: editor.", page.Find("[data-testid=tips-error]").TextContent));
        Assert.DoesNotContain("Hidden from fact-checkers", page.Markup);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await scope.DisposeAsync();
    }

    private IRenderedComponent<TipsInbox> RenderAs(string username)
    {
        scope = App.Services.CreateAsyncScope();
        var actor = App.ActorAsync(username).GetAwaiter().GetResult();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IMediator>());
        AddAuthorization().SetAuthorized(username).SetRoles([.. actor.Roles]);
        return Render<TipsInbox>();
    }

    private async Task<long> TipAsync(string text, string? url = null) =>
        (await App.SendAsync(new SubmitTip { Text = text, Url = url, ClientAddress = "192.0.2.200" }, Actor.Anonymous)).Id!.Value;
}
