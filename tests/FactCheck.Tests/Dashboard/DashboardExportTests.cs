using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Dashboard;
using FactCheck.Web.Features.Queue;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Tests.Dashboard;

/// The dashboard's CSV exports (signed-in editors and admins) and its JSON API (bearer token) over the demo case.
public sealed class DashboardExportTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly string[] RatingKeys = RatingScale.Default.Select(r => r.Key).ToArray();

    private TestApp App => shared.App;

    public static TheoryData<string, string[]> Headers => new()
    {
        { "states", ["status", "count"] },
        { "overdue", ["claim_id", "title", "status", "priority", "assignee", "due_at"] },
        { "due-soon", ["claim_id", "title", "status", "priority", "assignee", "due_at"] },
        { "unassigned", ["age", "count"] },
        { "workload", ["person", "open", "overdue", "due_this_week", "in_review"] },
        { "throughput", ["period_start", "published", "corrected"] },
        { "time-to-verdict", ["stage", "count", "median_hours", "p90_hours"] },
        { "verdicts", ["rating", "label", "count"] },
        { "balance-sides", ["name", "side", "recorded", "checked", "open", "rejected", .. RatingKeys] },
        { "balance-claimants", ["name", "side", "recorded", "checked", "open", "rejected", .. RatingKeys] },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public async Task Each_section_downloads_as_a_csv_file_with_its_header_row(string section, string[] header)
    {
        var browser = await SignedInAsync("editor");

        var response = await browser.GetAsync($"/dashboard/export/{section}.csv?period=90d&topic=nagorno-karabakh&lang=id");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"factcheck-{section}-90d-nagorno-karabakh-id.csv", response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(header, Csv.Read(bytes).Header);
        Assert.Contains(section, DashboardExport.Sections);
    }

    [Fact]
    public async Task States_csv_counts_claims_by_state_as_the_database_does()
    {
        var csv = await ExportAsync("states");

        var counts = csv.Rows.ToDictionary(r => r[0], r => long.Parse(r[1], CultureInfo.InvariantCulture));
        var inDatabase = (await App.RowsAsync<(string Status, long Count)>("SELECT status, count(*) FROM claims GROUP BY status")).ToDictionary(r => r.Status, r => r.Count);
        Assert.Equal(3, counts["published"]);
        Assert.Equal(2, counts["triaged"]);
        Assert.Equal(ClaimStatus.All, counts.Keys);
        Assert.All(counts, c => Assert.Equal(inDatabase.GetValueOrDefault(c.Key), c.Value));
    }

    [Fact]
    public async Task Balance_by_side_has_Azerbaijan_and_Armenia_each_with_one_checked_claim_and_its_rating()
    {
        var csv = await ExportAsync("balance-sides");

        var expected = await App.RowsAsync<(string Side, long Recorded, long Checked, long Open)>(
            """
            SELECT coalesce(p.side, ''), count(*), count(c.published_verdict_id),
                   count(CASE WHEN c.status IN ('new', 'triaged', 'assigned', 'researching', 'in_review') THEN 1 END)
            FROM claims c JOIN claimants p ON p.id = c.claimant_id
            WHERE c.status <> 'merged'
            GROUP BY coalesce(p.side, '')
            """);
        Assert.Equal(expected.Count, csv.Rows.Count);
        foreach (var side in expected)
        {
            var row = csv.Row(1, side.Side);
            Assert.Equal((side.Recorded, side.Checked, side.Open), (csv.Long(row, "recorded"), csv.Long(row, "checked"), csv.Long(row, "open")));
            Assert.Equal(side.Checked, RatingKeys.Sum(k => csv.Long(row, k)));
        }

        var azerbaijan = csv.Row(0, "Azerbaijan");
        var armenia = csv.Row(0, "Armenia");
        Assert.Equal((1, 1), (csv.Long(azerbaijan, "checked"), csv.Long(armenia, "checked")));
        Assert.Equal((1, 1), (csv.Long(azerbaijan, "mostly-false"), csv.Long(armenia, "mostly-true")));
        Assert.Equal("", csv.Row(0, "No side set")[1]);
    }

    [Fact]
    public async Task Balance_by_claimant_names_each_claimant_with_their_side()
    {
        var csv = await ExportAsync("balance-claimants");

        var putin = csv.Row(0, "Vladimir Putin");
        Assert.Equal("Russia", putin[1]);
        Assert.Equal((1, 1, 1), (csv.Long(putin, "recorded"), csv.Long(putin, "checked"), csv.Long(putin, "mostly-true")));
        var claimants = await App.ScalarAsync<long>("SELECT count(DISTINCT claimant_id) FROM claims WHERE status <> 'merged'");
        Assert.Equal(Math.Min(claimants, GetDeskDashboardHandler.ClaimantRows), csv.Rows.Count);
    }

    [Fact]
    public async Task A_topic_filter_narrows_every_section_to_its_claims()
    {
        var all = await ExportAsync("balance-claimants");
        var casualties = await ExportAsync("balance-claimants", "topic=casualties");
        var states = await ExportAsync("states", "topic=casualties");
        var language = await ExportAsync("states", "lang=en");

        Assert.True(casualties.Rows.Count < all.Rows.Count, "fewer claimants speak about casualties than about everything");
        Assert.Equal("Vladimir Putin", Assert.Single(casualties.Rows)[0]);
        var onTopic = await App.ScalarAsync<long>("SELECT count(*) FROM claim_topics WHERE topic = 'casualties'");
        Assert.Equal(onTopic, states.Rows.Sum(Count));
        var inEnglish = await App.ScalarAsync<long>("SELECT count(*) FROM claims WHERE language = 'en'");
        Assert.Equal(inEnglish, language.Rows.Sum(Count));

        static long Count(string[] row) => long.Parse(row[1], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Throughput_has_one_row_per_day_of_the_period_with_the_published_verdicts_and_corrections()
    {
        var daily = await ExportAsync("throughput", "period=7d");
        var weekly = await ExportAsync("throughput", "period=90d&by=week");

        var today = DashboardPeriod.LocalDate(App.Clock.GetUtcNow(), NewsroomTime.FindZone("Asia/Jakarta"));
        Assert.Equal(Enumerable.Range(-6, 7).Select(d => today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), daily.Rows.Select(r => r[0]));
        var first = await App.ScalarAsync<long>("SELECT count(*) FROM verdicts WHERE version = 1 AND published_at IS NOT NULL");
        var corrections = await App.ScalarAsync<long>("SELECT count(*) FROM verdicts WHERE version > 1 AND published_at IS NOT NULL");
        Assert.Equal((3, 1), (first, corrections));
        Assert.Equal((first, corrections), (daily.Rows.Sum(r => daily.Long(r, "published")), daily.Rows.Sum(r => daily.Long(r, "corrected"))));
        Assert.All(weekly.Rows, r => Assert.Equal(DayOfWeek.Monday, DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayOfWeek));
        Assert.Equal(first, weekly.Rows.Sum(r => weekly.Long(r, "published")));
    }

    [Fact]
    public async Task Time_to_verdict_lists_each_stage_then_the_overall_time()
    {
        var csv = await ExportAsync("time-to-verdict");

        Assert.Equal(["new", "triaged", "assigned", "researching", "in_review", "overall"], csv.Rows.Select(r => r[0]));
        var overall = csv.Row(0, "overall");
        Assert.Equal(await App.ScalarAsync<long>("SELECT count(*) FROM verdicts WHERE version = 1 AND published_at IS NOT NULL"), csv.Long(overall, "count"));
        var median = double.Parse(overall[2], CultureInfo.InvariantCulture);
        Assert.True(median >= 0 && median <= double.Parse(overall[3], CultureInfo.InvariantCulture));
        Assert.All(csv.Rows.Where(r => r[1] == "0"), r => Assert.Equal(("", ""), (r[2], r[3])));
    }

    [Fact]
    public async Task Verdicts_count_the_current_rating_of_each_published_claim_in_scale_order()
    {
        var csv = await ExportAsync("verdicts");

        var expected = await App.RowsAsync<(string Rating, long Count)>(
            "SELECT v.rating, count(*) FROM claims c JOIN verdicts v ON v.id = c.published_verdict_id GROUP BY v.rating");
        Assert.Equal(expected.OrderBy(e => Array.IndexOf(RatingKeys, e.Rating)).Select(e => (e.Rating, e.Count)), csv.Rows.Select(r => (r[0], csv.Long(r, "count"))));
        Assert.Equal("Mostly true", csv.Row(0, "mostly-true")[1]);
    }

    [Fact]
    public async Task Unassigned_and_workload_count_the_open_claims_in_the_database()
    {
        var unassigned = await ExportAsync("unassigned");
        var workload = await ExportAsync("workload");

        Assert.Equal(["under 1 day", "1–3 days", "3–7 days", "over 7 days"], unassigned.Rows.Select(r => r[0]));
        var waiting = await App.ScalarAsync<long>(
            "SELECT count(*) FROM claims WHERE assignee_id IS NULL AND status IN ('new', 'triaged', 'assigned', 'researching', 'in_review')");
        Assert.Equal(waiting, unassigned.Rows.Sum(r => unassigned.Long(r, "count")));
        var checkers = await App.RowsAsync<string>(
            "SELECT u.display_name FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'factchecker' AND u.is_active = 1");
        Assert.Equal(checkers.Order(), workload.Rows.Select(r => r[0]).Order());
    }

    [Fact]
    public async Task Api_returns_the_dashboard_as_camel_case_json_for_the_filter()
    {
        var client = await App.ApiClientAsync("editor");

        var response = await client.GetAsync("/api/dashboard?period=7d&topic=casualties");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("7d", json.GetProperty("filter").GetProperty("period").GetString());
        Assert.Equal("casualties", json.GetProperty("filter").GetProperty("topic").GetString());
        var states = json.GetProperty("states").EnumerateArray().ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("count").GetInt64());
        Assert.Equal(1, states["published"]);
        Assert.Equal(1, states.Values.Sum());
        Assert.Equal(7, json.GetProperty("throughput").GetArrayLength());
        Assert.Equal("Russia", Assert.Single(json.GetProperty("sides").EnumerateArray()).GetProperty("name").GetString());
        var paths = (await App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/dashboard", out _), "/api/dashboard is in the OpenAPI document");
        Assert.False(paths.TryGetProperty("/dashboard/export/{section}.csv", out _), "the cookie-only CSV export is not part of the API");
    }

    [Fact]
    public async Task Admins_may_export_and_read_the_api()
    {
        var browser = await SignedInAsync("admin");
        var client = await App.ApiClientAsync("admin");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/export/states.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/dashboard")).StatusCode);
    }

    [Theory]
    [InlineData("period=2w", "period")]
    [InlineData("period=all&by=month", "by")]
    [InlineData("lang=a-language-tag-far-too-long", "lang")]
    public async Task A_bad_filter_value_is_refused_naming_the_field(string query, string field)
    {
        var browser = await SignedInAsync("editor");
        var client = await App.ApiClientAsync("editor");

        foreach (var response in new[] { await browser.GetAsync($"/dashboard/export/states.csv?{query}"), await client.GetAsync($"/api/dashboard?{query}") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        }
    }

    [Fact]
    public async Task Empty_filter_values_mean_the_defaults()
    {
        var response = await (await SignedInAsync("editor")).GetAsync("/dashboard/export/states.csv?period=&by=&topic=&lang=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("factcheck-states-30d.csv", response.Content.Headers.ContentDisposition!.FileName);
    }

    [Fact]
    public async Task An_unknown_section_is_not_found()
    {
        var response = await (await SignedInAsync("editor")).GetAsync("/dashboard/export/salaries.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Fact_checkers_are_refused_the_exports_and_the_api()
    {
        var browser = await SignedInAsync("checker");
        var client = await App.ApiClientAsync("checker");

        var csv = await browser.GetAsync("/dashboard/export/workload.csv");
        var api = await client.GetAsync("/api/dashboard");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (csv.StatusCode, api.StatusCode));
        Assert.DoesNotContain("text/csv", csv.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_the_api_wants_a_token()
    {
        var csv = await App.Browser().GetAsync("/dashboard/export/states.csv?period=7d");
        var api = await App.CreateClient().GetAsync("/api/dashboard");
        var apiWithCookie = await (await SignedInAsync("editor")).GetAsync("/api/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);
        Assert.Equal("/login", csv.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, apiWithCookie.StatusCode);
    }

    [Fact]
    public void File_names_keep_only_letters_digits_and_dashes()
    {
        var filter = DashboardFilter.Parse("all", null, "../Casualties & \"losses\"/x", "en-GB");

        Assert.Equal("factcheck-balance-sides-all-casualties-losses-x-en-gb.csv", DashboardExport.FileName("balance-sides", filter));
        Assert.Equal("/dashboard/export/states.csv?period=7d&topic=a%20b", DashboardExport.Url("states", DashboardFilter.Parse("7d", null, "a b", null)));
    }

    [Fact]
    public async Task Hostile_titles_and_claimant_names_are_escaped_and_deadlines_are_utc()
    {
        using var app = new TestApp().Start();
        var editor = await app.ActorAsync("editor");
        const string Claimant = "=cmd|' /C calc'!A0";
        const string Late = "=HYPERLINK(\"https://evil.example\",\"shells hit Goris\")";
        const string Soon = "-2+3 convoys crossed the border";
        var late = await HostileClaimAsync(app, editor, Late, Claimant, TimeSpan.FromHours(1));
        app.Clock.Advance(TimeSpan.FromHours(2));
        var soon = await HostileClaimAsync(app, editor, Soon, Claimant, TimeSpan.FromHours(3));
        var browser = app.Browser();
        await app.SignInAsync(browser, "editor", TestApp.DemoPassword);

        var overdue = Csv.Read(await browser.GetByteArrayAsync("/dashboard/export/overdue.csv?topic=export-hostile"));
        var dueSoon = Csv.Read(await browser.GetByteArrayAsync("/dashboard/export/due-soon.csv?topic=export-hostile"));
        var claimants = Csv.Read(await browser.GetByteArrayAsync("/dashboard/export/balance-claimants.csv?topic=export-hostile"));

        var dueAt = (await app.RowsAsync<DateTimeOffset>("SELECT due_at FROM claims WHERE id = @late", new { late })).Single();
        Assert.Equal(
            [late.ToString(CultureInfo.InvariantCulture), "'" + Late, "triaged", "high", "", dueAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)],
            Assert.Single(overdue.Rows));
        var soonRow = Assert.Single(dueSoon.Rows);
        Assert.Equal((soon.ToString(CultureInfo.InvariantCulture), "'" + Soon), (soonRow[0], soonRow[1]));
        var claimant = Assert.Single(claimants.Rows);
        Assert.Equal(("'" + Claimant, "2", "0", "2"), (claimant[0], claimant[2], claimant[3], claimant[4]));
    }

    private static async Task<long> HostileClaimAsync(TestApp app, Web.Infrastructure.Pipeline.Actor editor, string title, string claimant, TimeSpan due)
    {
        var claim = await app.SendAsync(
            new SubmitClaim
            {
                Title = title, Text = title + " " + Guid.NewGuid().ToString("N"), Language = "en",
                ClaimantName = claimant, ClaimantKind = "other", Kind = "event", Topics = ["export-hostile"],
            },
            editor);
        var version = await app.ScalarAsync<long>("SELECT version FROM claims WHERE id = @Id", new { claim.Id });
        await app.SendAsync(new TriageClaim { ClaimId = claim.Id, Version = version, Priority = "high", DueAt = app.Clock.GetUtcNow() + due }, editor);
        return claim.Id;
    }

    private async Task<HttpClient> SignedInAsync(string username)
    {
        var browser = App.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await App.SignInAsync(browser, username, TestApp.DemoPassword)).StatusCode);
        return browser;
    }

    private async Task<Csv> ExportAsync(string section, string query = "")
    {
        var browser = await SignedInAsync("editor");
        return Csv.Read(await browser.GetByteArrayAsync($"/dashboard/export/{section}.csv?{query}"));
    }

    private sealed record Csv(string[] Header, List<string[]> Rows)
    {
        public static Csv Read(byte[] bytes)
        {
            using var reader = CsvReader.Create(bytes);
            var rows = new List<string[]>();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.Headers.ToArray().Length).Select(reader.GetString).ToArray());
            }

            return new Csv(reader.Headers.ToArray(), rows);
        }

        public string[] Row(int column, string value) => Assert.Single(Rows, r => r[column] == value);

        public long Long(string[] row, string column) => long.Parse(row[Array.IndexOf(Header, column)], CultureInfo.InvariantCulture);
    }
}
