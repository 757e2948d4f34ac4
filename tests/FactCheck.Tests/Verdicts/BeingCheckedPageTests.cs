using FactCheck.Tests.Review;
using FactCheck.Web.Components;
using FactCheck.Web.Features.Review;

namespace FactCheck.Tests.Verdicts;

/// The demo desk's claims in the workflow, as readers see them (read-only, on the shared app).
[Collection(SharedAppCollection.Name)]
public sealed class BeingCheckedDemoTests(SharedApp shared)
{
    [Theory]
    [InlineData("iran-shells", "en", "Claimed by Hassan Rouhani", "We are checking this claim", "Target date for the verdict: ")]
    [InlineData("iran-shells", "id", "Diklaim oleh Hassan Rouhani", "Kami sedang memeriksa klaim ini", "Target tanggal hasil pemeriksaan: ")]
    [InlineData("azerbaijan-mod", "en", "Claimed by Kementerian Pertahanan Azerbaijan", "We are checking this claim", "No target date has been set yet.")]
    [InlineData("azerbaijan-mod", "id", "Diklaim oleh Kementerian Pertahanan Azerbaijan", "Kami sedang memeriksa klaim ini", "Belum ada target tanggal.")]
    public async Task Claim_in_the_workflow_has_a_noindex_status_page_with_its_target_date(
        string key, string language, string byline, string heading, string target)
    {
        // The assigned claim runs against its research deadline; the triaged one has none until it is assigned.
        var slug = await Demo.SlugAsync(shared.App, key);
        var stored = (await shared.App.RowsAsync<string?>(
            """
            SELECT coalesce(c.due_at, (SELECT l.due_at FROM ladders l WHERE l.claim_id = c.id AND l.ended_at IS NULL))
            FROM claims c WHERE c.slug = @slug
            """,
            new { slug })).Single();
        DateTimeOffset? due = stored is null ? null : DateTimeOffset.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(key == "iran-shells", due is not null);

        var page = await PublicPage.GetAsync(shared.App, PublicPage.Url(slug, language));

        Assert.Equal(200, (int)page.Status);
        Assert.Equal(language, page.Language);
        Assert.Equal(Demo.Claim(key).Title, page.H1);
        Assert.Equal(byline, page.One(".byline").TextContent);
        Assert.Equal(heading, page.One("[data-testid=being-checked] h2").TextContent);
        // The demo picked a day as the due date: stored as the midnight ending it in Jakarta, shown as that day, not the next.
        var local = due is { } at ? TimeZoneInfo.ConvertTime(at, Demo.Zone) : (DateTimeOffset?)null;
        Assert.True(local is null || local.Value.TimeOfDay == TimeSpan.Zero);
        var expected = local is { } midnight ? target + PublicFormat.Date(DateOnly.FromDateTime(midnight.DateTime).AddDays(-1), language) : target;
        Assert.Equal(expected, page.One("[data-testid=target-date]").TextContent.Trim());
        Assert.Equal("noindex", page.Meta("robots"));
        Assert.Empty(page.JsonLdScripts);
        Assert.Null(page.Meta("og:title"));
        Assert.Empty(page.Document.QuerySelectorAll("[data-testid=verdict], [data-testid=rating], [data-testid=claim-text], [data-testid=sources]"));
        Assert.DoesNotContain("Sari Checker", page.Html);
        Assert.DoesNotContain(Demo.Claim(key).Text, page.Html);
    }
}

/// A claim at each stage of the workflow reveals nothing of the work on it (the app's own claims).
public sealed class BeingCheckedPageTests(VerdictsApp fixture) : IClassFixture<VerdictsApp>
{
    private ReviewDriver Review => fixture.Workflow.Review;

    [Theory]
    [InlineData("triaged")]
    [InlineData("assigned")]
    [InlineData("researching")]
    [InlineData("in_review")]
    public async Task Claim_being_checked_shows_no_draft_evidence_assignee_or_internal_note(string state)
    {
        var secret = "Secret" + Guid.NewGuid().ToString("N")[..10];
        var claim = await fixture.Workflow.SubmitAsync(c => c.Text = $"Teks klaim {secret}-text");
        var id = claim.Id;
        await Review.ActAsync(new TriageClaim { ClaimId = id, Version = await Review.VersionAsync(id), Priority = "high", Comment = secret + "-triage" }, Review.Editor);
        if (state != "triaged")
        {
            await Review.ActAsync(
                new AssignClaim { ClaimId = id, Version = await Review.VersionAsync(id), AssigneeId = Review.Checker.UserId!.Value, DueDate = Review.Tomorrow, Comment = secret + "-assign" },
                Review.Editor);
        }

        if (state is "researching" or "in_review")
        {
            await Review.StartAsync(id);
            await fixture.App.SendAsync(
                new AddEvidence { ClaimId = id, Url = $"https://example.org/{secret}", Title = secret + "-evidence", Stance = "refutes", Note = secret + "-note" }, Review.Checker);
            await Review.ActAsync(Draft(id, secret + "-first", await Review.VersionAsync(id)), Review.Checker);
            await Review.ActAsync(new RequestChanges { ClaimId = id, Version = await Review.VersionAsync(id), Comment = secret + "-review" }, Review.Editor2);
        }

        if (state == "in_review")
        {
            await Review.ActAsync(Draft(id, secret + "-second", await Review.VersionAsync(id)), Review.Checker);
        }

        Assert.Equal(state, await Review.StatusAsync(id));
        foreach (var language in new[] { "en", "id" })
        {
            var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url(claim.Slug, language));

            Assert.Equal(200, (int)page.Status);
            Assert.Single(page.Document.QuerySelectorAll("[data-testid=being-checked]"));
            Assert.Equal("noindex", page.Meta("robots"));
            Assert.Empty(page.JsonLdScripts);
            Assert.DoesNotContain(secret, page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Budi Checker", page.Html);
            Assert.DoesNotContain("Eka Editor", page.Html);
            Assert.DoesNotContain("Dewi Editor", page.Html);
        }
    }

    [Fact]
    public async Task Draft_of_a_correction_stays_hidden_while_the_published_verdict_stands()
    {
        var secret = "Secret" + Guid.NewGuid().ToString("N")[..10];
        var flow = fixture.Workflow;
        var claim = await flow.SubmitAndPublishAsync();
        await Review.CorrectAsync(claim.Id, reason: secret + "-reason");
        await Review.ActAsync(Draft(claim.Id, secret + "-correction", await Review.VersionAsync(claim.Id)) with { ChangeNote = secret + "-change" }, Review.Checker);

        var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url(claim.Slug));

        Assert.Equal("False", page.RatingLabel);
        Assert.Contains("No shells hit the market that day.", page.One("[data-testid=summary]").TextContent);
        Assert.StartsWith("We are re-examining this verdict since", page.One("[data-testid=correction-open]").TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("[data-testid=correction]"));
        Assert.DoesNotContain(secret, page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Mixed", page.Html);
    }

    private static SubmitVerdict Draft(long id, string secret, long version) => new()
    {
        ClaimId = id, Version = version, Rating = "mixed", Summary = secret + " summary", Explanation = secret + " explanation",
    };
}
