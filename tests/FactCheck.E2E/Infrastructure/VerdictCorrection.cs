using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.E2E.Infrastructure;

/// Publishes a correction of a published verdict as the desk does: an editor reopens it, the claim's assignee submits
/// the new verdict, editors approve it. Sent through the app's own mediator pipeline (authorisation, audit, events).
public static class VerdictCorrection
{
    public static async Task PublishAsync(IServiceProvider app, string slug, string rating, string reason)
    {
        var db = app.GetRequiredService<Db>();
        var (id, kind, assignee) = await OneAsync<(long, string, string)>(db,
            "SELECT c.id, c.kind, u.username FROM claims c JOIN users u ON u.id = c.assignee_id WHERE c.slug = @slug", new { slug });
        await SendAsync(app, "editor", new CorrectVerdict { ClaimId = id, Version = await VersionAsync(db, id), Reason = reason });
        await SendAsync(app, assignee, new SubmitVerdict
        {
            ClaimId = id,
            Version = await VersionAsync(db, id),
            Rating = rating,
            Attribution = RatingScale.NeedsAttribution(kind) ? "confirmed" : null,
            Summary = "Corrected: " + reason,
            Explanation = "New records came to light: " + reason,
            ChangeNote = reason,
        });
        foreach (var editor in new[] { "editor2", "editor" })
        {
            if (await OneAsync<string>(db, "SELECT status FROM claims WHERE id = @id", new { id }) == "published")
            {
                return;
            }

            await SendAsync(app, editor, new ApproveVerdict { ClaimId = id, Version = await VersionAsync(db, id) });
        }
    }

    private static Task<long> VersionAsync(Db db, long id) => OneAsync<long>(db, "SELECT version FROM claims WHERE id = @id", new { id });

    private static async Task<T> OneAsync<T>(Db db, string sql, object param)
    {
        await using var connection = await db.OpenAsync();
        return await connection.QuerySingleAsync<T>(sql, param);
    }

    private static async Task SendAsync<T>(IServiceProvider app, string username, T command)
        where T : ICommand<ClaimActionResult>
    {
        var db = app.GetRequiredService<Db>();
        await using var connection = await db.OpenAsync();
        var userId = await connection.QuerySingleAsync<long>("SELECT id FROM users WHERE username = @username", new { username });
        var roles = (await connection.QueryAsync<string>("SELECT role FROM user_roles WHERE user_id = @userId", new { userId })).ToHashSet();
        await using var scope = app.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = new Actor(userId, username, roles);
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }
}
