using System.Net;

namespace FactCheck.Tests.Http;

/// Every response carries the security headers, pages, API, feeds, static files and errors alike; the
/// Content-Security-Policy allows only this site's scripts (browser tests show the pages work under it).
[Collection(SharedAppCollection.Name)]
public sealed class SecurityHeadersTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    private static void AssertHardened(HttpResponseMessage response, bool withPolicy = true)
    {
        var where = response.RequestMessage!.RequestUri!.PathAndQuery;
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"nosniff on {where}");
        Assert.True(Header(response, "X-Frame-Options") == "DENY", $"X-Frame-Options on {where}");
        Assert.True(Header(response, "Referrer-Policy") == "strict-origin-when-cross-origin", $"Referrer-Policy on {where}");
        Assert.True(Header(response, "Server").Length == 0, $"no Server header on {where}");
        var policy = Header(response, "Content-Security-Policy");
        if (!withPolicy)
        {
            Assert.True(policy.Length == 0, $"no CSP on {where}");
            return;
        }

        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.True(directives.Count > 0, $"a CSP on {where}");
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/verdicts/no-such-claim")]
    [InlineData("/feeds/verdicts.atom")]
    [InlineData("/api/claims")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/healthz")]
    [InlineData("/favicon.svg")]
    [InlineData("/queue")]
    public async Task Every_kind_of_response_carries_the_headers(string path)
    {
        var response = await App.Browser().GetAsync(path);

        AssertHardened(response);
    }

    [Fact]
    public async Task A_public_page_served_from_the_output_cache_carries_them_too()
    {
        var client = App.CreateClient();
        await client.GetAsync("/?q=security-headers");

        var cached = await client.GetAsync("/?q=security-headers");

        Assert.NotNull(cached.Headers.Age);
        AssertHardened(cached);
    }

    [Fact]
    public async Task The_signed_in_staff_pages_and_the_jobs_dashboard_carry_them_the_dashboard_without_the_policy_it_cannot_run_under()
    {
        var editor = App.Browser();
        await App.SignInAsync(editor, "editor", TestApp.DemoPassword);
        var admin = App.Browser();
        await App.SignInAsync(admin, "admin", TestApp.DemoPassword);

        var queue = await editor.GetAsync("/queue");
        var jobs = await admin.GetAsync("/jobs/recurring");

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        AssertHardened(queue);
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        AssertHardened(jobs, withPolicy: false);
    }

    [Fact]
    public async Task The_sign_in_and_antiforgery_cookies_are_http_only_and_same_site_strict()
    {
        var browser = App.Browser();
        var form = await browser.GetAsync("/login");
        var signedIn = await App.SignInAsync(browser, "editor", TestApp.DemoPassword);

        string Cookie(HttpResponseMessage response, string name) =>
            response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToLowerInvariant();
        foreach (var cookie in new[] { Cookie(form, "factcheck.antiforgery"), Cookie(signedIn, "factcheck.auth") })
        {
            Assert.Contains("httponly", cookie, StringComparison.Ordinal);
            Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        }
    }
}
