using Mediator;

namespace FactCheck.Web.Features.Notifications;

/// The caller's in-app inbox over the API (bearer token): read it and mark notifications read.
public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();

        notifications.MapGet("/", async (bool? unread, int? limit, long? before, IMediator mediator, CancellationToken ct) =>
        {
            var items = await mediator.Send(new ListNotifications { UnreadOnly = unread ?? false, Limit = limit ?? 50, Before = before }, ct);
            return TypedResults.Ok(items.Select(n => new NotificationJson(n.Id, n.Kind, n.Title, n.Body, n.ClaimId, n.CreatedAt, n.Unread)).ToList());
        })
        .WithSummary("Your notifications, newest first, each with an unread flag. ?unread=true for unread only, ?limit= (1-200, default 50), ?before={id} for the next page.")
        .ProducesValidationProblem();

        notifications.MapPost("/{id:long}/read", async (long id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new MarkNotificationRead(id), ct);
            return TypedResults.NoContent();
        })
        .WithSummary("Mark one of your notifications read (again is fine). Another person's notification answers 404.")
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed record NotificationJson(long Id, string Kind, string Title, string? Body, long? ClaimId, DateTimeOffset CreatedAt, bool Unread);
}
