using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FactCheck.Tests.Verdicts;

/// Checks a verdict page's ClaimReview against schema.org (known types and properties) and Google's fact-check
/// fields, and against what the page shows. Returns the markup for further checks.
public static partial class ClaimReviewValidator
{
    /// schema.org properties each type may carry here (its own and those it inherits from Review, CreativeWork, Thing).
    private static readonly Dictionary<string, string[]> Properties = new()
    {
        ["ClaimReview"] =
        [
            "@context", "@type", "url", "claimReviewed", "reviewRating", "itemReviewed", "author", "publisher", "datePublished",
            "dateModified", "inLanguage", "reviewBody", "name", "headline", "description",
        ],
        ["Rating"] = ["@type", "alternateName", "ratingValue", "bestRating", "worstRating", "ratingExplanation", "name", "image"],
        ["Claim"] = ["@type", "author", "datePublished", "appearance", "firstAppearance", "name", "text", "inLanguage"],
        ["Organization"] = ["@type", "name", "url", "sameAs", "logo"],
        ["Person"] = ["@type", "name", "url", "sameAs", "jobTitle"],
        ["CreativeWork"] = ["@type", "url", "datePublished", "publisher", "author", "headline", "name"],
    };

    public static JsonObject Validate(PublicPage page, string language)
    {
        var where = page.Response.RequestMessage?.RequestUri?.PathAndQuery ?? "?";
        var script = Assert.Single(page.JsonLdScripts);
        Assert.DoesNotContain("</script", script.InnerHtml, StringComparison.OrdinalIgnoreCase);
        var review = Assert.IsType<JsonObject>(JsonNode.Parse(script.TextContent));
        CheckTypes(review, "ClaimReview", where);

        Assert.Equal("https://schema.org", Str(review, "@context"));
        Assert.Equal(page.H1, Str(review, "claimReviewed"));
        Assert.Equal(language, page.Language);
        // The markup is the language version the page shows: the page's own, or the only one the verdict has.
        var version = page.One("h1").GetAttribute("lang") ?? language;
        Assert.Equal(version, Str(review, "inLanguage"));

        var url = AbsoluteHttp(Str(review, "url"));
        Assert.Equal(page.Canonical, url);
        Assert.Equal(page.Meta("og:url"), url);

        var published = IsoInstant(Str(review, "datePublished"));
        var modified = IsoInstant(Str(review, "dateModified"));
        Assert.True(modified >= published, $"{where}: dateModified {modified:O} is before datePublished {published:O}.");
        Assert.Equal(published, IsoInstant(page.Meta("article:published_time")!));
        Assert.Equal(modified, IsoInstant(page.Meta("article:modified_time")!));

        var rating = Obj(review, "reviewRating");
        Assert.Equal(page.RatingLabel, Str(rating, "alternateName"));
        var steps = page.Document.QuerySelectorAll(".verdict-box [data-testid=rating] .rating-scale .step");
        if (steps.Length > 0)
        {
            var value = Int(rating, "ratingValue");
            var best = Int(rating, "bestRating");
            var worst = Int(rating, "worstRating");
            Assert.True(worst < best && worst <= value && value <= best, $"{where}: ratingValue {value} is not within {worst}..{best}.");
            Assert.Equal(best - worst + 1, steps.Length);
            Assert.Equal(value - worst + 1, steps.Count(s => s.ClassList.Contains("on")));
        }
        else
        {
            // A rating off the true-false scale (e.g. unverified) has no value: the markup must not invent one.
            Assert.All(new[] { "ratingValue", "bestRating", "worstRating" }, key => Assert.False(rating.ContainsKey(key), $"{where}: {key} without a value on the page."));
        }

        var author = Obj(review, "author");
        Assert.Equal("Organization", Str(author, "@type"));
        Assert.False(string.IsNullOrWhiteSpace(Str(author, "name")));
        AbsoluteHttp(Str(author, "url"));

        var claim = Obj(review, "itemReviewed");
        Assert.Equal("Claim", Str(claim, "@type"));
        var claimant = Obj(claim, "author");
        Assert.Contains(Str(claimant, "@type"), new[] { "Person", "Organization" });
        Assert.Equal(page.Claimant, Str(claimant, "name"));
        if (page.Document.QuerySelector(".byline time[datetime]") is { } said)
        {
            Assert.Equal(said.GetAttribute("datetime"), IsoDate(Str(claim, "datePublished")));
        }

        CheckAppearances(page, claim, where);
        return review;
    }

    private static void CheckAppearances(PublicPage page, JsonObject claim, string where)
    {
        var shown = page.Document.QuerySelectorAll("[data-testid=appearances] a").Select(a => a.GetAttribute("href")).ToList();
        if (shown.Count == 0)
        {
            Assert.False(claim.ContainsKey("appearance"), $"{where}: appearances in the markup that the page does not show.");
            return;
        }

        var appearances = Assert.IsType<JsonArray>(claim["appearance"]).Select(a => Assert.IsType<JsonObject>(a)).ToList();
        Assert.Equal(shown, appearances.Select(a => AbsoluteHttp(Str(a, "url"))));
        foreach (var appearance in appearances.Where(a => a.ContainsKey("datePublished")))
        {
            IsoDate(Str(appearance, "datePublished"));
        }

        var first = Obj(claim, "firstAppearance");
        Assert.Equal("CreativeWork", Str(first, "@type"));
        Assert.Contains(AbsoluteHttp(Str(first, "url")), shown);
    }

    /// Every object's @type is a known schema.org type and it carries only that type's properties.
    private static void CheckTypes(JsonObject node, string expectedType, string where)
    {
        var type = Str(node, "@type");
        Assert.Equal(expectedType, type);
        foreach (var (key, value) in node)
        {
            Assert.True(Properties[type].Contains(key), $"{where}: '{key}' is not a property of schema.org {type}.");
            var children = value switch
            {
                JsonObject o => [o],
                JsonArray a => a.OfType<JsonObject>().ToList(),
                _ => new List<JsonObject>(),
            };
            foreach (var child in children)
            {
                var childType = Str(child, "@type");
                Assert.True(Properties.ContainsKey(childType), $"{where}: unexpected @type '{childType}' in {key}.");
                CheckTypes(child, childType, where);
            }
        }
    }

    private static string Str(JsonObject node, string key)
    {
        var value = node[key];
        Assert.True(value is JsonValue v && v.TryGetValue<string>(out _), $"'{key}' should be a string in {node.ToJsonString()}.");
        return value!.GetValue<string>();
    }

    private static int Int(JsonObject node, string key)
    {
        var value = node[key];
        Assert.True(value is JsonValue v && v.TryGetValue<int>(out _), $"'{key}' should be a whole number in {node.ToJsonString()}.");
        return value!.GetValue<int>();
    }

    private static JsonObject Obj(JsonObject node, string key) => Assert.IsType<JsonObject>(node[key]);

    private static string AbsoluteHttp(string url)
    {
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https"), $"'{url}' is not an absolute http(s) address.");
        return url;
    }

    /// ISO 8601 instant with a zone (Google reads dates without one in its own zone).
    private static DateTimeOffset IsoInstant(string value)
    {
        Assert.Matches(IsoInstantPattern(), value);
        return DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    private static string IsoDate(string value)
    {
        Assert.True(DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"'{value}' is not an ISO date.");
        return value;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoInstantPattern();
}
