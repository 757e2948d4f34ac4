using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FactCheck.Tests.Verdicts;

/// A public page fetched over HTTP from the real app and parsed as a browser parses it.
public sealed class PublicPage
{
    private static readonly HtmlParser Parser = new();

    private PublicPage(HttpResponseMessage response, byte[] body)
    {
        Response = response;
        Bytes = body;
        Html = Encoding.UTF8.GetString(body);
        Document = Parser.ParseDocument(Html);
    }

    public HttpResponseMessage Response { get; }

    public HttpStatusCode Status => Response.StatusCode;

    public byte[] Bytes { get; }

    public string Html { get; }

    public IDocument Document { get; }

    /// True when the output cache answered: it adds an Age header to the responses it replays.
    public bool FromCache => Response.Headers.Age is not null;

    public bool SetsCookie => Response.Headers.Contains("Set-Cookie");

    public string Language => Document.DocumentElement.GetAttribute("lang") ?? "";

    public string H1 => One("h1").TextContent.Trim();

    /// The verdict's own rating word (linked claims show their ratings too, outside the verdict box).
    public string RatingLabel => One(".verdict-box [data-testid=rating] .rating-label").TextContent.Trim();

    public string Claimant => One("[data-testid=claimant]").TextContent.Trim();

    public string? Canonical => Document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");

    /// The page's visible text, whitespace collapsed.
    public string Text => string.Join(' ', (Document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public IReadOnlyList<IElement> JsonLdScripts => Document.QuerySelectorAll("script[type='application/ld+json']").ToList();

    public static HttpClient Reader(TestApp app, string? acceptLanguage = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = app.ClientOptions.BaseAddress });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    public static async Task<PublicPage> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return new PublicPage(response, await response.Content.ReadAsByteArrayAsync());
    }

    /// A page as a new anonymous reader sees it (no cookies, English browser unless told).
    public static Task<PublicPage> GetAsync(TestApp app, string url, string? acceptLanguage = "en") => GetAsync(Reader(app, acceptLanguage), url);

    public static string Url(string slug, string? language = null) => "/verdicts/" + slug + (language is null ? "" : "?lang=" + language);

    public IElement One(string selector)
    {
        var found = Document.QuerySelectorAll(selector);
        Assert.True(found.Length == 1, $"Expected one '{selector}' on {Response.RequestMessage?.RequestUri}, found {found.Length}.");
        return found[0];
    }

    public string? Meta(string key) =>
        Document.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

    public string? Alternate(string hreflang) =>
        Document.QuerySelector($"link[rel=alternate][hreflang='{hreflang}']")?.GetAttribute("href");
}
