using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FactCheck.Web.Features.Claims;

public static partial class ClaimRules
{
    public const int MaxTextLength = 10_000;
    public const int MaxTitleLength = 75;
    public const int MaxClaimantNameLength = 200;

    public static readonly IReadOnlyList<string> Kinds = ["statement", "event", "figure", "quote"];
    public static readonly IReadOnlyList<string> ClaimantKinds = ["person", "government", "military", "official-body", "media", "other"];
    public static readonly IReadOnlyList<string> Relations = ["denies", "disputes", "supports", "corrects", "same-as"];

    /// A link named from the other side ("denied-by": the other claim denies this one), as the link form and
    /// POST /api/claims/{id}/links accept it; it is stored the canonical way round (the other claim denies this one).
    public static readonly IReadOnlyDictionary<string, string> InverseRelations = new Dictionary<string, string>
    {
        ["denied-by"] = "denies",
        ["disputed-by"] = "disputes",
        ["supported-by"] = "supports",
        ["corrected-by"] = "corrects",
        ["duplicated-by"] = "same-as",
    };

    /// The link as stored: an inverse relation swaps the two claims.
    public static (long From, long To, string Relation) Canonical(long fromClaimId, long toClaimId, string relation) =>
        InverseRelations.TryGetValue(relation, out var canonical) ? (toClaimId, fromClaimId, canonical) : (fromClaimId, toClaimId, relation);

    /// Whether a link with this relation, named from either side, merges one claim into the other.
    public static bool Merges(string? relation) => relation == "same-as" || relation == "duplicated-by";

    /// Titles name the claim, not our verdict on it: these words (English and Indonesian) belong in a rating.
    private static readonly HashSet<string> RatingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "fake", "hoax", "misleading", "debunked", "lie", "lies", "verified", "unverified",
        "benar", "salah", "hoaks", "hoax", "palsu", "bohong", "menyesatkan", "keliru", "terverifikasi",
    };

    /// The wording of a link as seen from the other claim: "X denies Y" reads "Y is denied by X".
    public static string Inverse(string relation) => relation switch
    {
        "denies" => "denied by",
        "disputes" => "disputed by",
        "supports" => "supported by",
        "corrects" => "corrected by",
        "same-as" => "duplicated by",
        _ => relation,
    };

    public static string? RatingWordIn(string title) =>
        SearchText.Tokens(title).FirstOrDefault(RatingWords.Contains);

    /// A BCP 47 tag that names a language .NET knows (e.g. "id", "en", "en-GB").
    public static bool IsKnownLanguage(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || !LanguageTag().IsMatch(tag))
        {
            return false;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            return culture.ThreeLetterISOLanguageName != "ivl";
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// Only absolute http(s) links are stored: no javascript:, data:, file: or relative URLs.
    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// URL-safe, ASCII slug from a title in any script ("Baku membantah tuduhan" -> "baku-membantah-tuduhan").
    public static string Slugify(string title)
    {
        var normalized = title.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        var dash = false;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 60)
        {
            slug = slug[..60].TrimEnd('-');
        }

        return slug.Length == 0 ? "claim" : slug;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    /// A language tag with its English name for pickers ("id · Indonesian"); the bare tag when .NET does not know it.
    public static string LanguageLabel(string tag)
    {
        try
        {
            return $"{tag} · {Infrastructure.StaffLanguage.LanguageName(tag)}";
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return tag;
        }
    }
}
