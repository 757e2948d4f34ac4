using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FactCheck.Web.Components;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Features.Verdicts;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FactCheck.Web.Features.Feeds;

/// The machine-readable feeds of published verdicts: Atom, ClaimReview JSON and CSV. All three are public, output-cached
/// under PublicCache.ListsTag (any committed claim change evicts them), and answer conditional requests: the ETag is a
/// hash of the body, so it changes whenever the content does; Last-Modified is the newest DateModified shown.
public static class FeedEndpoints
{
    public const string AtomPath = "/feeds/verdicts.atom";
    public const string CsvPath = "/feeds/verdicts.csv";
    public const string ClaimReviewsPath = "/api/claimreviews";
    public const int AtomEntries = 50;

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    private static readonly string[] IsoFormats =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];

    public static void MapFeeds(this WebApplication app)
    {
        app.MapMethods(AtomPath, GetAndHead, async (HttpContext context, IMediator mediator, RatingScale scale, IStringLocalizer<FeedText> text,
            IOptions<FactCheckOptions> options, CancellationToken ct) =>
        {
            var feed = await mediator.Send(new ListVerdictFeed(AtomEntries), ct);
            var organisation = options.Value.Organisation;
            var site = new AtomFeed.Site(
                Absolute(context, PublicSite.Href(context, AtomPath)), Absolute(context, PublicSite.Href(context, "/")),
                (slug, language) => VersionUrl(context, slug, language), organisation.Name, PublicLinks.OrganisationUrl(options.Value, context),
                PublicSite.CurrentLanguage, text, scale);
            var (body, updated) = AtomFeed.Write(feed, AtomEntries, site);
            return Send(context, body, AtomFeed.ContentType, updated);
        })
        .WithName("VerdictsAtom").WithTags("Feeds").CacheOutput(PublicSite.CachePolicy).WithMetadata(new PublicPageAttribute())
        .WithSummary("Atom feed of the 50 newest published verdicts and corrections (?lang=id for Indonesian, ?lang=en for English): each "
            + "verdict in that language, or in the one language it has (the entry's xml:lang says which).");

        app.MapMethods(CsvPath, GetAndHead, async (HttpContext context, IMediator mediator, RatingScale scale, CancellationToken ct) =>
        {
            var rows = await mediator.Send(new ExportVerdicts(), ct);
            var body = VerdictCsv.Write(rows, slug => Absolute(context, $"/verdicts/{slug}"), scale);
            return Send(context, body, VerdictCsv.ContentType, rows.Count == 0 ? null : rows.Max(r => r.DateModified), VerdictCsv.FileName);
        })
        .WithName("VerdictsCsv").WithTags("Feeds").CacheOutput(PublicSite.CachePolicy).WithMetadata(new PublicPageAttribute())
        .WithSummary("Every published verdict as CSV (UTF-8 with a byte order mark), one row per claim.");

        app.MapMethods(ClaimReviewsPath, GetAndHead, async (string? since, string? limit, string? lang, HttpContext context, IMediator mediator,
            IOptions<FactCheckOptions> options, CancellationToken ct) =>
        {
            if (lang is not (null or "en" or "id"))
            {
                throw ValidationFailedException.For("lang", "The language is en or id.");
            }

            var query = new ListClaimReviews { Since = ParseSince(since), Limit = ParseLimit(limit) };
            var batch = await mediator.Send(query, ct);
            var language = PublicSite.CurrentLanguage;
            var publisher = new ClaimReviewMarkup.Publisher(options.Value.Organisation.Name, PublicLinks.OrganisationUrl(options.Value, context));
            string? next = null;
            if (batch.NextSince is { } after)
            {
                var nextQuery = new Dictionary<string, string?> { ["since"] = DapperTypeHandlers.Format(after), ["limit"] = query.Limit.ToString(CultureInfo.InvariantCulture) };
                if (lang is not null)
                {
                    nextQuery["lang"] = lang;
                }

                next = Absolute(context, QueryHelpers.AddQueryString(ClaimReviewsPath, nextQuery));
            }

            var json = new JsonObject
            {
                ["items"] = new JsonArray(batch.Items.Select(page => (JsonNode)ClaimReview(context, page, language, publisher)).ToArray()),
                ["next"] = next,
            };
            var body = Encoding.UTF8.GetBytes(ClaimReviewMarkup.ToScriptJson(json));
            return Send(context, body, "application/json; charset=utf-8", batch.Items.Count == 0 ? null : batch.Items.Max(i => i.DateModified));
        })
        .WithName("ClaimReviews").WithTags("Feeds").CacheOutput(PublicSite.CachePolicy).WithMetadata(new PublicPageAttribute())
        .WithSummary("Published verdicts as schema.org ClaimReview, modified after ?since= (ISO 8601), oldest change first; "
            + "?limit= 1-500 (default 100); follow next for the following page; ?lang=id|en picks each verdict's language version "
            + "(one it lacks gives the version it has, inLanguage and url say which). Anonymous.")
        .ProducesValidationProblem();
    }

    /// A language version's own address, as the verdict page gives it in its ClaimReview and hreflang links.
    private static string VersionUrl(HttpContext context, string slug, string? language) =>
        Absolute(context, language is null ? PublicSite.Href(context, $"/verdicts/{slug}") : PublicSite.WithLanguage($"/verdicts/{slug}", language));

    private static JsonObject ClaimReview(HttpContext context, PublicVerdictPage page, string language, ClaimReviewMarkup.Publisher publisher)
    {
        var text = page.Verdict.Shown(language);
        return ClaimReviewMarkup.Build(page, text, language, VersionUrl(context, page.Slug, text.Language), publisher);
    }

    private static string Absolute(HttpContext context, string path) => PublicSite.BaseUrl(context) + path;

    /// Tags the cached response for eviction on any claim change and lets the file result answer If-None-Match and
    /// If-Modified-Since with 304 (the output cache does the same for the responses it serves).
    private static FileContentHttpResult Send(HttpContext context, byte[] body, string contentType, DateTimeOffset? lastModified, string? fileName = null)
    {
        context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(PublicCache.ListsTag);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
        return TypedResults.Bytes(body, contentType, fileName, lastModified: lastModified, entityTag: etag);
    }

    private static DateTimeOffset? ParseSince(string? since)
    {
        if (string.IsNullOrWhiteSpace(since))
        {
            return null;
        }

        // A '+' of an offset arrives as a space when the client did not encode it; no ISO 8601 instant has a space.
        return DateTimeOffset.TryParseExact(
            since.Trim().Replace(' ', '+'), IsoFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : throw ValidationFailedException.For("since", "Give an ISO 8601 date or instant, e.g. 2020-10-05 or 2020-10-05T08:30:00Z.");
    }

    private static int ParseLimit(string? limit) =>
        string.IsNullOrWhiteSpace(limit) ? ListClaimReviews.DefaultLimit
        : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw ValidationFailedException.For("limit", "Ask for 1 to 500 items at a time.");
}
