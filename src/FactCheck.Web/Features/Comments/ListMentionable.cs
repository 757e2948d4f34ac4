using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Comments;

/// Staff whose username or name starts with the prefix, for `@` autocomplete in comments.
[AllowAnyStaff]
public sealed record ListMentionable : IQuery<IReadOnlyList<Mentionable>>
{
    [System.ComponentModel.DataAnnotations.StringLength(64, ErrorMessage = "A username has at most 64 characters.")]
    public string Prefix { get; init; } = "";

    public int Limit { get; init; } = 8;
}

public sealed record Mentionable
{
    public string Username { get; init; } = "";

    public string DisplayName { get; init; } = "";
}

public sealed class ListMentionableHandler(Db db) : IQueryHandler<ListMentionable, IReadOnlyList<Mentionable>>
{
    public async ValueTask<IReadOnlyList<Mentionable>> Handle(ListMentionable query, CancellationToken cancellationToken)
    {
        var prefix = SqlLike.Escape(query.Prefix) + "%";
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Mentionable>(new CommandDefinition(
            $"""
            SELECT username AS Username, display_name AS DisplayName FROM users
            WHERE is_active = 1 AND ({connection.Like("username")} @prefix ESCAPE '\' OR {connection.Like("display_name")} @prefix ESCAPE '\')
            ORDER BY username LIMIT @Limit
            """,
            new { prefix, Limit = Math.Clamp(query.Limit, 1, 20) },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
