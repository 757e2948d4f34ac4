using System.Text.Json;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

/// A desk that wants two editors' approvals before a verdict goes out (FactCheck:Review:Approvals = 2).
public sealed class QuorumTests(QuorumTests.Fixture fixture) : IClassFixture<QuorumTests.Fixture>
{
    private TestApp App => fixture.App;

    private ReviewDriver Review => fixture.Review;

    [Fact]
    public async Task First_approval_keeps_the_verdict_in_review_with_the_vote_recorded()
    {
        var id = await Review.ClaimInStateAsync("in_review");
        var lastAudit = await Review.LastAuditIdAsync();

        var first = await Review.ApproveAsync(id, Review.Editor, note: "Agree, though the headline is strong.");

        Assert.Equal("in_review", first.Status);
        var page = await App.QueryAsync(new GetClaim(id), Review.Editor2);
        Assert.Null(page.Verdict);
        Assert.Equal(2, page.Review.ApprovalsNeeded);
        var vote = Assert.Single(page.Review.PendingVerdict!.Votes);
        Assert.Equal((Review.Editor.UserId!.Value, "Agree, though the headline is strong."), (vote.VoterId, vote.Note));
        Assert.Contains(ReviewActions.Approve, page.AllowedActions);
        var audit = Assert.Single(await Review.AuditAfterAsync(id, lastAudit));
        using var after = JsonDocument.Parse(audit.AfterJson!);
        Assert.Equal(("in_review", 1, 2), (
            after.RootElement.GetProperty("status").GetString(),
            after.RootElement.GetProperty("details").GetProperty("votes").GetInt32(),
            after.RootElement.GetProperty("details").GetProperty("needed").GetInt32()));
    }

    [Fact]
    public async Task A_later_editor_endorses_a_recorded_override_without_retyping_it_and_a_second_reason_is_added()
    {
        var accusation = await Review.ClaimInStateAsync("published");
        var denial = await Review.ClaimInStateAsync("researching");
        await Review.LinkAsync(denial, accusation, "denies");
        await Review.AddEvidenceAsync(denial);
        await Review.SubmitAsync(denial, "false");

        await Assert.ThrowsAsync<ValidationFailedException>(() => Review.ApproveAsync(denial, Review.Editor));
        await Review.ApproveAsync(denial, Review.Editor, overrideReason: "Different villages.");
        var published = await Review.ApproveAsync(denial, Review.Editor2);

        Assert.Equal("published", published.Status);
        Assert.Equal("Different villages.", (await App.QueryAsync(new GetClaim(denial), Review.Editor)).Verdict!.OverrideReason);

        var other = await Review.ClaimInStateAsync("researching");
        await Review.LinkAsync(other, accusation, "denies");
        await Review.AddEvidenceAsync(other);
        await Review.SubmitAsync(other, "false");
        await Review.ApproveAsync(other, Review.Editor, overrideReason: "First reason.");
        await Review.ApproveAsync(other, Review.Editor2, overrideReason: "Second reason.");
        Assert.Equal("First reason.\nSecond reason.", (await App.QueryAsync(new GetClaim(other), Review.Editor)).Verdict!.OverrideReason);
    }

    [Fact]
    public async Task The_same_editor_cannot_approve_twice()
    {
        var id = await Review.ClaimInStateAsync("in_review");
        await Review.ApproveAsync(id, Review.Editor);
        var before = await Review.SnapshotAsync(id);

        var again = await Assert.ThrowsAsync<ConflictException>(() => Review.ApproveAsync(id, Review.Editor));

        Assert.Contains("already approved", again.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ReviewActions.Approve, Assert.IsType<CurrentClaimState>(again.Current).AllowedActions);
        Assert.Equal(before, await Review.SnapshotAsync(id));
        Assert.DoesNotContain(ReviewActions.Approve, (await App.QueryAsync(new GetClaim(id), Review.Editor)).AllowedActions);
    }

    [Fact]
    public async Task Second_editor_publishes_and_both_notes_are_kept_with_the_verdict()
    {
        var id = await Review.ClaimInStateAsync("in_review");
        await Review.ApproveAsync(id, Review.Editor, note: "I would rate it misleading, not false.");

        var published = await Review.ApproveAsync(id, Review.Editor2, note: "Agree with false.");

        Assert.Equal("published", published.Status);
        var verdict = (await App.QueryAsync(new GetClaim(id), Review.Editor)).Verdict!;
        Assert.Equal(1, verdict.Version);
        Assert.Equal(
            [(Review.Editor.UserId!.Value, "I would rate it misleading, not false."), (Review.Editor2.UserId!.Value, "Agree with false.")],
            verdict.Votes.Select(v => (v.VoterId, v.Note)).ToArray());
    }

    [Fact]
    public async Task Votes_on_a_draft_sent_back_do_not_count_for_the_resubmitted_draft()
    {
        var id = await Review.ClaimInStateAsync("in_review");
        await Review.ApproveAsync(id, Review.Editor);
        await Review.ActAsync(new RequestChanges { ClaimId = id, Version = await Review.VersionAsync(id), Comment = "Cite the second provider." }, Review.Editor2);
        await Review.SubmitAsync(id);

        var again = await Review.ApproveAsync(id, Review.Editor);

        Assert.Equal("in_review", again.Status);
        var page = await App.QueryAsync(new GetClaim(id), Review.Editor);
        Assert.Equal([Review.Editor.UserId!.Value], page.Review.PendingVerdict!.Votes.Select(v => v.VoterId));
        Assert.Equal("published", (await Review.ApproveAsync(id, Review.Editor2)).Status);
        Assert.Equal(
            [Review.Editor.UserId!.Value, Review.Editor2.UserId!.Value],
            (await App.QueryAsync(new GetClaim(id), Review.Editor)).Verdict!.Votes.Select(v => v.VoterId));
        Assert.Equal(
            ["returned:1", "published:2"],
            await App.RowsAsync<string>(
                "SELECT v.state || ':' || (SELECT count(*) FROM verdict_votes vv WHERE vv.verdict_id = v.id) FROM verdicts v WHERE v.claim_id = @id ORDER BY v.id",
                new { id }));
    }

    [Fact]
    public async Task The_author_never_counts_toward_the_quorum()
    {
        var id = await Review.NewClaimAsync();
        await Review.TriageAsync(id);
        await Review.AssignAsync(id, Review.Editor);
        await Review.StartAsync(id, Review.Editor);
        await Review.AddEvidenceAsync(id, Review.Editor);
        await Review.SubmitAsync(id, by: Review.Editor);
        var third = (await App.NewUserAsync(Roles.Editor)).Actor;

        await Review.ApproveAsync(id, Review.Editor2);
        await Assert.ThrowsAsync<ForbiddenException>(() => Review.ApproveAsync(id, Review.Editor));

        Assert.Equal("published", (await Review.ApproveAsync(id, third)).Status);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public TestApp App { get; } = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:Review:Approvals"] = "2" }).Start();

        public ReviewDriver Review { get; private set; } = null!;

        public async Task InitializeAsync() => Review = await ReviewDriver.CreateAsync(App);

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }
}
