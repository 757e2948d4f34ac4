using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FactCheck.Web.Features.Review;

/// Renders a verdict's explanation: Markdown in, HTML out, with raw HTML shown as text and every link or
/// image that is not http(s) or a page-relative path reduced to plain text, so a verdict can never carry script.
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafeUrl(link.Url))
            {
                Unlink(link);
            }
            else if (!link.IsImage)
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener noreferrer");
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (autolink.IsEmail || !IsSafeUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return document.ToHtml(Pipeline);
    }

    public static bool IsSafeUrl(string? url) =>
        !string.IsNullOrWhiteSpace(url)
        && (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            || Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    /// Keeps the link's text (or an image's alt text) and drops the link itself.
    private static void Unlink(LinkInline link)
    {
        var text = new ContainerInline();
        if (link.IsImage)
        {
            text.AppendChild(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
        }
        else
        {
            while (link.FirstChild is { } child)
            {
                child.Remove();
                text.AppendChild(child);
            }
        }

        link.ReplaceBy(text);
    }
}
