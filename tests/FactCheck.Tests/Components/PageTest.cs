using Bunit;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FactCheck.Tests.Components;

/// A bUnit context for a staff page signed in as one demo account, whose messages go through the real
/// mediator pipeline to the shared test database.
public abstract class PageTest : BunitContext, IAsyncLifetime
{
    private readonly AsyncServiceScope scope;

    protected PageTest(SharedApp shared, string username, string role)
    {
        Shared = shared;
        scope = shared.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = shared.App.ActorAsync(username).GetAwaiter().GetResult();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IMediator>());
        Services.AddSingleton(shared.App.Services.GetRequiredService<ClaimChangeNotifier>());
        Services.AddSingleton(shared.App.Services.GetRequiredService<RatingScale>());
        Services.AddSingleton(shared.App.Services.GetRequiredService<TimeProvider>());
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized(username).SetRoles(role);
    }

    protected SharedApp Shared { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await scope.DisposeAsync();
    }
}
