using FactCheck.Web.Features.Tips;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Tips;

/// A link pasted as readers copy it from an address bar or a chat, often without https://.
[Collection(SharedAppCollection.Name)]
public sealed class TipAddressTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Theory]
    [InlineData("www.kompas.com/global/read/2020/10/24/perang", "https://www.kompas.com/global/read/2020/10/24/perang")]
    [InlineData("  kompas.com/a?b=1  ", "https://kompas.com/a?b=1")]
    [InlineData("http://example.org/x", "http://example.org/x")]
    public async Task A_link_without_its_scheme_is_stored_with_https(string typed, string stored)
    {
        var sent = await App.SendAsync(new SubmitTip { Text = "A claim seen in a news site", Url = typed, ClientAddress = "203.0.113.77" }, Actor.Anonymous);

        Assert.Equal(stored, await App.ScalarAsync<string>("SELECT url FROM tips WHERE id = @Id", new { sent.Id }));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file")]
    [InlineData("not a link")]
    [InlineData("localhost")]
    public async Task What_is_not_a_web_address_is_still_refused_in_the_forms_words(string typed)
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync(new SubmitTip { Text = "A claim", Url = typed, ClientAddress = "203.0.113.78" }, Actor.Anonymous));

        Assert.Equal(["Enter a web address, such as https://www.example.com/page."], refused.Errors["Url"]);
    }
}
