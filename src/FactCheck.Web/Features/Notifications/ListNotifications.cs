using System.ComponentModel.DataAnnotations;
using Dapper;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Clock;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Notifications;

/// The caller's own inbox, newest first. Before pages backwards by id (ids only grow, so they order by time). Titles and
/// bodies are written in the caller's current language from each notification's stored message, so switching language
/// at /account switches the whole inbox; notifications from before messages were stored keep the text they were sent with.
[AllowAnyStaff]
public sealed record ListNotifications : IQuery<IReadOnlyList<NotificationItem>>
{
    public bool UnreadOnly { get; init; }

    public long? Before { get; init; }

    [Range(1, 200, ErrorMessage = "Ask for 1 to 200 notifications at a time.")]
    public int Limit { get; init; } = 50;
}

public sealed record NotificationItem
{
    public long Id { get; init; }

    public string Kind { get; init; } = "";

    public string Title { get; init; } = "";

    public string? Body { get; init; }

    public long? ClaimId { get; init; }

    public string? ClaimTitle { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool Unread { get; init; }

    internal string? Message { get; init; }
}

public sealed class ListNotificationsHandler(Db db, CurrentActor current, IOptions<FactCheckOptions> options) : IQueryHandler<ListNotifications, IReadOnlyList<NotificationItem>>
{
    public async ValueTask<IReadOnlyList<NotificationItem>> Handle(ListNotifications query, CancellationToken cancellationToken)
    {
        var me = current.Actor.UserId ?? throw new NotAuthenticatedException("Sign in to see your notifications.");
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NotificationItem>(new CommandDefinition(
            """
            SELECT n.id AS Id, n.kind AS Kind, n.title AS Title, n.body AS Body, n.claim_id AS ClaimId, c.title AS ClaimTitle,
                   n.created_at AS CreatedAt, (n.read_at IS NULL) AS Unread, n.message AS Message
            FROM notifications n
            LEFT JOIN claims c ON c.id = n.claim_id
            WHERE n.user_id = @me
              AND (@UnreadOnly = 0 OR n.read_at IS NULL)
              AND (@Before IS NULL OR n.id < @Before)
            ORDER BY n.id DESC
            LIMIT @Limit
            """,
            new { me, query.UnreadOnly, query.Before, query.Limit },
            cancellationToken: cancellationToken));
        var text = NotificationText.ForCurrentCulture(NewsroomTime.Of(options.Value).Zone);
        return rows.Select(row =>
        {
            if (NotificationMessage.FromJson(row.Message) is not { } message)
            {
                return row;
            }

            var (title, body) = text.Render(message);
            return row with { Title = title, Body = body };
        }).ToList();
    }
}
