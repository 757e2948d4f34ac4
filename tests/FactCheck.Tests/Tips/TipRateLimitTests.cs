using System.Net;

namespace FactCheck.Tests.Tips;

public sealed class TipRateLimitTests
{
    [Fact]
    public async Task Tips_beyond_the_limit_get_429_while_the_page_and_sign_in_keep_working()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:Security:TipsPerTenMinutes"] = "2" });
        var browser = app.Browser();

        var first = await TipForm.PostAsync(browser, "First tip within the limit");
        var second = await TipForm.PostAsync(browser, "Second tip within the limit");
        var third = await TipForm.PostAsync(browser, "Third tip over the limit");
        var fromBrowser = await TipForm.PostAsync(browser, new Dictionary<string, string> { ["Input.Text"] = "Fourth" }, accept: "text/html,application/xhtml+xml,*/*;q=0.8");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many tips", await third.Content.ReadAsStringAsync());
        Assert.True(int.Parse(third.Headers.RetryAfter!.ToString()) is > 0 and <= 600);
        Assert.Equal(HttpStatusCode.TooManyRequests, fromBrowser.StatusCode);
        Assert.Equal("text/html", fromBrowser.Content.Headers.ContentType?.MediaType);
        Assert.Contains("several tips from your address", await fromBrowser.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.PostAsync("/Tips/", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Text"] = "Other spelling" }))).StatusCode);
        Assert.Equal(2, await app.ScalarAsync<long>("SELECT count(*) FROM tips"));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/tips")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInAsync(app.Browser(), "editor", TestApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_beyond_its_limit_is_told_about_sign_in_not_tips()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:Security:LoginRequestsPerMinute"] = "1" });

        await app.SignInAsync(app.Browser(), "editor", "wrong-password");
        var limited = await app.SignInAsync(app.Browser(), "editor", "wrong-password");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("sign-in attempts", await limited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await TipForm.PostAsync(app.Browser(), "A tip is not a sign-in")).StatusCode);
    }
}
