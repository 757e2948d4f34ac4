using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FactCheck.Tests.PublicPages;

/// The demo app for the public-page tests that only read: its own database, so no other test's published verdict
/// pushes the demo's off the first page. Its clock stands on a date whose month is spelt differently in the two
/// languages ("17 August 2031", "17 Agustus 2031").
public sealed class PublicPagesApp : IDisposable
{
    public static readonly DateTimeOffset Today = new(2031, 8, 17, 3, 0, 0, TimeSpan.Zero);

    public PublicPagesApp()
    {
        App = new TestApp();
        App.Clock.SetUtcNow(Today);
        App.Start();
    }

    public TestApp App { get; }

    public void Dispose() => App.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PublicPagesCollection : ICollectionFixture<PublicPagesApp>
{
    public const string Name = "public pages";
}

/// A public page fetched over HTTP and parsed.
public sealed record PublicHtml(HttpResponseMessage Response, string Source, IDocument Document)
{
    public static async Task<PublicHtml> GetAsync(HttpClient client, string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await client.SendAsync(request);
        var source = await response.Content.ReadAsStringAsync();
        return new PublicHtml(response, source, new HtmlParser().ParseDocument(source));
    }

    public HttpStatusCode Status => Response.StatusCode;

    public IReadOnlyList<IElement> Items => Document.QuerySelectorAll("[data-testid=verdict-item]").ToList();

    /// The slugs of the listed verdicts, in the order shown.
    public IReadOnlyList<string> Slugs => Items.Select(i => i.GetAttribute("data-slug")!).ToList();

    public string Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim() ?? "";

    public IElement? TestId(string id) => Document.QuerySelector($"[data-testid=\"{id}\"]");
}
