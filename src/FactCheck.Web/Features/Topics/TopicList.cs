using System.Globalization;
using System.Text;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Topics;

/// Keeps the managed topic list in step with what claims carry: a topic typed for the first time is added, labelled
/// with its name in both languages until an editor relabels it; a merged topic's name is written as the topic kept.
public static class TopicList
{
    public const int MaxLength = 60;

    /// The names to store for the topics typed: each known topic in its recorded spelling (or the topic it was merged
    /// into), each new one added to the list.
    public static async Task<IReadOnlyList<string>> ResolveAsync(CommandContext context, IEnumerable<string> typed, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var topic in typed.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var known = await context.QuerySingleOrDefaultAsync<string>(
                "SELECT coalesce(k.name, t.name) FROM topics t LEFT JOIN topics k ON k.id = t.merged_into_id WHERE t.name = @topic",
                new { topic },
                ct);
            if (known is null)
            {
                await context.ExecuteAsync(
                    """
                    INSERT INTO topics (name, slug, label_id, label_en, created_at)
                    VALUES (@topic, @slug, @topic, @topic, @Now)
                    """,
                    new { topic, slug = await FreeSlugAsync(context, topic, ct), context.Now },
                    ct);
                context.Audit("topic", topic, null, new { Name = topic }, "AddTopic");
            }

            if (!names.Contains(known ?? topic, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(known ?? topic);
            }
        }

        return names;
    }

    public static string Slugify(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-' && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "topic" : slug;
    }

    private static async Task<string> FreeSlugAsync(CommandContext context, string name, CancellationToken ct)
    {
        var slug = Slugify(name);
        for (var n = 2; await context.ExecuteScalarAsync<long>("SELECT count(*) FROM topics WHERE slug = @slug", new { slug }, ct) > 0; n++)
        {
            slug = $"{Slugify(name)}-{n}";
        }

        return slug;
    }
}
