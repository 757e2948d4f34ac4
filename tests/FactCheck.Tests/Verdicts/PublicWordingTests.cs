using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using FactCheck.Tests.Feeds;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Demo;

namespace FactCheck.Tests.Verdicts;

/// Dates and names on the reader's side, as a reader of either language reads them.
[Collection(SharedAppCollection.Name)]
public sealed partial class PublicWordingTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Theory]
    [InlineData("en", "23 October 2020", "5 October 2020")]
    [InlineData("id", "23 Oktober 2020", "5 Oktober 2020")]
    public async Task Sources_carry_their_publication_date_in_the_readers_language(string language, string hrw, string amnesty)
    {
        var page = await PublicPage.GetAsync(App, PublicPage.Url(await Demo.SlugAsync(App, "stepanakert"), language));

        var sources = page.Document.QuerySelectorAll("[data-testid=sources] li").Select(li => Space(li.TextContent)).ToList();
        Assert.StartsWith($"Human Rights Watch: Azerbaijan: Cluster Munitions Used in Nagorno-Karabakh, {hrw}", sources[0], StringComparison.Ordinal);
        Assert.StartsWith($"Amnesty International: civilians must be protected from banned cluster bombs, {amnesty}", sources[1], StringComparison.Ordinal);
        Assert.Equal("2020-10-23", page.Document.QuerySelector("[data-testid=sources] li time")!.GetAttribute("datetime"));
        Assert.Equal([hrw, amnesty], page.Document.QuerySelectorAll("[data-testid=sources] li .source-date time").Select(t => t.TextContent).ToList());
    }

    [Theory]
    [InlineData("en", "Claimed by Vladimir Putin, Russia (President) · Said on 24 October 2020")]
    [InlineData("id", "Diklaim oleh Vladimir Putin, Russia (President) · Dinyatakan pada 24 Oktober 2020")]
    public async Task A_claimants_affiliation_never_ends_up_in_nested_brackets(string language, string byline)
    {
        var page = await PublicPage.GetAsync(App, PublicPage.Url(await Demo.SlugAsync(App, "putin-5000"), language));

        var text = Space(page.One(".byline").TextContent);
        Assert.StartsWith(byline, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\([^()]*\(", text);
    }

    private static string Space(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// The Atom entry of a correction that kept the rating says so, in both languages (an app of its own: the feed holds the
/// 50 newest entries, and the shared app publishes many at one instant).
public sealed class AtomCorrectionWordingTests(FeedsApp feeds) : IClassFixture<FeedsApp>
{
    [Theory]
    [InlineData("", "Rating unchanged: False.")]
    [InlineData("?lang=id", "Penilaian tidak berubah: Salah.")]
    public async Task A_correction_that_kept_its_rating_says_the_rating_is_unchanged(string query, string expected)
    {
        var app = feeds.App;
        var review = await ReviewDriver.CreateAsync(app);
        var title = "Kept rating " + Guid.NewGuid().ToString("N")[..8];
        var id = await FeedKit.PublishAsync(app, review, title);
        await FeedKit.CorrectAsync(review, id, "false", "A source had the wrong date.");

        using var reader = XmlReader.Create(await app.CreateClient().GetStreamAsync(FeedKit.Atom + query));
        var entry = SyndicationFeed.Load(reader).Items.Single(i => i.Title.Text.EndsWith(title, StringComparison.Ordinal) && i.Id.Contains("#correction", StringComparison.Ordinal));

        var content = ((TextSyndicationContent)entry.Content).Text;
        Assert.Contains(expected, content, StringComparison.Ordinal);
        Assert.DoesNotContain("→", content, StringComparison.Ordinal);
    }
}
