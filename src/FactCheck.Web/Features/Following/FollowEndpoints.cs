using Mediator;

namespace FactCheck.Web.Features.Following;

/// Follow a claim over the API (bearer token): its state changes and comments then reach your notifications.
public static class FollowEndpoints
{
    public static void MapFollowEndpoints(this IEndpointRouteBuilder app)
    {
        var follow = app.MapGroup("/api/claims/{id:long}/follow").WithTags("Claims").RequireAuthorization();

        follow.MapGet("/", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetFollowState(id), ct)))
            .WithSummary("Whether you follow the claim: {claimId, following, reason} (chose, assigned, commented, recorded, assignee).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        follow.MapPut("/", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new FollowClaim(id, true), ct)))
            .WithSummary("Follow the claim (again is fine).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        follow.MapDelete("/", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new FollowClaim(id, false), ct)))
            .WithSummary("Stop following the claim; automatic follows (recorded, commented) respect it until you are assigned the claim.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
