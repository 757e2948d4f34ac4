using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;

namespace FactCheck.Tests.Reminders;

/// A ladder belongs to one stage and one person: when the stage ends or the person changes, its steps never fire,
/// not even one whose time had already come when the stage ended but that no sweep had sent yet.
/// Default desk settings: due soon at 75 %, escalation 4 h after the deadline, 12 h for a review.
public sealed class LadderStageEndTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Submitting_stops_the_verdict_ladder_even_for_a_step_due_but_not_yet_swept()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var start = r.Now;
        var id = await r.ResearchingAsync(TimeSpan.FromHours(10));

        r.At(start.AddHours(9));
        await r.SubmitAsync(id);
        await r.SweepAsync();
        r.At(start.AddDays(5));
        await r.SweepAsync();

        Assert.Empty(await r.ToldAsync(r.Review.Checker, id));
        Assert.DoesNotContain(await r.RemindersAsync(id), x => x.Step is "due-soon" or "overdue" or "escalation");
        // The review stage that began with the submission has its own ladder: the editors hear about it, once.
        Assert.Equal(["waiting-for-review"], await r.ToldAsync(r.Review.Editor, id));
        Assert.Equal(["waiting-for-review"], await r.ToldAsync(r.Review.Editor2, id));
    }

    [Fact]
    public async Task Merging_a_claim_into_its_original_stops_its_ladder_with_every_step_already_due()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var start = r.Now;
        var id = await r.ResearchingAsync(TimeSpan.FromHours(10));
        var original = await r.Review.ClaimInStateAsync("triaged");

        r.At(start.AddDays(2));
        await app.SendAsync(new LinkClaims { FromClaimId = id, ToClaimId = original, Relation = "same-as" }, r.Review.Editor);
        await r.SweepAsync();

        Assert.Equal("merged", await r.Review.StatusAsync(id));
        Assert.Empty(await r.ToldAsync(r.Review.Checker, id));
        Assert.Empty(await r.ToldAsync(r.Review.Editor, id));
        Assert.Empty(await r.RemindersAsync(id));
        Assert.All(await r.LaddersAsync(id), l => Assert.Equal(start.AddDays(2), l.EndedAt));
    }

    [Fact]
    public async Task Approving_stops_the_review_ladder_even_when_the_review_was_already_late()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var id = await r.Review.ClaimInStateAsync("in_review");
        var submitted = r.Now;

        r.At(submitted.AddHours(13));
        Assert.Equal("published", (await r.Review.ApproveAsync(id, r.Review.Editor2)).Status);
        await r.SweepAsync();
        r.At(submitted.AddDays(10));
        await r.SweepAsync();

        Assert.Empty(await r.RemindersAsync(id));
        Assert.Empty(await r.ToldAsync(r.Review.Editor, id));
        Assert.Empty(await r.ToldAsync(r.Review.Editor2, id));
        Assert.Empty(await r.ToldAsync(r.Review.Checker, id));
        Assert.DoesNotContain(await r.LaddersAsync(id), l => l.EndedAt is null);
    }

    [Fact]
    public async Task Reassigning_silences_the_old_assignee_and_gives_the_new_one_a_ladder_of_their_own()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var start = r.Now;
        var id = await r.ResearchingAsync(TimeSpan.FromHours(10), by: r.Review.Editor);
        r.At(start.AddHours(7.5));
        await r.SweepAsync();
        Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, id));

        // The checker's overdue step has come but not been swept when editor2 hands the claim on with a new due time.
        r.At(start.AddHours(10).AddMinutes(30));
        await r.Review.ActAsync(new ReassignClaim { ClaimId = id, Version = await r.Review.VersionAsync(id), AssigneeId = r.Review.Checker2.UserId!.Value, DueAt = r.Now.AddHours(8) }, r.Review.Editor2);
        var reassigned = r.Now;
        await r.SweepAsync();
        Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, id));
        Assert.Empty(await r.ToldAsync(r.Review.Checker2, id));

        var ladder = await r.OpenLadderAsync(id);
        Assert.Equal((r.Review.Checker2.UserId, r.Review.Editor2.UserId, reassigned, reassigned.AddHours(6)), (ladder.ActorId, ladder.EscalateTo, ladder.StartedAt, ladder.DueSoonAt));

        r.At(reassigned.AddHours(6));
        await r.SweepAsync();
        Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker2, id));
        r.At(reassigned.AddHours(8));
        await r.SweepAsync();
        r.At(reassigned.AddHours(12));
        await r.SweepAsync();
        r.At(reassigned.AddDays(20));
        await r.SweepAsync();

        Assert.Equal(["due-soon", "overdue"], await r.ToldAsync(r.Review.Checker2, id));
        Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, id));
        Assert.Equal(["escalation"], await r.ToldAsync(r.Review.Editor2, id));
        Assert.Empty(await r.ToldAsync(r.Review.Editor, id));
    }

    [Fact]
    public async Task Requesting_changes_starts_a_new_verdict_ladder_towards_the_same_due_time()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var start = r.Now;
        var id = await r.ResearchingAsync(TimeSpan.FromHours(10));
        r.At(start.AddHours(7.5));
        await r.SweepAsync();
        var first = (await r.LaddersAsync(id)).Single();

        r.At(start.AddHours(8));
        await r.SubmitAsync(id);
        await r.Review.ActAsync(new RequestChanges { ClaimId = id, Version = await r.Review.VersionAsync(id), Comment = "Find a second source." }, r.Review.Editor2);

        var ladder = await r.OpenLadderAsync(id);
        Assert.NotEqual(first.Id, ladder.Id);
        Assert.Equal(("verdict", r.Review.Checker.UserId, start.AddHours(8), start.AddHours(9.5), start.AddHours(10)), (ladder.Stage, ladder.ActorId, ladder.StartedAt, ladder.DueSoonAt, ladder.DueAt));

        r.At(start.AddHours(9.5));
        await r.SweepAsync();
        r.At(start.AddHours(10));
        await r.SweepAsync();
        await r.SweepAsync();

        Assert.Equal(["due-soon", "due-soon", "overdue"], await r.ToldAsync(r.Review.Checker, id));
        Assert.Equal(
            [(first.Id, "due-soon"), (ladder.Id, "due-soon"), (ladder.Id, "overdue")],
            (await r.RemindersAsync(id)).Select(x => (x.LadderId, x.Step)));
        Assert.Empty(await r.ToldAsync(r.Review.Editor2, id));
    }

    [Fact]
    public async Task A_correction_starts_a_new_verdict_ladder_on_the_priority_sla()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var id = await r.Review.ClaimInStateAsync("published");
        var before = await r.LaddersAsync(id);
        Assert.Equal(["verdict", "review"], before.Select(l => l.Stage));

        // Long after the original due date, so the high-priority SLA (24 h) sets the new deadline.
        r.At(r.Now.AddDays(10));
        var opened = r.Now;
        await r.Review.CorrectAsync(id);
        var ladder = await r.OpenLadderAsync(id);
        Assert.Equal(("verdict", r.Review.Checker.UserId, r.Review.Editor.UserId, opened.AddHours(24)), (ladder.Stage, ladder.ActorId, ladder.EscalateTo, ladder.DueAt));

        r.At(opened.AddHours(18));
        await r.SweepAsync();
        r.At(opened.AddHours(24));
        await r.SweepAsync();
        r.At(opened.AddHours(28));
        await r.SweepAsync();

        Assert.Equal(["due-soon", "overdue"], await r.ToldAsync(r.Review.Checker, id));
        Assert.Equal(["escalation"], await r.ToldAsync(r.Review.Editor, id));
        Assert.All(await r.RemindersAsync(id), x => Assert.Equal(ladder.Id, x.LadderId));
    }

    [Fact]
    public async Task Unmerging_a_claim_restarts_its_ladder_and_the_merged_one_stays_silent()
    {
        var r = await ReminderDriver.CreateAsync(app);
        var start = r.Now;
        var id = await r.ResearchingAsync(TimeSpan.FromHours(10));
        var original = await r.Review.ClaimInStateAsync("triaged");
        var link = await app.SendAsync(new LinkClaims { FromClaimId = id, ToClaimId = original, Relation = "same-as" }, r.Review.Editor);

        r.At(start.AddHours(8));
        await r.SweepAsync();
        await app.SendAsync(new UnlinkClaims(id, link), r.Review.Editor);
        await r.SweepAsync();

        var ladders = await r.LaddersAsync(id);
        Assert.Equal(2, ladders.Count);
        Assert.Equal(("researching", start.AddHours(8), start.AddHours(9.5)), (await r.Review.StatusAsync(id), ladders[1].StartedAt, ladders[1].DueSoonAt));
        Assert.Empty(await r.ToldAsync(r.Review.Checker, id));

        r.At(start.AddHours(9.5));
        await r.SweepAsync();
        Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, id));
        Assert.Equal([ladders[1].Id], (await r.RemindersAsync(id)).Select(x => x.LadderId));
    }
}
