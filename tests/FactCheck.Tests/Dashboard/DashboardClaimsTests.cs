using FactCheck.Tests.Queue;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Dashboard;

namespace FactCheck.Tests.Dashboard;

/// The narrow copy of the claims migration 0015's triggers keep (dashboard_claims) must always equal the claims it
/// copies, with the rating of the verdict readers see: the dashboard's period figures and balance are read from it.
public sealed class DashboardClaimsTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_copy_follows_recording_publication_correction_with_a_new_rating_rejection_and_merge()
    {
        await AssertCopyMatchesAsync();
        var review = await ReviewDriver.CreateAsync(app);
        var desk = await QueueDesk.CreateAsync(app);

        var published = await review.NewClaimAsync();
        await review.TriageAsync(published);
        await review.AssignAsync(published);
        await review.StartAsync(published);
        await review.AddEvidenceAsync(published);
        await review.SubmitAsync(published, rating: "false");
        await review.ApproveAsync(published);
        Assert.Equal("false", await RatingAsync(published));
        Assert.NotNull(await app.ScalarAsync<string?>("SELECT first_published_at FROM dashboard_claims WHERE claim_id = @published", new { published }));
        await AssertCopyMatchesAsync();

        // A correction keeps the old rating public until the new verdict is approved, then shows the new one.
        await review.CorrectAsync(published);
        Assert.Equal("false", await RatingAsync(published));
        await review.SubmitAsync(published, rating: "mostly-false", changeNote: "A second provider's images");
        await review.ApproveAsync(published);
        Assert.Equal("mostly-false", await RatingAsync(published));
        await AssertCopyMatchesAsync();

        var english = await desk.NewClaimAsync(language: "en");
        var duplicate = await desk.NewClaimAsync(title: "The same claim again");
        await review.ActAsync(review.Command("reject", english, await review.VersionAsync(english)), review.Editor);
        await app.SendAsync(new LinkClaims { FromClaimId = duplicate, ToClaimId = published, Relation = "same-as" }, review.Editor);
        Assert.Equal("merged", await app.ScalarAsync<string>("SELECT status FROM dashboard_claims WHERE claim_id = @duplicate", new { duplicate }));
        await AssertCopyMatchesAsync();
    }

    [Fact]
    public async Task Balance_and_verdicts_read_from_the_copy_count_the_corrected_rating_and_leave_merged_claims_out()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var desk = await QueueDesk.CreateAsync(app);
        var before = new Dictionary<string, DeskDashboard>();
        foreach (var period in new[] { "30d", "all" })
        {
            before[period] = await app.QueryAsync(new GetDeskDashboard(new DashboardFilter { Period = period }), review.Editor);
        }

        var claim = await review.NewClaimAsync();
        await review.TriageAsync(claim);
        await review.AssignAsync(claim);
        await review.StartAsync(claim);
        await review.AddEvidenceAsync(claim);
        await review.SubmitAsync(claim, rating: "false");
        await review.ApproveAsync(claim);
        await review.CorrectAsync(claim);
        await review.SubmitAsync(claim, rating: "true", changeNote: "The footage was from 2016");
        await review.ApproveAsync(claim);
        var duplicate = await desk.NewClaimAsync(title: "The same claim again", claimant: "Review Test Ministry");
        await app.SendAsync(new LinkClaims { FromClaimId = duplicate, ToClaimId = claim, Relation = "same-as" }, review.Editor);

        foreach (var period in new[] { "30d", "all" })
        {
            var dashboard = await app.QueryAsync(new GetDeskDashboard(new DashboardFilter { Period = period }), review.Editor);
            var ministry = dashboard.Claimants.Single(r => r.Name == "Review Test Ministry");
            Assert.Equal(1, ministry.Recorded);
            Assert.Equal(1, ministry.Checked);
            Assert.Equal("true", Assert.Single(ministry.Ratings).Rating);
            long Verdicts(DeskDashboard d, string rating) => d.Verdicts.SingleOrDefault(v => v.Rating == rating)?.Count ?? 0;
            Assert.Equal(Verdicts(before[period], "true") + 1, Verdicts(dashboard, "true"));
            Assert.Equal(Verdicts(before[period], "false"), Verdicts(dashboard, "false"));
            Assert.Equal(before[period].Throughput.Sum(p => p.Published) + 1, dashboard.Throughput.Sum(p => p.Published));
            Assert.Equal(before[period].Throughput.Sum(p => p.Corrected) + 1, dashboard.Throughput.Sum(p => p.Corrected));
        }
    }

    [Fact]
    public async Task All_time_figures_from_the_kept_counts_and_column_indexes_equal_working_them_out_from_every_row()
    {
        var review = await ReviewDriver.CreateAsync(app);
        foreach (var (hours, rating) in new[] { (5, "false"), (30, "true"), (2, "false"), (70, "mixed") })
        {
            var id = await review.NewClaimAsync();
            await review.TriageAsync(id);
            app.Clock.Advance(TimeSpan.FromHours(hours));
            await review.AssignAsync(id);
            await review.StartAsync(id);
            await review.AddEvidenceAsync(id);
            await review.SubmitAsync(id, rating: rating);
            app.Clock.Advance(TimeSpan.FromMinutes(hours * 7));
            await review.ApproveAsync(id);
            if (rating == "mixed")
            {
                await review.CorrectAsync(id);
                await review.SubmitAsync(id, rating: "mostly-true", changeNote: "New figures");
                await review.ApproveAsync(id);
            }
        }

        await AssertCopyMatchesAsync();
        var dashboard = await app.QueryAsync(new GetDeskDashboard(new DashboardFilter { Period = "all", By = "day" }), review.Editor);

        // Time to verdict: every timing row, rounded and sorted here.
        var rows = await app.RowsAsync<(double Total, double? New, double? Triaged, double? Assigned, double? Researching, double? InReview)>(
            "SELECT total_hours, new_hours, triaged_hours, assigned_hours, researching_hours, in_review_hours FROM claim_timings");
        List<double> Column(Func<(double Total, double? New, double? Triaged, double? Assigned, double? Researching, double? InReview), double?> pick) =>
            rows.Select(pick).OfType<double>().Select(h => Math.Round(h, 6)).ToList();
        Assert.Equal(TimeToVerdictReader.SpreadOf(Column(r => r.Total)), dashboard.TimeToVerdict.Overall);
        var stages = dashboard.TimeToVerdict.Stages.ToDictionary(s => s.Stage, s => s.Spread);
        Assert.Equal(TimeToVerdictReader.SpreadOf(Column(r => r.New)), stages["new"]);
        Assert.Equal(TimeToVerdictReader.SpreadOf(Column(r => r.Triaged)), stages["triaged"]);
        Assert.Equal(TimeToVerdictReader.SpreadOf(Column(r => r.Assigned)), stages["assigned"]);
        Assert.Equal(TimeToVerdictReader.SpreadOf(Column(r => r.Researching)), stages["researching"]);
        Assert.Equal(TimeToVerdictReader.SpreadOf(Column(r => r.InReview)), stages["in_review"]);
        Assert.True(dashboard.TimeToVerdict.Overall.Count >= 4);

        // Throughput: every published verdict on its local day.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var published = await app.RowsAsync<(string At, long Version)>("SELECT published_at, version FROM verdicts WHERE published_at IS NOT NULL");
        var byDay = published.GroupBy(v => DashboardPeriod.LocalDate(Web.Infrastructure.Database.DapperTypeHandlers.ParseInstant(v.At), zone))
            .ToDictionary(g => g.Key, g => (Published: g.LongCount(v => v.Version == 1), Corrected: g.LongCount(v => v.Version > 1)));
        Assert.Equal(
            byDay.OrderBy(d => d.Key).Select(d => (d.Key, d.Value.Published, d.Value.Corrected)),
            dashboard.Throughput.Where(p => p.Published + p.Corrected > 0).Select(p => (p.Start, p.Published, p.Corrected)));

        // Verdicts and balance: every claim's current rating.
        var ratings = await app.RowsAsync<(string Rating, long Count)>(
            "SELECT v.rating, count(*) FROM claims c JOIN verdicts v ON v.id = c.published_verdict_id GROUP BY v.rating ORDER BY v.rating");
        Assert.Equal(ratings, dashboard.Verdicts.Select(v => (v.Rating, v.Count)).OrderBy(v => v.Rating, StringComparer.Ordinal));
        var recorded = await app.RowsAsync<(string Name, long Count)>(
            "SELECT p.name, count(*) FROM claims c JOIN claimants p ON p.id = c.claimant_id WHERE c.status <> 'merged' GROUP BY p.id ORDER BY count(*) DESC, p.name LIMIT 5");
        Assert.All(recorded, r => Assert.Equal(r.Count, dashboard.Claimants.Single(c => c.Name == r.Name).Recorded));
    }

    private async Task<string?> RatingAsync(long claimId) =>
        await app.ScalarAsync<string?>("SELECT rating FROM dashboard_claims WHERE claim_id = @claimId", new { claimId });

    private async Task AssertCopyMatchesAsync()
    {
        const string order = " ORDER BY 1";
        var copied = await app.RowsAsync<(long Id, string Language, long Claimant, string Status, string CreatedAt, string? Rating, string? FirstPublished)>(
            "SELECT claim_id, language, claimant_id, status, created_at, rating, first_published_at FROM dashboard_claims" + order);
        var claims = await app.RowsAsync<(long Id, string Language, long Claimant, string Status, string CreatedAt, string? Rating, string? FirstPublished)>(
            """
            SELECT c.id, c.language, c.claimant_id, c.status, c.created_at, v.rating,
                   (SELECT f.published_at FROM verdicts f WHERE f.claim_id = c.id AND f.version = 1)
            FROM claims c LEFT JOIN verdicts v ON v.id = c.published_verdict_id
            """ + order);
        Assert.NotEmpty(claims);
        Assert.Equal(claims, copied);

        var kept = await app.RowsAsync<(long Claimant, string Language, string Status, string Rating, long Claims)>(
            "SELECT claimant_id, language, status, rating, claims FROM claimant_state_counts WHERE claims <> 0 ORDER BY 1, 2, 3, 4");
        var counted = await app.RowsAsync<(long Claimant, string Language, string Status, string Rating, long Claims)>(
            "SELECT claimant_id, language, status, coalesce(rating, ''), count(*) FROM dashboard_claims GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
        Assert.Equal(counted, kept);

        var hours = await app.RowsAsync<(string Hour, long Firsts, long Corrections)>(
            "SELECT hour, firsts, corrections FROM verdict_hours WHERE firsts <> 0 OR corrections <> 0 ORDER BY 1");
        var verdicts = await app.RowsAsync<(string Hour, long Firsts, long Corrections)>(
            "SELECT substr(published_at, 1, 13), count(*) FILTER (WHERE version = 1), count(*) FILTER (WHERE version > 1) FROM verdicts WHERE published_at IS NOT NULL GROUP BY 1 ORDER BY 1");
        Assert.Equal(verdicts, hours);
    }
}
