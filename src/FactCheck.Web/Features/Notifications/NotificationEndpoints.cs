using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Clock;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Notifications;

/// The caller's in-app inbox over the API (bearer token): read it and mark notifications read.
public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();

        notifications.MapGet("/", async (bool? unread, int? limit, long? before, IMediator mediator, IOptions<FactCheckOptions> options, CancellationToken ct) =>
        {
            var items = await mediator.Send(new ListNotifications { UnreadOnly = unread ?? false, Limit = limit ?? 50, Before = before }, ct);
            var zone = NewsroomTime.Of(options.Value).Zone;
            var (id, en) = (NotificationText.For(NotificationText.Indonesian, zone), NotificationText.For(NotificationText.English, zone));
            return TypedResults.Ok(items.Select(n =>
            {
                // Written before messages were stored: the text it was sent with is all there is, in both places.
                var message = NotificationMessage.FromJson(n.Message);
                var texts = message is null
                    ? new NotificationTexts(new(n.Title, n.Body), new(n.Title, n.Body))
                    : new NotificationTexts(Text(id.Render(message)), Text(en.Render(message)));
                return new NotificationJson(n.Id, n.Kind, n.Title, n.Body, n.ClaimId, n.ClaimTitle, n.CreatedAt, n.Unread, texts);
            }).ToList());
        })
        .WithSummary("Your notifications, newest first, each with an unread flag and its text in both languages (texts.id, texts.en; title and body in the request's). ?unread=true for unread only, ?limit= (1-200, default 50), ?before={id} for the next page.")
        .ProducesValidationProblem();

        notifications.MapPost("/{id:long}/read", async (long id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new MarkNotificationRead(id), ct);
            return TypedResults.NoContent();
        })
        .WithSummary("Mark one of your notifications read (again is fine). Another person's notification answers 404.")
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed record NotificationJson(
        long Id, string Kind, string Title, string? Body, long? ClaimId, string? ClaimTitle, DateTimeOffset CreatedAt, bool Unread, NotificationTexts Texts);

    public sealed record NotificationTexts(NotificationTextJson Id, NotificationTextJson En);

    public sealed record NotificationTextJson(string Title, string? Body);

    private static NotificationTextJson Text((string Title, string? Body) text) => new(text.Title, text.Body);
}
