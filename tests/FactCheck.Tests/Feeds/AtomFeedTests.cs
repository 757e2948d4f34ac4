using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using static FactCheck.Tests.Feeds.FeedKit;

namespace FactCheck.Tests.Feeds;

public sealed class AtomFeedTests(FeedsApp feeds) : IClassFixture<FeedsApp>
{
    private const string Stepanakert = "azerbaijani-forces-attacked-buildings-in-stepanakert-1";
    private const string PutinTitle = "The Nagorno-Karabakh fighting has killed 5,000 people";

    private TestApp App => feeds.App;

    [Fact]
    public async Task Atom_feed_lists_the_demo_verdicts_and_the_Putin_correction()
    {
        var client = App.CreateClient();
        var response = await client.GetAsync(Atom);

        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal("FactCheck verdicts", feed.Title.Text);
        Assert.Equal("https://localhost/feeds/verdicts.atom", feed.Links.Single(l => l.RelationshipType == "self").Uri.ToString());
        Assert.Equal("https://localhost/", feed.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());

        var items = feed.Items.ToList();
        var titles = items.Select(i => i.Title.Text).ToList();
        Assert.Contains("Mostly true: Azerbaijani forces attacked buildings in Stepanakert", titles);
        Assert.Contains("Mostly false: Baku denies attacking buildings in Stepanakert", titles);
        Assert.Contains("Mostly true: " + PutinTitle, titles);

        var stepanakert = items.Single(i => i.Title.Text.EndsWith("Azerbaijani forces attacked buildings in Stepanakert", StringComparison.Ordinal));
        Assert.Equal($"https://localhost/verdicts/{Stepanakert}", stepanakert.Id);
        Assert.Equal($"https://localhost/verdicts/{Stepanakert}", stepanakert.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());
        Assert.Equal("FactCheck", stepanakert.Authors.Single().Name);
        Assert.StartsWith("Independent investigators documented Azerbaijani strikes", stepanakert.Summary.Text, StringComparison.Ordinal);

        var correction = items.Single(i => i.Title.Text == "Correction: " + PutinTitle);
        var putin = items.Single(i => i.Title.Text == "Mostly true: " + PutinTitle);
        Assert.Equal(putin.Id + "#correction-1", correction.Id);
        var content = ((TextSyndicationContent)correction.Content).Text;
        Assert.Contains("Unverified → Mostly true", content, StringComparison.Ordinal);
        Assert.Contains("Both governments published their military losses after the ceasefire", content, StringComparison.Ordinal);
        Assert.Equal(putin.LastUpdatedTime, correction.LastUpdatedTime);

        Assert.Equal(items.Max(i => i.LastUpdatedTime), feed.LastUpdatedTime);
        Assert.Equal(items.OrderByDescending(i => i.LastUpdatedTime).Select(i => i.Id), items.Select(i => i.Id));
    }

    [Fact]
    public async Task Atom_feed_in_Indonesian_uses_the_Indonesian_rating_labels_and_keeps_the_language_in_its_links()
    {
        var feed = await AtomAsync(App.CreateClient(), Atom + "?lang=id");

        Assert.Equal("id", feed.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal("Hasil cek fakta FactCheck", feed.Root.Element(AtomNs + "title")!.Value);
        var titles = Entries(feed).Select(Title).ToList();
        Assert.Contains("Sebagian besar benar: Pasukan Azerbaijan menyerang gedung-gedung di Stepanakert", titles);
        Assert.Contains("Sebagian besar salah: Baku membantah menyerang gedung-gedung di Stepanakert", titles);
        var correction = Entries(feed).Single(e => Title(e) == "Koreksi: " + PutinTitle);
        Assert.Contains("Belum terverifikasi → Sebagian besar benar", correction.Element(AtomNs + "content")!.Value, StringComparison.Ordinal);
        Assert.Contains("Alasan:", correction.Element(AtomNs + "content")!.Value, StringComparison.Ordinal);
        var link = Entries(feed).Single(e => Title(e).EndsWith("Pasukan Azerbaijan menyerang gedung-gedung di Stepanakert", StringComparison.Ordinal))
            .Elements(AtomNs + "link").Single(l => (string?)l.Attribute("rel") == "alternate");
        Assert.Equal($"https://localhost/verdicts/{Stepanakert}?lang=id", link.Attribute("href")!.Value);
    }
}
