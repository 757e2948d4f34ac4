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

        api.MapPost("/tokens", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (IssueApiToken request, IMediator mediator, CancellationToken ct) =>
        {
            var issued = await mediator.Send(request, ct);
            return issued.Succeeded
                ? TypedResults.Ok(new TokenResponse(issued.Token!, issued.ExpiresAt!.Value))
                : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: issued.Error);
        })
        .WithSummary("Exchange a username and password for a personal API token (send it as Authorization: Bearer <token>).")
        .ProducesValidationProblem()
        .AllowAnonymous();

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

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);
}

[AllowAnyStaff]
public sealed record WhoAmI : IQuery<CurrentUserInfo>;

public sealed record CurrentUserInfo(long Id, string Username, IReadOnlyList<string> Roles);

public sealed class WhoAmIHandler(CurrentActor current) : IQueryHandler<WhoAmI, CurrentUserInfo>
{
    public ValueTask<CurrentUserInfo> Handle(WhoAmI query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CurrentUserInfo(current.Actor.UserId!.Value, current.Actor.Name, current.Actor.Roles.Order(StringComparer.Ordinal).ToList()));
}
