using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Topics;

/// Topics whose name or either label contains the text, for autocomplete wherever topics are typed.
[AllowAnyStaff]
public sealed record SuggestTopics(string Text) : IQuery<IReadOnlyList<TopicSummary>>;

public sealed class SuggestTopicsHandler(Db db) : IQueryHandler<SuggestTopics, IReadOnlyList<TopicSummary>>
{
    public async ValueTask<IReadOnlyList<TopicSummary>> Handle(SuggestTopics query, CancellationToken cancellationToken)
    {
        var text = query.Text.Trim();
        if (text.Length is 0 or > TopicList.MaxLength)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TopicSummary>(new CommandDefinition(
            ListTopicsHandler.Summary + $"""
             AND ({connection.Like("t.name")} '%' || @text || '%' ESCAPE '\' OR {connection.Like("t.label_id")} '%' || @text || '%' ESCAPE '\' OR {connection.Like("t.label_en")} '%' || @text || '%' ESCAPE '\')
            ORDER BY {connection.Like("t.name")} @text || '%' ESCAPE '\' DESC, Claims DESC, t.name
            LIMIT 10
            """,
            new { text = SqlLike.Escape(text) },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
