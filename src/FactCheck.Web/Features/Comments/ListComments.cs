using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Comments;

/// A claim's comments, oldest first, with their Markdown rendered by the verdicts' safe renderer. Staff only.
[AllowAnyStaff]
public sealed record ListComments(long ClaimId) : IQuery<IReadOnlyList<CommentView>>;

public sealed record CommentView
{
    public long Id { get; init; }

    public long ClaimId { get; init; }

    public long AuthorId { get; init; }

    public string AuthorName { get; init; } = "";

    public string AuthorUsername { get; init; } = "";

    public string Body { get; init; } = "";

    public string Html => SafeMarkdown.ToHtml(Body);

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public long Version { get; init; }

    public DateTimeOffset EditableUntil => CreatedAt + CommentRules.EditWindow;
}

public sealed class ListCommentsHandler(Db db) : IQueryHandler<ListComments, IReadOnlyList<CommentView>>
{
    private const string Select =
        """
        SELECT k.id AS Id, k.claim_id AS ClaimId, k.author_id AS AuthorId, u.display_name AS AuthorName, u.username AS AuthorUsername,
               k.body AS Body, k.created_at AS CreatedAt, k.edited_at AS EditedAt, k.version AS Version
        FROM claim_comments k JOIN users u ON u.id = k.author_id
        """;

    public async ValueTask<IReadOnlyList<CommentView>> Handle(ListComments query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM claims WHERE id = @ClaimId)", new { query.ClaimId }, cancellationToken: cancellationToken));
        if (!exists)
        {
            throw new NotFoundException($"Claim {query.ClaimId} does not exist.");
        }

        var rows = await connection.QueryAsync<CommentView>(new CommandDefinition(
            Select + " WHERE k.claim_id = @ClaimId ORDER BY k.id", new { query.ClaimId }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    internal static Task<CommentView?> OneOrDefaultAsync(CommandContext context, long id, CancellationToken ct) =>
        context.QuerySingleOrDefaultAsync<CommentView>(Select + " WHERE k.id = @id", new { id }, ct);

    internal static async Task<CommentView> OneAsync(CommandContext context, long id, CancellationToken ct) =>
        await OneOrDefaultAsync(context, id, ct) ?? throw new NotFoundException($"Comment {id} does not exist.");
}
