using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Topics;

/// Two topics that are one ("karabakh" and "nagorno-karabakh"): the first's claims carry the topic kept, and the
/// first's public address redirects there.
[AllowRoles(Roles.Editor)]
public sealed record MergeTopics(long TopicId, long IntoTopicId) : ICommand<int>;

public sealed class MergeTopicsHandler : ICommandHandler<MergeTopics, int>
{
    public async ValueTask<int> Handle(MergeTopics command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        if (command.TopicId == command.IntoTopicId)
        {
            throw ValidationFailedException.For(nameof(MergeTopics.IntoTopicId), "Choose another topic to merge this one into.");
        }

        var rows = (await context.QueryAsync<TopicRow>($"SELECT {TopicRow.Columns} FROM topics WHERE id IN (@TopicId, @IntoTopicId)", command, cancellationToken))
            .ToDictionary(t => t.Id);
        var merged = rows.GetValueOrDefault(command.TopicId) ?? throw new NotFoundException($"Topic {command.TopicId} does not exist.");
        var kept = rows.GetValueOrDefault(command.IntoTopicId)
            ?? throw ValidationFailedException.For(nameof(MergeTopics.IntoTopicId), $"Topic {command.IntoTopicId} does not exist.");
        if (merged.MergedIntoId is not null)
        {
            throw new ConflictException($"Topic {merged.Name} was already merged into another topic.");
        }

        if (kept.MergedIntoId is not null)
        {
            throw ValidationFailedException.For(nameof(MergeTopics.IntoTopicId), $"Topic {kept.Name} was itself merged into another topic: merge into that one.");
        }

        await TopicClaims.TouchAsync(context, merged.Name, cancellationToken);
        await context.ExecuteAsync(
            "INSERT INTO claim_topics (claim_id, topic) SELECT claim_id, @Kept FROM claim_topics WHERE topic = @Merged ON CONFLICT DO NOTHING",
            new { Kept = kept.Name, Merged = merged.Name },
            cancellationToken);
        var moved = await context.ExecuteAsync("DELETE FROM claim_topics WHERE topic = @Merged", new { Merged = merged.Name }, cancellationToken);
        await context.ExecuteAsync("UPDATE topics SET merged_into_id = @IntoTopicId WHERE merged_into_id = @TopicId", command, cancellationToken);
        await context.ExecuteAsync("UPDATE topics SET merged_into_id = @IntoTopicId, version = version + 1 WHERE id = @TopicId", command, cancellationToken);
        context.Audit("topic", command.TopicId, new { merged.Name }, new { MergedInto = kept.Name, Claims = moved });
        return moved;
    }
}

/// A topic row as the topic commands read it.
public sealed record TopicRow
{
    public const string Columns =
        "id AS Id, name AS Name, slug AS Slug, label_id AS LabelId, label_en AS LabelEn, merged_into_id AS MergedIntoId, version AS Version";

    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string LabelId { get; init; } = "";
    public string LabelEn { get; init; } = "";
    public long? MergedIntoId { get; init; }
    public long Version { get; init; }

    public string Label(string language) => language == "id" ? LabelId : LabelEn;
}

public static class TopicClaims
{
    /// The claims carrying a topic show its label: their staff and public pages reload.
    public static async Task TouchAsync(CommandContext context, string name, CancellationToken ct)
    {
        foreach (var claimId in await context.QueryAsync<long>("SELECT claim_id FROM claim_topics WHERE topic = @name", new { name }, ct))
        {
            context.ClaimChanged(claimId);
        }
    }
}
