using Microsoft.Extensions.DependencyInjection;
using Bunit;
using FactCheck.Web.Components.Layout;
using FactCheck.Web.Infrastructure.Pipeline;
using MudBlazor.Services;

namespace FactCheck.Tests.Tips;

public sealed class TipsNavTests : BunitContext, IAsyncLifetime
{
    public TipsNavTests()
    {
        Services.AddMudServices().AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Theory]
    [InlineData(Roles.Editor, true)]
    [InlineData(Roles.FactChecker, false)]
    [InlineData(Roles.Admin, false)]
    public void Only_editors_get_the_tips_link(string role, bool shown)
    {
        AddAuthorization().SetAuthorized(role).SetRoles(role);

        var nav = Render<StaffNav>();

        var tips = nav.FindAll("a[href='/tips/inbox']");
        Assert.Equal(shown, tips.Count == 1);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
