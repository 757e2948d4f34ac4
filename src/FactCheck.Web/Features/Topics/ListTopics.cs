using Dapper;
using FactCheck.Web.Features.Verdicts;
using FactCheck.Web.Features.Review;
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

/// Topics whose name or either label contains the text, for autocomplete wherever topics are typed.
[AllowAnyStaff]
public sealed record SuggestTopics(string Text) : IQuery<IReadOnlyList<TopicSummary>>;

/// A topic's public page: its label in the reader's language and its published verdicts. MovedToSlug: the topic was
/// merged, its address redirects there. Null when the topic is unknown.
[AllowAnonymousMessage]
public sealed record GetTopicVerdicts(string Slug, int Page = 1) : IQuery<TopicVerdicts?>;

public sealed record TopicVerdicts(TopicRow Topic, PublishedVerdictPage Verdicts, string? MovedToSlug);

public sealed class ListTopicsHandler(Db db, RatingScale scale)
    : IQueryHandler<ListTopics, IReadOnlyList<TopicSummary>>, IQueryHandler<SuggestTopics, IReadOnlyList<TopicSummary>>, IQueryHandler<GetTopicVerdicts, TopicVerdicts?>
{
    private const string Summary =
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

    public async ValueTask<IReadOnlyList<TopicSummary>> Handle(SuggestTopics query, CancellationToken cancellationToken)
    {
        var text = query.Text.Trim();
        if (text.Length is 0 or > TopicList.MaxLength)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TopicSummary>(new CommandDefinition(
            Summary + """
             AND (t.name LIKE '%' || @text || '%' ESCAPE '\' OR t.label_id LIKE '%' || @text || '%' ESCAPE '\' OR t.label_en LIKE '%' || @text || '%' ESCAPE '\')
            ORDER BY t.name LIKE @text || '%' ESCAPE '\' DESC, Claims DESC, t.name
            LIMIT 10
            """,
            new { text = text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async ValueTask<TopicVerdicts?> Handle(GetTopicVerdicts query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var topic = await connection.QuerySingleOrDefaultAsync<TopicRow>(new CommandDefinition(
            $"SELECT {TopicRow.Columns} FROM topics WHERE slug = @Slug", query, cancellationToken: cancellationToken));
        if (topic?.MergedIntoId is { } keptId)
        {
            var kept = await connection.QuerySingleAsync<string>(new CommandDefinition("SELECT slug FROM topics WHERE id = @keptId", new { keptId }, cancellationToken: cancellationToken));
            return new TopicVerdicts(topic, new PublishedVerdictPage([], 1, false), kept);
        }

        if (topic is null)
        {
            return null;
        }

        var verdicts = await PublishedVerdictReader.PageAsync(connection, scale, new VerdictFilter(null, null, topic.Name, null), query.Page, cancellationToken);
        return new TopicVerdicts(topic, verdicts, null);
    }
}
