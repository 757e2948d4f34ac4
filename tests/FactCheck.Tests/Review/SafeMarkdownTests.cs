using System.Text.RegularExpressions;
using FactCheck.Web.Features.Review;

namespace FactCheck.Tests.Review;

/// A verdict's explanation is Markdown shown on public pages: it must never carry script.
public sealed partial class SafeMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("[click][evil]\n\n[evil]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click](//evil.example/steal)")]
    public void Script_and_unsafe_links_never_reach_the_html(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(UrlAttribute().Matches(html).Select(m => m.Groups[1].Value), url =>
            Assert.Matches("^(https?://|/[^/])", url));
    }

    [Fact]
    public void Web_links_stay_links_and_are_marked_nofollow()
    {
        var html = SafeMarkdown.ToHtml("See [the report](https://example.org/report) and **bold** text.");

        Assert.Contains("<a href=\"https://example.org/report\" rel=\"nofollow noopener noreferrer\">the report</a>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();
}
