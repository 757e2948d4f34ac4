using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FactCheck.Web.Infrastructure.Auth;

/// Copies the authenticated user of each HTTP request into the request scope's CurrentActor.
public sealed class ActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentActor current)
    {
        current.Actor = Actor.FromPrincipal(context.User);
        return next(context);
    }
}

/// Keeps a Blazor circuit's CurrentActor in step with its authentication state (the circuit's scope outlives any request).
public sealed class ActorCircuitHandler(AuthenticationStateProvider authentication, CurrentActor current) : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnAuthenticationChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        current.Actor = Actor.FromPrincipal(state.User);
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationChanged;

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => current.Actor = Actor.FromPrincipal(t.Result.User), TaskContinuationOptions.OnlyOnRanToCompletion);
}
