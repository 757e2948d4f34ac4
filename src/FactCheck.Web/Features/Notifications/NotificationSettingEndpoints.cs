using Mediator;

namespace FactCheck.Web.Features.Notifications;

/// How each kind of work notification reaches the caller, over the API (bearer token).
public static class NotificationSettingEndpoints
{
    public static void MapNotificationSettingEndpoints(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/notifications/settings").WithTags("Notifications").RequireAuthorization();
        settings.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetNotificationSettings(), ct)))
            .WithSummary("How each kind of work notification reaches you: [{kind, label (English), labelId (Indonesian), delivery (off, app, email), default}].");
        settings.MapPut("/{kind}", async (string kind, DeliveryRequest body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SetNotificationSetting { Kind = kind, Delivery = body.Delivery ?? "" }, ct)))
            .WithSummary("Choose how one kind reaches you: {\"delivery\": \"off\" | \"app\" | \"email\"} (email also puts it in the app).")
            .ProducesValidationProblem();
    }

    public sealed record DeliveryRequest(string? Delivery);
}
