using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using Mediator;

namespace FactCheck.Web.Features.Reminders;

/// An editor's controls over a claim's running deadline: move it (the reminder ladder starts again) or snooze its reminders.
public static class DeadlineEndpoints
{
    public static void MapDeadlineEndpoints(this IEndpointRouteBuilder app)
    {
        var claims = app.MapGroup("/api/claims").WithTags("Deadlines").RequireAuthorization();

        claims.MapPost("/{id:long}/deadline", async (long id, ExtendDeadline body, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(body with { ClaimId = id }, ct);
            return TypedResults.Ok(await mediator.Send(new GetClaim(id), ct));
        })
        .WithSummary("Move the deadline of the claim's current stage (editors): version as you last saw it, dueAt (an instant) or dueDate "
            + "(a day, due at its end in the newsroom's time zone), and an optional reason. The reminders start again from the new deadline. "
            + "Answers with the claim as GET shows it; a stale version gets 409.")
        .Produces<ClaimDetail>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);

        claims.MapPost("/{id:long}/snooze", async (long id, SnoozeReminders body, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(body with { ClaimId = id }, ct);
            return TypedResults.NoContent();
        })
        .WithSummary("Silence the claim's reminders until a time (editors; at most 30 days ahead), with an optional reason. "
            + "Reminders that come due meanwhile go out when the snooze ends.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
