using Bunit;
using FactCheck.Web.Components.Layout;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FactCheck.Tests.Components;

public sealed class StaffNavTests : BunitContext, IAsyncLifetime
{
    public StaffNavTests()
    {
        Services.AddMudServices().AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void An_editor_sees_queue_claims_and_dashboard_but_not_admin()
    {
        AddAuthorization().SetAuthorized("editor").SetRoles(Roles.Editor);

        var nav = Render<StaffNav>();

        var links = nav.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Queue", links);
        Assert.Contains("Claims", links);
        Assert.Contains("Dashboard", links);
        Assert.DoesNotContain("Users", links);
        Assert.DoesNotContain("Background jobs", links);
    }

    [Fact]
    public void An_admin_without_a_desk_role_sees_admin_links_but_no_queue()
    {
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin);

        var nav = Render<StaffNav>();

        Assert.Contains("Admin", nav.Markup);
        var links = nav.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Users", links);
        Assert.Contains("Background jobs", links);
        Assert.DoesNotContain("Queue", links);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
