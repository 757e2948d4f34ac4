using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Intake;

/// Downloads an article's page and reads its main text, to fill the paste form. Writes nothing.
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record FetchArticle : IQuery<FetchedArticle>, IValidatableObject
{
    public string? Url { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PageDownload.IsAcceptableUrl(Url, out _))
        {
            yield return new ValidationResult(PageDownload.NotHttp, [nameof(Url)]);
        }
    }
}

/// Url is the address after redirects; Text is plain text, paragraphs separated by blank lines; Language is "id" or "en" when the page says so.
public sealed record FetchedArticle(string Url, string Text, string? Title, string? Outlet, DateOnly? PublishedOn, string? Language);

public sealed partial class FetchArticleHandler(IHttpClientFactory clients, IOptions<ArticleFetchOptions> options) : IQueryHandler<FetchArticle, FetchedArticle>
{
    public const string NoText = "No article text was found on the page; paste the text instead.";

    private const string Blocks = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";

    public async ValueTask<FetchedArticle> Handle(FetchArticle query, CancellationToken cancellationToken)
    {
        PageDownload.IsAcceptableUrl(query.Url, out var url);
        var seconds = Math.Max(1, options.Value.TimeoutSeconds);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        DownloadedPage page;
        try
        {
            page = await PageDownload.DownloadAsync(clients.CreateClient(PageDownload.ClientName), url, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw PageDownload.Refuse($"{url.Host} did not answer within {seconds.ToString(CultureInfo.InvariantCulture)} seconds.");
        }

        return page.MediaType == "text/plain" ? FromText(page) : FromHtml(page);
    }

    private static FetchedArticle FromText(DownloadedPage page)
    {
        var text = CheckText(Decode(page.Body, page.Charset));
        return new FetchedArticle(page.Url.AbsoluteUri, text, null, null, null, null);
    }

    private static FetchedArticle FromHtml(DownloadedPage page)
    {
        // The header's charset wins; without one the parser reads <meta charset> from the bytes.
        var parser = new HtmlParser();
        var document = page.Charset is null
            ? parser.ParseDocument(new MemoryStream(page.Body))
            : parser.ParseDocument(Decode(page.Body, page.Charset));

        // Read the metadata before SmartReader, which rewrites the document as it goes.
        var language = ArticleRules.LanguageCode(document.DocumentElement.GetAttribute("lang"))
            ?? ArticleRules.LanguageCode(Meta(document, "og:locale"));
        var published = ArticleRules.PublishedOn(Meta(document, "article:published_time"));
        var siteName = Meta(document, "og:site_name");

        var article = new SmartReader.Reader(page.Url.AbsoluteUri, document).GetArticle();
        if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content))
        {
            throw PageDownload.Refuse(NoText);
        }

        var text = CheckText(PlainText(parser.ParseDocument(article.Content)));
        published ??= article.PublicationDate is { } date ? DateOnly.FromDateTime(date) : null;
        return new FetchedArticle(page.Url.AbsoluteUri, text, Clean(article.Title), Clean(siteName ?? article.SiteName, ArticleRules.MaxOutletLength), published, language);
    }

    /// The article's blocks, each once (a quote's paragraphs not again as the quote), whitespace collapsed, a blank line between.
    private static string PlainText(IHtmlDocument content)
    {
        var blocks = content.QuerySelectorAll(Blocks)
            .Where(e => e.ParentElement?.Closest(Blocks) is null)
            .Select(e => Whitespace().Replace(e.TextContent, " ").Trim())
            .Where(t => t.Length > 0)
            .ToList();
        return blocks.Count > 0 ? string.Join("\n\n", blocks) : content.Body?.TextContent ?? "";
    }

    private static string CheckText(string raw)
    {
        var lines = ArticleRules.NormaliseLineEnds(raw).Split('\n').Select(l => l.Trim());
        var text = BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
        if (text.Length == 0 || ArticleRules.LooksBinary(text))
        {
            throw PageDownload.Refuse(NoText);
        }

        if (text.Length > ArticleRules.MaxLength)
        {
            throw PageDownload.Refuse($"The article is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; FactCheck reads at most 100,000. Paste it in parts.");
        }

        return text;
    }

    private static string Decode(byte[] body, string? charset)
    {
        var encoding = Encoding.UTF8;
        try
        {
            encoding = charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            // An unknown charset name: read it as UTF-8, the web's default.
        }

        return encoding.GetString(body);
    }

    private static string? Meta(IHtmlDocument document, string property) =>
        document.QuerySelectorAll("meta").FirstOrDefault(m => string.Equals(m.GetAttribute("property") ?? m.GetAttribute("name"), property, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content");

    private static string? Clean(string? value, int max = 500)
    {
        var text = Whitespace().Replace(value ?? "", " ").Trim();
        return text.Length == 0 ? null : text.Length > max ? text[..max] : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
