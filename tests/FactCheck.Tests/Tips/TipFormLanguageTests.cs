using System.Net;
using FactCheck.Tests.Verdicts;

namespace FactCheck.Tests.Tips;

/// The public tip form speaks the reader's language, its refusals and its thank-you too.
[Collection(SharedAppCollection.Name)]
public sealed class TipFormLanguageTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task The_tip_form_is_in_Indonesian_for_an_Indonesian_reader()
    {
        var page = await PublicPage.GetAsync(App, "/tips?lang=id");

        Assert.Equal("id", page.Language);
        Assert.Equal("Kirim tip kepada kami", page.H1);
        Assert.Contains("Klaimnya (wajib)", page.Document.QuerySelector("label[for=tip-text]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kirim tip", page.Document.QuerySelector("button[type=submit]")!.TextContent);
        Assert.DoesNotContain("Send us a tip", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_tip_is_refused_in_Indonesian_and_a_sent_one_is_thanked_in_Indonesian()
    {
        var browser = App.Browser();
        var before = await App.ScalarAsync<long>("SELECT count(*) FROM tips");

        var refused = await TipForm.PostAsync(browser, new Dictionary<string, string> { ["Input.Text"] = "  ", ["Input.Url"] = "bukan alamat" }, path: "/tips?lang=id");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Tuliskan isi klaimnya.", html, StringComparison.Ordinal);
        Assert.Contains("Tuliskan alamat web, misalnya", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tell us what the claim says.", html, StringComparison.Ordinal);
        Assert.Equal(before, await App.ScalarAsync<long>("SELECT count(*) FROM tips"));

        var sent = await TipForm.PostAsync(browser, new Dictionary<string, string> { ["Input.Text"] = "Klaim soal jembatan " + Guid.NewGuid().ToString("N") }, path: "/tips?lang=id");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("lang=id", sent.Headers.Location!.ToString(), StringComparison.Ordinal);
        var thanks = await PublicPage.GetAsync(browser, sent.Headers.Location!.ToString());
        Assert.Equal("Terima kasih atas tip Anda", thanks.H1);
        Assert.Equal("/?lang=id", thanks.Document.QuerySelector("[data-testid=tip-thanks] a")!.GetAttribute("href"));
    }
}
