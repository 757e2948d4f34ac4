using Dapper;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Review;

/// Reads and writes a verdict's language versions inside a workflow command's transaction.
internal static class VerdictTextStore
{
    public static async Task<List<VerdictText>> LoadAsync(CommandContext context, long verdictId, CancellationToken ct) =>
        (await context.QueryAsync<VerdictText>(
            """
            SELECT language AS Language, title AS Title, summary AS Summary, explanation AS Explanation
            FROM verdict_texts WHERE verdict_id = @verdictId ORDER BY language = 'en', language
            """,
            new { verdictId },
            ct)).ToList();

    public static Task SaveAsync(CommandContext context, long verdictId, IEnumerable<VerdictText> texts, CancellationToken ct) =>
        context.ExecuteAsync(
            """
            INSERT INTO verdict_texts (verdict_id, language, title, summary, explanation)
            VALUES (@VerdictId, @Language, @Title, @Summary, @Explanation)
            ON CONFLICT (verdict_id, language) DO UPDATE SET title = excluded.title, summary = excluded.summary, explanation = excluded.explanation
            """,
            texts.Select(t => new { VerdictId = verdictId, t.Language, t.Title, t.Summary, t.Explanation }),
            ct);

    /// The claim's language and title: the default language of a verdict sent in one language, and its default title.
    public static async Task<(string Language, string Title)> ClaimAsync(CommandContext context, long claimId, CancellationToken ct) =>
        await context.Connection.QuerySingleAsync<(string, string)>(new CommandDefinition(
            "SELECT language, title FROM claims WHERE id = @claimId", new { claimId }, context.Transaction, cancellationToken: ct));

    /// Language versions that were added, rewritten or dropped between two verdicts, in the forms' order.
    public static IReadOnlyList<string> Changed(IReadOnlyList<VerdictText> before, IReadOnlyList<VerdictText> after) =>
        VerdictLanguages.All.Where(l =>
        {
            var old = before.FirstOrDefault(t => t.Language == l);
            var now = after.FirstOrDefault(t => t.Language == l);
            return (old is null) != (now is null) || (now is not null && !now.SameAs(old));
        }).ToList();
}
