using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Web.Features.Claims;

public static class ClaimFieldRules
{
    /// A claim's fields as stored (trimmed, blanks as null), with the claimant's name for the history.
    public sealed record Row
    {
        public long Version { get; init; }
        public string Title { get; init; } = "";
        public string Text { get; init; } = "";
        public string Language { get; init; } = "";
        public string? TranslationEn { get; init; }
        public long ClaimantId { get; init; }
        public string ClaimantName { get; init; } = "";
        public DateOnly? SaidOn { get; init; }
        public string? Place { get; init; }
        public string Kind { get; init; } = "";
        public double? FigureLow { get; init; }
        public double? FigureHigh { get; init; }
        public string? FigureUnit { get; init; }
        public DateOnly? FigureAsOf { get; init; }
        public IReadOnlyList<string> Topics { get; init; } = [];
    }

    /// The rules both recording and correcting a claim check; the claimant is named by id, or by name and kind.
    public static IEnumerable<ValidationResult> Validate(ClaimInput claim)
    {
        if (!string.IsNullOrWhiteSpace(claim.Title) && ClaimRules.RatingWordIn(claim.Title) is { } word)
        {
            yield return new ValidationResult($"Keep rating words such as '{word}' out of the title: it names the claim, the verdict rates it.", [nameof(claim.Title)]);
        }

        if (claim.FigureLow is { } l && !double.IsFinite(l) || claim.FigureHigh is { } h && !double.IsFinite(h))
        {
            yield return new ValidationResult("Figures must be ordinary numbers.", [nameof(claim.FigureLow)]);
        }

        if (!string.IsNullOrEmpty(claim.Language) && !ClaimRules.IsKnownLanguage(claim.Language))
        {
            yield return new ValidationResult($"'{claim.Language}' is not a known language code; use a BCP 47 tag such as 'id' or 'en'.", [nameof(claim.Language)]);
        }

        if (!ClaimRules.Kinds.Contains(claim.Kind))
        {
            yield return new ValidationResult($"Kind must be one of: {string.Join(", ", ClaimRules.Kinds)}.", [nameof(claim.Kind)]);
        }

        if (claim.ClaimantId is null)
        {
            if (string.IsNullOrWhiteSpace(claim.ClaimantName))
            {
                yield return new ValidationResult("Name the claimant (who said it).", [nameof(claim.ClaimantName)]);
            }

            if (!ClaimRules.ClaimantKinds.Contains(claim.ClaimantKind ?? ""))
            {
                yield return new ValidationResult($"Claimant kind must be one of: {string.Join(", ", ClaimRules.ClaimantKinds)}.", [nameof(claim.ClaimantKind)]);
            }
        }

        if (claim.Kind == "figure" && (claim.FigureLow is null || string.IsNullOrWhiteSpace(claim.FigureUnit)))
        {
            yield return new ValidationResult("A figure claim needs a value and a unit.", claim.FigureLow is null ? [nameof(claim.FigureLow)] : [nameof(claim.FigureUnit)]);
        }

        if (claim.FigureLow is { } low && claim.FigureHigh is { } high && low > high)
        {
            yield return new ValidationResult("The low end of the range is above the high end.", [nameof(claim.FigureLow)]);
        }

        foreach (var topic in claim.Topics.Where(t => string.IsNullOrWhiteSpace(t) || t.Length > 60))
        {
            yield return new ValidationResult($"Topics are 1-60 characters ('{topic}').", [nameof(claim.Topics)]);
        }
    }

    public static Row Clean(ClaimInput fields) => new()
    {
        Title = fields.Title.Trim(),
        Text = fields.Text,
        Language = fields.Language.Trim(),
        TranslationEn = Blank(fields.TranslationEn),
        SaidOn = fields.SaidOn,
        Place = Blank(fields.Place)?.Trim(),
        Kind = fields.Kind,
        FigureLow = fields.FigureLow,
        FigureHigh = fields.FigureHigh,
        FigureUnit = Blank(fields.FigureUnit)?.Trim(),
        FigureAsOf = fields.FigureAsOf,
        Topics = fields.Topics.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList(),
    };

    public static async Task<Row?> LoadAsync(CommandContext context, long claimId, CancellationToken ct)
    {
        var row = await context.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT c.version AS Version, c.title AS Title, c.text AS Text, c.language AS Language, c.translation_en AS TranslationEn,
                   c.claimant_id AS ClaimantId, cl.name AS ClaimantName, c.said_on AS SaidOn, c.place AS Place, c.kind AS Kind,
                   c.figure_low AS FigureLow, c.figure_high AS FigureHigh, c.figure_unit AS FigureUnit, c.figure_as_of AS FigureAsOf
            FROM claims c JOIN claimants cl ON cl.id = c.claimant_id
            WHERE c.id = @claimId
            """,
            new { claimId },
            ct);
        if (row is null)
        {
            return null;
        }

        var topics = await context.QueryAsync<string>("SELECT topic FROM claim_topics WHERE claim_id = @claimId ORDER BY topic COLLATE NOCASE", new { claimId }, ct);
        return row with { Topics = topics.ToList() };
    }

    /// What differs, field by field, in the API's field names; the claimant by name.
    public static IReadOnlyList<FieldChange> Diff(Row before, Row after)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? was, string? now)
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, was, now));
            }
        }

        Compare("title", before.Title, after.Title);
        Compare("text", before.Text, after.Text);
        Compare("language", before.Language, after.Language);
        Compare("translationEn", before.TranslationEn, after.TranslationEn);
        if (before.ClaimantId != after.ClaimantId)
        {
            changes.Add(new FieldChange("claimant", before.ClaimantName, after.ClaimantName));
        }

        Compare("saidOn", Date(before.SaidOn), Date(after.SaidOn));
        Compare("place", before.Place, after.Place);
        Compare("kind", before.Kind, after.Kind);
        Compare("figureLow", Number(before.FigureLow), Number(after.FigureLow));
        Compare("figureHigh", Number(before.FigureHigh), Number(after.FigureHigh));
        Compare("figureUnit", before.FigureUnit, after.FigureUnit);
        Compare("figureAsOf", Date(before.FigureAsOf), Date(after.FigureAsOf));
        Compare("topics", Topics(before.Topics), Topics(after.Topics));
        return changes;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string? Topics(IReadOnlyList<string> topics) => topics.Count == 0 ? null : string.Join(", ", topics);
}
