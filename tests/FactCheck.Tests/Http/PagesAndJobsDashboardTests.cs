using System.Net;
using FactCheck.Web.Features.Queue;

namespace FactCheck.Tests.Http;

[Collection(SharedAppCollection.Name)]
public sealed class PagesAndJobsDashboardTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task Jobs_dashboard_sends_anonymous_visitors_to_sign_in()
    {
        var response = await App.Browser().GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("checker")]
    public async Task Jobs_dashboard_is_refused_to_staff_who_are_not_admins(string username)
    {
        var browser = App.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await App.SignInAsync(browser, username, TestApp.DemoPassword)).StatusCode);

        var response = await browser.GetAsync("/jobs");
        var body = await response.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("FactCheck jobs", body);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var denied = await browser.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }

    [Fact]
    public async Task Jobs_dashboard_opens_for_an_admin_and_lists_the_maintenance_job()
    {
        var browser = App.Browser();
        await App.SignInAsync(browser, "admin", TestApp.DemoPassword);

        var response = await browser.GetAsync("/jobs/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("FactCheck jobs", body);
        Assert.Contains("database-maintenance", body);
    }

    [Fact]
    public async Task Signing_in_sets_a_strict_http_only_cookie_and_lands_on_the_queue()
    {
        var browser = App.Browser();

        var response = await App.SignInAsync(browser, "editor", TestApp.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/queue", response.Headers.Location!.AbsolutePath);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("factcheck.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var queue = await browser.GetAsync("/queue");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        var html = await queue.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"claim-table\"", html);

        // Other tests add claims to the shared database, so the demo's claims may be past the first page: look for the first
        // claim of an editor's default view (all open claims, by priority).
        var first = (await App.QueryAsync(new ListQueue { Tab = QueueTabs.All }, await App.ActorAsync("editor"))).Items[0].Title;
        Assert.Contains(first, WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_wrong_password_on_the_form_shows_a_readable_message()
    {
        var response = await App.SignInAsync(App.Browser(), "editor", "not-the-password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Unknown username or wrong password.", html);
        Assert.DoesNotContain("not-the-password", html);
    }

    [Fact]
    public async Task A_sign_in_form_without_its_antiforgery_token_is_rejected()
    {
        var response = await App.Browser().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Username"] = "editor",
            ["Input.Password"] = TestApp.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("factcheck.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Return_urls_outside_the_site_are_ignored()
    {
        var browser = App.Browser();
        var page = await browser.GetStringAsync("/login?returnUrl=//evil.example/steal");
        Assert.Contains("Staff sign-in", page);

        var response = await App.SignInAsync(browser, "editor", TestApp.DemoPassword);

        Assert.Equal(App.Server.BaseAddress.Host, response.Headers.Location!.Host);
        Assert.Equal("/queue", response.Headers.Location.AbsolutePath);
    }

    [Theory]
    [InlineData("//evil.example/steal", "/queue")]
    [InlineData("/\\evil.example/steal", "/queue")]
    [InlineData("/\t/evil.example/steal", "/queue")]
    [InlineData("https://evil.example/steal", "/queue")]
    [InlineData("/claims/1", "/claims/1")]
    public async Task Sign_in_returns_only_to_paths_on_this_site_by_the_sites_one_rule(string returnUrl, string landing)
    {
        var browser = App.Browser();
        var page = await browser.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await browser.PostAsync($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
            ["Input.Username"] = "editor", ["Input.Password"] = TestApp.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(App.Server.BaseAddress.Host, response.Headers.Location!.Host);
        Assert.Equal(landing, response.Headers.Location.AbsolutePath);
        Assert.DoesNotContain("evil.example", response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/queue")]
    [InlineData("/claims")]
    [InlineData("/admin/users")]
    public async Task Staff_pages_send_anonymous_visitors_to_sign_in(string path)
    {
        var response = await App.Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_public_home_page_is_static_cookie_free_html_with_an_empty_state()
    {
        // Its own database without the demo case, whose verdicts are published.
        using var app = new TestApp(demoData: false).Start();
        var response = await app.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"no-verdicts\"", html);
        Assert.DoesNotContain("blazor.web.js", html);
    }

    [Fact]
    public async Task A_published_verdict_appears_on_the_home_page_with_its_rating_and_summary()
    {
        var review = await Review.ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("published");
        var slug = await App.ScalarAsync<string>("SELECT slug FROM claims WHERE id = @id", new { id });

        var html = await App.CreateClient().GetStringAsync("/");

        var item = html[html.IndexOf($"/verdicts/{slug}", StringComparison.Ordinal)..];
        item = item[..item.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Contains("data-rating=\"false\"><span class=\"rating-label\">False</span>", item, StringComparison.Ordinal);
        Assert.Contains("No sign of the attack in satellite images.", item, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_endpoint_answers_when_the_database_does()
    {
        var response = await App.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_is_a_404()
    {
        var response = await App.CreateClient().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
