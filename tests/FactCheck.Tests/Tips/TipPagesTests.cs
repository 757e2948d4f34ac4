using System.Net;

namespace FactCheck.Tests.Tips;

[Collection(SharedAppCollection.Name)]
public sealed class TipPagesTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task The_tips_page_is_a_static_labelled_form_with_a_honeypot_hidden_from_people()
    {
        var response = await App.Browser().GetAsync("/tips");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Send us a tip</h1>", html);
        Assert.Contains("<label for=\"tip-text\">", html);
        Assert.Contains("name=\"Input.Text\"", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains("<a href=\"/tips\">Send us a tip</a>", html);
        Assert.DoesNotContain("blazor.web.js", html);
        var honeypot = html[html.IndexOf("class=\"hp\"", StringComparison.Ordinal)..];
        honeypot = honeypot[..honeypot.IndexOf("</div>", StringComparison.Ordinal)];
        Assert.Contains("aria-hidden=\"true\"", honeypot);
        Assert.Contains("name=\"Input.Website\"", honeypot);
        Assert.Contains("tabindex=\"-1\"", honeypot);
        Assert.Contains("autocomplete=\"off\"", honeypot);
    }

    [Fact]
    public async Task Posting_the_form_stores_the_tip_and_shows_the_thank_you()
    {
        var browser = App.Browser();
        var text = "Posted by form " + Guid.NewGuid().ToString("N");

        var response = await TipForm.PostAsync(browser, new Dictionary<string, string>
        {
            ["Input.Text"] = text,
            ["Input.Url"] = "https://example.org/story",
            ["Input.WhereSeen"] = "Evening news",
            ["Input.ClientAddress"] = "10.9.8.7",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thanks = await browser.GetAsync(response.Headers.Location);
        Assert.Contains("data-testid=\"tip-thanks\"", await thanks.Content.ReadAsStringAsync());
        var stored = await App.RowsAsync<(string Url, string WhereSeen, string? ClientHash)>(
            "SELECT url, where_seen, client_hash FROM tips WHERE text = @text", new { text });
        Assert.Equal(("https://example.org/story", "Evening news"), (stored.Single().Url, stored.Single().WhereSeen));
        Assert.DoesNotContain("10.9.8.7", stored.Single().ClientHash ?? "");
    }

    [Fact]
    public async Task A_filled_honeypot_gets_the_same_thank_you_and_stores_nothing()
    {
        var before = await App.ScalarAsync<long>("SELECT count(*) FROM tips");

        var response = await TipForm.PostAsync(App.Browser(), new Dictionary<string, string>
        {
            ["Input.Text"] = "Great offer, click here",
            ["Input.Website"] = "https://spam.example",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tips?sent=true", response.Headers.Location!.PathAndQuery);
        Assert.Equal(before, await App.ScalarAsync<long>("SELECT count(*) FROM tips"));
    }

    [Fact]
    public async Task An_invalid_tip_is_shown_again_with_messages_next_to_its_fields()
    {
        var before = await App.ScalarAsync<long>("SELECT count(*) FROM tips");

        var response = await TipForm.PostAsync(App.Browser(), new Dictionary<string, string>
        {
            ["Input.Text"] = "",
            ["Input.Url"] = "javascript:alert(1)",
            ["Input.Contact"] = "keep-me@example.org",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("id=\"tip-text\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"tip-text\"", html);
        Assert.Contains("Tell us what the claim says.", html);
        Assert.Contains("Enter a web address, such as https://www.example.com/page.", html);
        Assert.Contains("value=\"keep-me@example.org\"", html);
        Assert.Equal(before, await App.ScalarAsync<long>("SELECT count(*) FROM tips"));
    }

    [Fact]
    public async Task A_tip_posted_without_its_antiforgery_token_is_rejected()
    {
        var before = await App.ScalarAsync<long>("SELECT count(*) FROM tips");

        var response = await TipForm.PostAsync(App.Browser(), new Dictionary<string, string> { ["Input.Text"] = "Forged cross-site post" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"form-refused\"", page);
        Assert.Contains("Nothing was saved.", page);
        Assert.Contains("<a href=\"/tips\">", page);
        Assert.Equal(before, await App.ScalarAsync<long>("SELECT count(*) FROM tips"));
    }

    [Fact]
    public async Task The_inbox_is_for_editors_only()
    {
        var text = "Inbox page tip " + Guid.NewGuid().ToString("N");
        await TipForm.PostAsync(App.Browser(), text);
        var checker = App.Browser();
        await App.SignInAsync(checker, "checker", TestApp.DemoPassword);
        var editor = App.Browser();
        await App.SignInAsync(editor, "editor", TestApp.DemoPassword);

        var anonymous = await App.Browser().GetAsync("/tips/inbox");
        var refused = await checker.GetAsync("/tips/inbox");
        var allowed = await editor.GetAsync("/tips/inbox");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/access-denied", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var html = await allowed.Content.ReadAsStringAsync();
        Assert.Contains(text, html);
    }
}
