using System.Security.Claims;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Auth;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FactCheck.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Accounts");

        // Every refusal is the same 401 whatever was wrong (unknown user, wrong password, deactivated, throttled).
        api.MapPost("/tokens", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (IssueApiToken request, IMediator mediator, CancellationToken ct) =>
        {
            var issued = await mediator.Send(request, ct);
            return issued.Succeeded
                ? TypedResults.Ok(new TokenResponse(issued.Token!, issued.ExpiresAt!.Value, issued.Id!.Value, issued.Name!))
                : TypedResults.Problem(
                    statusCode: issued.PasswordChangeDue ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
                    title: issued.PasswordChangeDue ? "New password needed" : "Sign-in failed",
                    detail: issued.Error);
        })
        .WithSummary("Exchange a username and password (and a name for the token) for a personal API token (send it as Authorization: Bearer <token>).")
        .ProducesValidationProblem()
        .RequireRateLimiting(RateLimiting.SignInPolicy)
        .AllowAnonymous();

        api.MapGet("/tokens", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListApiTokens(), ct)))
            .WithSummary("Your API tokens: name, created, last used, expiry, whether revoked and still active (never the token itself).")
            .RequireAuthorization();

        api.MapDelete("/tokens/current", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
        {
            var id = long.Parse(user.FindFirstValue(ApiTokenAuthenticationHandler.TokenIdClaim)!, System.Globalization.CultureInfo.InvariantCulture);
            await mediator.Send(new RevokeApiToken(id), ct);
            return TypedResults.NoContent();
        })
        .WithSummary("Revoke the token this request is sent with (sign out of the API).")
        .RequireAuthorization();

        api.MapDelete("/tokens/{id:long}", async (long id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RevokeApiToken(id), ct);
            return TypedResults.NoContent();
        })
        .WithSummary("Revoke one of your API tokens (an admin: anyone's).")
        .RequireAuthorization();

        api.MapGet("/me", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new WhoAmI(), ct)))
            .WithSummary("The account the bearer token belongs to.")
            .RequireAuthorization();

        // Sign-out is a POST with an antiforgery token (the form binding makes ASP.NET Core validate it).
        app.MapPost("/logout", async (HttpContext context, [FromForm] string? returnUrl) =>
        {
            await context.SignOutAsync(AuthSchemes.Cookie);
            return TypedResults.LocalRedirect("/login?signedOut=true");
        }).ExcludeFromDescription();
    }

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt, long Id, string Name);
}

public sealed record CurrentUserInfo(long Id, string Username, IReadOnlyList<string> Roles);
