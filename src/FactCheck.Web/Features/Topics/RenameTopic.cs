using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Topics;

/// Gives a topic its labels in Indonesian and English. The topic's key and public address stay, so links keep working.
[AllowRoles(Roles.Editor)]
public sealed record RenameTopic : ICommand<long>
{
    public long TopicId { get; init; }

    [Range(1, long.MaxValue, ErrorMessage = "Give the version of the topic you last saw.")]
    public long Version { get; init; }

    [Required(ErrorMessage = "Give the Indonesian label.")]
    [StringLength(TopicList.MaxLength, ErrorMessage = "Keep the label to 60 characters.")]
    public string LabelId { get; set; } = "";

    [Required(ErrorMessage = "Give the English label.")]
    [StringLength(TopicList.MaxLength, ErrorMessage = "Keep the label to 60 characters.")]
    public string LabelEn { get; set; } = "";
}

public sealed class RenameTopicHandler : ICommandHandler<RenameTopic, long>
{
    public async ValueTask<long> Handle(RenameTopic command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var before = await context.QuerySingleOrDefaultAsync<TopicRow>(
            $"SELECT {TopicRow.Columns} FROM topics WHERE id = @TopicId", command, cancellationToken)
            ?? throw new NotFoundException($"Topic {command.TopicId} does not exist.");
        if (before.MergedIntoId is { } kept)
        {
            throw new ConflictException($"Topic {before.Name} was merged into another topic (#{kept}): rename that one.");
        }

        if (before.Version != command.Version)
        {
            throw new ConflictException($"Topic {before.Name} changed since you opened it (now version {before.Version}). Reload and try again.", new { version = before.Version });
        }

        var labelId = command.LabelId.Trim();
        var labelEn = command.LabelEn.Trim();
        if (labelId == before.LabelId && labelEn == before.LabelEn)
        {
            return before.Version;
        }

        await context.ExecuteAsync(
            "UPDATE topics SET label_id = @labelId, label_en = @labelEn, version = version + 1 WHERE id = @TopicId",
            new { labelId, labelEn, command.TopicId },
            cancellationToken);
        context.Audit("topic", command.TopicId, new { before.LabelId, before.LabelEn }, new { LabelId = labelId, LabelEn = labelEn });
        await TopicClaims.TouchAsync(context, before.Name, cancellationToken);
        return before.Version + 1;
    }
}
