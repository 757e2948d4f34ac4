using System.Text.Json;
using System.Xml.Linq;
using FactCheck.Tests.Review;
using static FactCheck.Tests.Feeds.FeedKit;

namespace FactCheck.Tests.Feeds;

public sealed class HostileTextTests
{
    private const string Hostile = "</script><script>alert(1)</script> & ]]>";

    [Fact]
    public async Task Hostile_claim_text_keeps_the_Atom_well_formed_and_the_JSON_valid()
    {
        using var app = new TestApp().Start();
        // PostgreSQL cannot store U+0000 in text: there the claim is refused naming the field (below), not stored.
        var nul = app.Db.IsPostgres ? "" : "\u0000";
        var review = await ReviewDriver.CreateAsync(app);
        var id = await PublishAsync(
            app, review, Hostile + " \u0001at\u000Bthe border", text: Hostile + nul + "\u0008\u007F", summary: "Seen on <b>posters</b> & \u001Fsites ]]> too.");
        var slug = await SlugAsync(app, id);
        var client = app.CreateClient();

        var atomText = await client.GetStringAsync(Atom);
        var atom = XDocument.Parse(atomText);
        var entry = Entries(atom).Single(e => e.Element(AtomNs + "id")!.Value == $"https://localhost/verdicts/{slug}");
        Assert.Equal("False: " + Hostile + " atthe border", Title(entry));
        Assert.Equal("Seen on <b>posters</b> & sites ]]> too.", entry.Element(AtomNs + "summary")!.Value);
        Assert.DoesNotContain("<script>", atomText, StringComparison.Ordinal);

        var json = await client.GetStringAsync(ClaimReviews);
        using var document = JsonDocument.Parse(json);
        var item = document.RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("url").GetString()?.Split('?')[0] == $"https://localhost/verdicts/{slug}");
        Assert.Equal(Hostile + " \u0001at\u000Bthe border", item.GetProperty("claimReviewed").GetString());
        Assert.DoesNotContain("</script>", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>", json, StringComparison.OrdinalIgnoreCase);

        var csv = await client.GetByteArrayAsync(Csv);
        using var reader = CsvHelper.CsvReader.Create(csv);
        var found = false;
        while (reader.Read())
        {
            found |= reader.GetString("claim_text") == Hostile + nul + "\u0008\u007F";
        }

        Assert.True(found, "the CSV keeps the claim text as it was typed");
        if (app.Db.IsPostgres)
        {
            var editor = await app.ActorAsync("editor");
            var refused = await Assert.ThrowsAsync<FactCheck.Web.Infrastructure.Pipeline.ValidationFailedException>(() => app.SendAsync(
                new FactCheck.Web.Features.Claims.SubmitClaim { Title = "NUL", Text = "Baku\0denies", Language = "en", ClaimantName = "Someone", ClaimantKind = "person", Kind = "statement" },
                editor));
            Assert.Contains("U+0000", Assert.Single(refused.Errors["Text"]), StringComparison.Ordinal);
        }
    }
}
