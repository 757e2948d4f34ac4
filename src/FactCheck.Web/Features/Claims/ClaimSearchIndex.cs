using System.Text;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// A claim's search terms (migration 0018): each word followed by its stems, stored in claim_search_terms, which
/// triggers feed to the full-text index. Text in the claim's language, translation as English, title both ways.
public static class ClaimSearchIndex
{
    /// Raise when the analysis changes: claims analysed by an older version are analysed again at start-up.
    public const int AnalysisVersion = 1;

    public static (string Title, string Body) Analyse(string title, string text, string language, string? translationEn)
    {
        var body = new StringBuilder();
        AppendTerms(body, text, StemmerFor(language));
        AppendTerms(body, translationEn, Stemming.English);
        var heading = new StringBuilder();
        AppendTerms(heading, title, Stemming.Both);
        return (heading.ToString().TrimEnd(), body.ToString().TrimEnd());
    }

    /// Writes (or rewrites) the claim's terms inside the running command's transaction.
    public static Task WriteAsync(CommandContext db, long claimId, string title, string text, string language, string? translationEn, CancellationToken ct)
    {
        var (titleTerms, bodyTerms) = Analyse(title, text, language, translationEn);
        return db.ExecuteAsync(Upsert, new { claimId, Version = AnalysisVersion, Title = titleTerms, Body = bodyTerms }, ct);
    }

    internal const string Upsert =
        """
        INSERT INTO claim_search_terms (claim_id, analysis, title, body) VALUES (@claimId, @Version, @Title, @Body)
        ON CONFLICT (claim_id) DO UPDATE SET analysis = excluded.analysis, title = excluded.title, body = excluded.body
        """;

    private enum Stemming { None, Indonesian, English, Both }

    private static Stemming StemmerFor(string language) =>
        language.Split('-', 2)[0].ToLowerInvariant() switch
        {
            "id" or "ms" => Stemming.Indonesian,
            "en" => Stemming.English,
            _ => Stemming.None,
        };

    private static void AppendTerms(StringBuilder terms, string? text, Stemming stemming)
    {
        foreach (var word in SearchText.Tokens(text))
        {
            terms.Append(word).Append(' ');
            if (stemming is Stemming.Indonesian or Stemming.Both)
            {
                foreach (var stem in WordStems.Indonesian(word))
                {
                    terms.Append(stem).Append(' ');
                }
            }

            if (stemming is Stemming.English or Stemming.Both && WordStems.English(word) is { } en)
            {
                terms.Append(en).Append(' ');
            }
        }
    }
}
