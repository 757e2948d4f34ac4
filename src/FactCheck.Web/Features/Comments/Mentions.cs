using System.Text.RegularExpressions;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Comments;

/// `@username` in a comment. An address such as desk@example.org is not a mention: the @ must start a word.
public static partial class Mentions
{
    public static IReadOnlyList<string> In(string text) =>
        MentionPattern().Matches(text).Select(m => m.Groups[1].Value.TrimEnd('.', '-')).Where(u => u.Length >= 2)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// The mentioned accounts by id; any name that is not an active staff account refuses the whole comment.
    public static async Task<IReadOnlyDictionary<string, long>> ResolveAsync(CommandContext context, string text, string field, CancellationToken ct)
    {
        var names = In(text);
        if (names.Count == 0)
        {
            return new Dictionary<string, long>();
        }

        var found = (await context.QueryAsync<(string Username, long Id)>(
            "SELECT username, id FROM users WHERE is_active = 1 AND username IN @names", new { names }, ct))
            .ToDictionary(u => u.Username, u => u.Id, StringComparer.OrdinalIgnoreCase);
        var unknown = names.Where(n => !found.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
        {
            var list = string.Join(", ", unknown.Select(n => "@" + n));
            throw ValidationFailedException.For(field, unknown.Count == 1
                ? $"{list} is not a user on this desk: mention someone by their username."
                : $"{list} are not users on this desk: mention people by their usernames.");
        }

        return found;
    }

    /// The text before the caret ends in "@abc": the prefix to complete, or null.
    public static string? PendingPrefix(string text) =>
        TrailingMention().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"(?<![\w@/.])@([A-Za-z0-9._-]{2,64})")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"(?:^|[^\w@/.])@([A-Za-z0-9._-]{0,64})$")]
    private static partial Regex TrailingMention();
}
