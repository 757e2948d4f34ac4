using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Topics;

/// The managed topic list for the staff topics page: every topic not merged away, with how many claims carry it.
[AllowAnyStaff]
public sealed record ListTopics : IQuery<IReadOnlyList<TopicSummary>>;

public sealed record TopicSummary
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string LabelId { get; init; } = "";
    public string LabelEn { get; init; } = "";
    public long Version { get; init; }
    public long Claims { get; init; }
}

public sealed class ListTopicsHandler(Db db) : IQueryHandler<ListTopics, IReadOnlyList<TopicSummary>>
{
    internal const string Summary =
        """
        SELECT t.id AS Id, t.name AS Name, t.slug AS Slug, t.label_id AS LabelId, t.label_en AS LabelEn, t.version AS Version,
               (SELECT count(*) FROM claim_topics ct WHERE ct.topic = t.name) AS Claims
        FROM topics t
        WHERE t.merged_into_id IS NULL
        """;

    public async ValueTask<IReadOnlyList<TopicSummary>> Handle(ListTopics query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TopicSummary>(new CommandDefinition(Summary + " ORDER BY t.label_en COLLATE NOCASE LIMIT 1000", cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
