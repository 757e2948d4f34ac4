using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using FactCheck.Web.Features.Review;

namespace FactCheck.Web.Features.Verdicts;

/// The schema.org ClaimReview of a verdict page, built from the same record the page renders, so the markup
/// always says what the page shows: one language version (its title as claimReviewed, its summary as reviewBody) at
/// the version's own address, and the rating label the page shows.
public static class ClaimReviewMarkup
{
    /// Escapes &lt;, &gt;, &amp; and quotes as \uXXXX, so claim text can never close the script element it sits in;
    /// letters of every script stay readable.
    private static readonly JsonSerializerOptions ScriptSafe = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public sealed record Publisher(string Name, string Url);

    /// labelLanguage: the language of the page's own words, in which it shows the rating label.
    public static JsonObject Build(PublicVerdictPage page, PublicVerdictText text, string labelLanguage, string pageUrl, Publisher publisher)
    {
        var verdict = page.Verdict;
        var language = text.Language;
        var rating = new JsonObject
        {
            ["@type"] = "Rating",
            ["alternateName"] = verdict.Label(labelLanguage),
        };
        if (verdict.Rating?.Value is { } value)
        {
            rating["ratingValue"] = value;
            rating["bestRating"] = RatingScale.BestValue;
            rating["worstRating"] = RatingScale.WorstValue;
        }

        var claim = new JsonObject
        {
            ["@type"] = "Claim",
            ["author"] = new JsonObject
            {
                ["@type"] = page.Claimant.Kind == "person" ? "Person" : "Organization",
                ["name"] = page.Claimant.Name,
            },
        };
        if (page.SaidOn is { } said)
        {
            claim["datePublished"] = Date(said);
        }

        if (page.Appearances.Count > 0)
        {
            claim["appearance"] = new JsonArray(page.Appearances.Select(a => (JsonNode)Appearance(a)).ToArray());
            claim["firstAppearance"] = Appearance(page.FirstAppearance!);
        }

        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = pageUrl,
            ["claimReviewed"] = text.Title,
            ["reviewRating"] = rating,
            ["itemReviewed"] = claim,
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = publisher.Name, ["url"] = publisher.Url },
            ["datePublished"] = Instant(page.DatePublished),
            ["dateModified"] = Instant(page.DateModified),
            ["inLanguage"] = language,
            ["reviewBody"] = text.Summary,
        };
    }

    /// JSON that is safe inside &lt;script type="application/ld+json"&gt;.
    public static string ToScriptJson(JsonNode node) => node.ToJsonString(ScriptSafe);

    private static JsonObject Appearance(PublicAppearance appearance)
    {
        var work = new JsonObject { ["@type"] = "CreativeWork", ["url"] = appearance.Url };
        if (appearance.PublishedOn is { } on)
        {
            work["datePublished"] = Date(on);
        }

        if (!string.IsNullOrWhiteSpace(appearance.Outlet))
        {
            work["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = appearance.Outlet };
        }

        return work;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
