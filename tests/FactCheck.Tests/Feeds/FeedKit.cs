using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;

namespace FactCheck.Tests.Feeds;

/// Publishes and corrects claims through the real workflow and reads the feeds the way a subscriber would.
public static partial class FeedKit
{
    public const string Atom = "/feeds/verdicts.atom";
    public const string Csv = "/feeds/verdicts.csv";
    public const string ClaimReviews = "/api/claimreviews";

    public static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";

    public static async Task<long> PublishAsync(
        TestApp app, ReviewDriver review, string title, string? text = null, string rating = "false", string? summary = null)
    {
        var id = (await app.SendAsync(
            new SubmitClaim
            {
                Title = title,
                Text = text ?? $"Desa-desa di perbatasan ditembaki semalam {Guid.NewGuid():N}",
                Language = "id",
                TranslationEn = "Border villages were shelled overnight.",
                ClaimantName = "Feed Test Ministry",
                ClaimantKind = "government",
                Kind = "event",
                SaidOn = new DateOnly(2020, 10, 10),
                Topics = ["feeds", "borders"],
                AppearanceUrl = "https://example.org/news/" + Guid.NewGuid().ToString("N"),
                AppearanceOutlet = "Example News",
            },
            review.Checker)).Id;
        await review.TriageAsync(id);
        await review.AssignAsync(id);
        await review.StartAsync(id);
        await review.AddEvidenceAsync(id);
        await review.ActAsync(
            new SubmitVerdict
            {
                ClaimId = id, Version = await review.VersionAsync(id), Rating = rating,
                Summary = summary ?? "No sign of the shelling in satellite images.", Explanation = "Images show the villages intact.",
            },
            review.Checker);
        await review.ApproveAsync(id);
        return id;
    }

    /// Reopens a published verdict and publishes the next version with a new rating: a public correction.
    public static async Task CorrectAsync(ReviewDriver review, long id, string rating, string reason)
    {
        await review.CorrectAsync(id, reason: reason);
        await review.SubmitAsync(id, rating, changeNote: "New satellite images came in.");
        await review.ApproveAsync(id);
    }

    public static Task<string> SlugAsync(TestApp app, long id) =>
        app.ScalarAsync<string>("SELECT slug FROM claims WHERE id = @id", new { id });

    public static async Task<XDocument> AtomAsync(HttpClient client, string url = Atom)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public static IEnumerable<XElement> Entries(XDocument feed) => feed.Root!.Elements(AtomNs + "entry");

    public static string Title(XElement entry) => entry.Element(AtomNs + "title")!.Value;

    public static async Task<JsonObject> ClaimReviewsAsync(HttpClient client, string url = ClaimReviews)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static IEnumerable<JsonObject> Items(JsonObject page) => page["items"]!.AsArray().Select(i => i!.AsObject());

    /// The ClaimReview markup of a rendered verdict page.
    public static JsonObject JsonLd(string html) => JsonNode.Parse(LdJson().Match(html).Groups[1].Value)!.AsObject();

    public static async Task<HttpResponseMessage> ConditionalGetAsync(HttpClient client, string url, EntityTagHeaderValue? etag, DateTimeOffset? modifiedSince)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        request.Headers.IfModifiedSince = modifiedSince;
        return await client.SendAsync(request);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex LdJson();
}

/// An app with only the demo case that no test changes: the feeds' read-only tests share it.
public sealed class FeedsApp : IDisposable
{
    public TestApp App { get; } = new TestApp().Start();

    public void Dispose() => App.Dispose();
}
