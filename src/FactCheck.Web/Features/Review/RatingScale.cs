using FactCheck.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Review;

/// One rating of the desk's scale, with its labels in English and Bahasa Indonesia and its ClaimReview value.
public sealed record Rating(string Key, string LabelEn, string LabelId, int? Value, string Polarity)
{
    public string Label(string language) => language == "id" ? LabelId : LabelEn;
}

/// The rating scale verdicts are given on (FactCheck:Review:Ratings, or the default below), and the attribution
/// findings for quotes and statements.
public sealed class RatingScale
{
    public const int BestValue = 5;
    public const int WorstValue = 1;

    public static readonly IReadOnlyList<Rating> Default =
    [
        new("true", "True", "Benar", 5, "true"),
        new("mostly-true", "Mostly true", "Sebagian besar benar", 4, "true"),
        new("mixed", "Mixed", "Campuran", 3, "neither"),
        new("mostly-false", "Mostly false", "Sebagian besar salah", 2, "false"),
        new("false", "False", "Salah", 1, "false"),
        new("misleading", "Misleading", "Menyesatkan", 2, "neither"),
        new("unverified", "Unverified", "Belum terverifikasi", null, "neither"),
    ];

    public static readonly IReadOnlyList<(string Key, string LabelEn, string LabelId)> Attributions =
    [
        ("confirmed", "Confirmed: the claimant said it", "Terkonfirmasi: memang dikatakan"),
        ("misquoted", "Misquoted", "Kutipan keliru"),
        ("out-of-context", "Out of context", "Di luar konteks"),
        ("no-record", "No record of it being said", "Tidak ada catatan pernyataan"),
    ];

    /// The claim kinds whose verdict also says whether the claimant really said it.
    public static bool NeedsAttribution(string claimKind) => claimKind is "quote" or "statement";

    public RatingScale(IOptions<FactCheckOptions> options)
    {
        var configured = options.Value.Review.Ratings;
        Ratings = configured.Count == 0
            ? Default
            : configured.Select(r => new Rating(r.Key.Trim(), r.LabelEn.Trim(), r.LabelId.Trim(), r.Value, r.Polarity.Trim())).ToList();
        if (Ratings.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count() != Ratings.Count || Ratings.Any(r => r.Key.Length == 0 || r.LabelEn.Length == 0 || r.LabelId.Length == 0))
        {
            throw new InvalidOperationException("FactCheck:Review:Ratings needs a unique Key and both labels (LabelEn, LabelId) for every rating.");
        }

        if (Ratings.Any(r => r.Polarity is not ("true" or "false" or "neither") || r.Value is < WorstValue or > BestValue))
        {
            throw new InvalidOperationException($"FactCheck:Review:Ratings: Polarity is true, false or neither, and Value is between {WorstValue} and {BestValue} or absent.");
        }
    }

    public IReadOnlyList<Rating> Ratings { get; }

    public Rating? Find(string? key) => Ratings.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal));

    public static string AttributionLabel(string? key, string language = "en") =>
        Attributions.FirstOrDefault(a => a.Key == key) is { Key: not null } a ? (language == "id" ? a.LabelId : a.LabelEn) : key ?? "";

    public static bool IsAttribution(string? key) => Attributions.Any(a => a.Key == key);
}
