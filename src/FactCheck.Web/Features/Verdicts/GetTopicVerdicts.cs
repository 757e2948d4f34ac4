using Dapper;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Features.Topics;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Verdicts;

/// A topic's public page: its label in the reader's language and its published verdicts. MovedToSlug: the topic was
/// merged, its address redirects there. Null when the topic is unknown.
[AllowAnonymousMessage]
public sealed record GetTopicVerdicts(string Slug, int Page = 1) : IQuery<TopicVerdicts?>;

public sealed record TopicVerdicts(TopicRow Topic, PublishedVerdictPage Verdicts, string? MovedToSlug);

public sealed class GetTopicVerdictsHandler(Db db, RatingScale scale) : IQueryHandler<GetTopicVerdicts, TopicVerdicts?>
{
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
