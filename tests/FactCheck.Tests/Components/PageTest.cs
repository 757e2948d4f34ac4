using Bunit;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FactCheck.Tests.Components;

/// A bUnit context for a staff page signed in as one demo account, whose messages go through the real
/// mediator pipeline to a test database: the shared one, or an app of the test's own (one whose clock it moves).
public abstract class PageTest : BunitContext, IAsyncLifetime
{
    private readonly AsyncServiceScope scope;

    protected PageTest(SharedApp shared, string username, string role)
        : this(shared.App, username, role) => Shared = shared;

    protected PageTest(TestApp app, string username, string role)
    {
        App = app;
        scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = app.ActorAsync(username).GetAwaiter().GetResult();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IMediator>());
        Services.AddSingleton(app.Services.GetRequiredService<ClaimChangeNotifier>());
        Services.AddSingleton(app.Services.GetRequiredService<LiveRefreshGate>());
        Services.AddSingleton(app.Services.GetRequiredService<RatingScale>());
        Services.AddSingleton(app.Services.GetRequiredService<TimeProvider>());
        Services.AddSingleton(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FactCheckOptions>>());
        Services.AddSingleton(app.Services.GetRequiredService<FactCheck.Web.Features.Review.VerdictLanguages>());
        Services.AddMudServices().AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized(username).SetRoles(role);
    }

    /// Null for a test on an app of its own.
    protected SharedApp Shared { get; } = null!;

    protected TestApp App { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await scope.DisposeAsync();
    }
}
