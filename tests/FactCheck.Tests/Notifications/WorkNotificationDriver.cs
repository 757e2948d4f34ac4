using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Notifications;

/// Reads the work notifications a person got about a claim, in the order they were written.
internal static class WorkNotificationDriver
{
    public static Task<List<string>> KindsAsync(TestApp app, Actor to, long claimId) =>
        app.RowsAsync<string>(
            "SELECT kind FROM notifications WHERE user_id = @UserId AND claim_id = @claimId AND event_key IS NOT NULL ORDER BY id",
            new { to.UserId, claimId });

    public static Task<List<Told>> ToldAsync(TestApp app, Actor to, long? claimId = null) =>
        app.RowsAsync<Told>(
            """
            SELECT kind AS Kind, title AS Title, coalesce(body, '') AS Body, event_key AS EventKey FROM notifications
            WHERE user_id = @UserId AND event_key IS NOT NULL AND (@claimId IS NULL OR claim_id = @claimId) ORDER BY id
            """,
            new { to.UserId, claimId });

    public static Task SetDeliveryAsync(TestApp app, Actor who, string kind, string delivery) =>
        app.SendAsync(new Web.Features.Notifications.SetNotificationSetting { Kind = kind, Delivery = delivery }, who);
}

internal sealed record Told
{
    public string Kind { get; init; } = "";

    public string Title { get; init; } = "";

    public string Body { get; init; } = "";

    public string EventKey { get; init; } = "";
}
