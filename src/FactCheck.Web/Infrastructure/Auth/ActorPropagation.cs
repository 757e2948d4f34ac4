using System.Security.Claims;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FactCheck.Web.Infrastructure.Auth;

/// Copies the authenticated user of each HTTP request into the request scope's CurrentActor, with the client's network.
public sealed class ActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentActor current)
    {
        current.Actor = Actor.FromPrincipal(context.User) with { Network = ClientNetwork.Of(context.Connection.RemoteIpAddress) };
        return next(context);
    }
}

/// Keeps a Blazor circuit's CurrentActor in step with its authentication state (the circuit's scope outlives any request),
/// and signs the circuit out when its account's sign-ins end: the router then sends the page to the sign-in form.
public sealed class ActorCircuitHandler(AuthenticationStateProvider authentication, CurrentActor current, SessionRevocations revocations)
    : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnAuthenticationChanged;
        revocations.Ended += OnSessionsEnded;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        current.Actor = Actor.FromPrincipal(state.User);
    }

    public void Dispose()
    {
        authentication.AuthenticationStateChanged -= OnAuthenticationChanged;
        revocations.Ended -= OnSessionsEnded;
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => current.Actor = Actor.FromPrincipal(t.Result.User), TaskContinuationOptions.OnlyOnRanToCompletion);

    private void OnSessionsEnded(IReadOnlyCollection<long> userIds)
    {
        if (current.Actor.UserId is not { } me || !userIds.Contains(me))
        {
            return;
        }

        current.Actor = Actor.Anonymous;
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }
}
