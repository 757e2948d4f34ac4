using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Reminders;

/// An editor's deadline controls (extend, snooze) driven by the test clock through the real sweep and database.
public sealed class DeadlineControlTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private Task<int> SweepAsync() => app.SendAsync(new SendDueReminders(), Actor.System);

    private async Task<List<string>> InboxAsync(Actor who, long claimId) =>
        await app.RowsAsync<string>("SELECT kind FROM notifications WHERE user_id = @UserId AND claim_id = @claimId AND event_key IS NULL ORDER BY id", new { who.UserId, claimId });

    private async Task<Deadline> DeadlineAsync(long claimId, Actor? reader = null) =>
        (await app.QueryAsync(new GetClaim(claimId), reader ?? await app.ActorAsync("editor"))).Review.Deadline
        ?? throw new InvalidOperationException($"Claim {claimId} has no running deadline.");

    private Task<DateTimeOffset> LadderDueAsync(long claimId) =>
        app.ScalarAsync<DateTimeOffset>("SELECT due_at FROM ladders WHERE claim_id = @claimId AND ended_at IS NULL", new { claimId });

    [Fact]
    public async Task The_claim_reads_its_stage_deadline_as_on_track_then_due_soon_then_overdue()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var id = await review.ClaimInStateAsync("researching");
        var start = app.Clock.GetUtcNow();
        var due = await LadderDueAsync(id);

        var deadline = await DeadlineAsync(id);
        Assert.Equal(("verdict", due, Deadline.OnTrack), (deadline.Stage, deadline.DueAt, deadline.State));
        Assert.Equal(start + ((due - start) * 0.75), deadline.DueSoonAt, TimeSpan.FromSeconds(1));

        app.Clock.SetUtcNow(start + ((due - start) * 0.76));
        Assert.Equal(Deadline.DueSoon, (await DeadlineAsync(id, review.Checker)).State);

        app.Clock.SetUtcNow(due.AddMinutes(1));
        Assert.Equal(Deadline.Overdue, (await DeadlineAsync(id)).State);

        await review.AddEvidenceAsync(id);
        await review.SubmitAsync(id);
        deadline = await DeadlineAsync(id);
        Assert.Equal(("review", app.Clock.GetUtcNow().AddHours(12), Deadline.OnTrack), (deadline.Stage, deadline.DueAt, deadline.State));
    }

    [Fact]
    public async Task Extending_the_deadline_restarts_the_ladder_so_due_soon_fires_once_for_the_new_deadline_and_the_old_one_stays_silent()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var id = await review.ClaimInStateAsync("researching");
        var start = app.Clock.GetUtcNow();
        var oldDue = await LadderDueAsync(id);
        app.Clock.SetUtcNow(start + ((oldDue - start) * 0.8));
        await SweepAsync();
        Assert.Equal(["due-soon"], await InboxAsync(review.Checker, id));

        var extendedAt = app.Clock.GetUtcNow();
        var newDue = extendedAt.AddDays(4);
        var result = await app.SendAsync(
            new ExtendDeadline { ClaimId = id, Version = await review.VersionAsync(id), DueAt = newDue, Reason = "Waiting for the ministry's data." }, review.Editor);

        Assert.Equal(await review.VersionAsync(id), result.Version);
        Assert.Equal(newDue, await LadderDueAsync(id));
        Assert.Equal(newDue, await app.ScalarAsync<DateTimeOffset>("SELECT due_at FROM claims WHERE id = @id", new { id }));
        Assert.Equal(2, await app.ScalarAsync<long>("SELECT count(*) FROM ladders WHERE claim_id = @id", new { id }));
        var deadline = await DeadlineAsync(id);
        Assert.Equal((newDue, Deadline.OnTrack), (deadline.DueAt, deadline.State));
        Assert.Equal(extendedAt + ((newDue - extendedAt) * 0.75), deadline.DueSoonAt, TimeSpan.FromSeconds(1));

        // The old deadline passes: its ladder ended, so no overdue for it.
        app.Clock.SetUtcNow(oldDue.AddHours(1));
        await SweepAsync();
        Assert.Equal(["due-soon"], await InboxAsync(review.Checker, id));

        app.Clock.SetUtcNow(deadline.DueSoonAt.AddMinutes(1));
        await SweepAsync();
        await SweepAsync();
        Assert.Equal(["due-soon", "due-soon"], await InboxAsync(review.Checker, id));

        app.Clock.SetUtcNow(newDue.AddMinutes(1));
        await SweepAsync();
        await SweepAsync();
        Assert.Equal(["due-soon", "due-soon", "overdue"], await InboxAsync(review.Checker, id));
        var sent = (await app.QueryAsync(new GetClaim(id), review.Editor)).Review.Reminders;
        Assert.Equal(
            [("overdue", "Budi Checker", "sent"), ("due-soon", "Budi Checker", "sent"), ("due-soon", "Budi Checker", "sent")],
            sent.Select(r => (r.Step, r.Recipient.Name, r.Outcome)));
    }

    [Fact]
    public async Task Extending_a_review_deadline_moves_only_the_review_and_keeps_the_claims_due_date()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var id = await review.ClaimInStateAsync("in_review");
        var claimDue = await app.ScalarAsync<DateTimeOffset>("SELECT due_at FROM claims WHERE id = @id", new { id });
        var newDue = app.Clock.GetUtcNow().AddDays(2);

        await app.SendAsync(new ExtendDeadline { ClaimId = id, Version = await review.VersionAsync(id), DueAt = newDue }, review.Editor);

        var deadline = await DeadlineAsync(id);
        Assert.Equal(("review", newDue), (deadline.Stage, deadline.DueAt));
        Assert.Equal(claimDue, await app.ScalarAsync<DateTimeOffset>("SELECT due_at FROM claims WHERE id = @id", new { id }));
        app.Clock.SetUtcNow(newDue.AddMinutes(-1));
        await SweepAsync();
        Assert.Empty(await InboxAsync(review.Editor2, id));
        app.Clock.SetUtcNow(newDue.AddMinutes(1));
        await SweepAsync();
        Assert.Equal(["waiting-for-review"], await InboxAsync(review.Editor2, id));
    }

    [Fact]
    public async Task Snoozed_reminders_wait_until_the_snooze_ends_and_then_only_the_latest_news_goes_out_once()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var id = await review.ClaimInStateAsync("researching");
        var start = app.Clock.GetUtcNow();
        var due = await LadderDueAsync(id);
        var until = due.AddHours(2);

        await app.SendAsync(new SnoozeReminders { ClaimId = id, Until = until, Reason = "Checker on leave until Monday." }, review.Editor);
        Assert.Equal(until, (await DeadlineAsync(id)).SnoozedUntil);

        app.Clock.SetUtcNow(start + ((due - start) * 0.8));
        await SweepAsync();
        app.Clock.SetUtcNow(due.AddHours(1));
        await SweepAsync();
        Assert.Empty(await InboxAsync(review.Checker, id));
        Assert.Equal(Deadline.Overdue, (await DeadlineAsync(id)).State);

        app.Clock.SetUtcNow(until.AddMinutes(1));
        await SweepAsync();
        await SweepAsync();

        Assert.Equal(["overdue"], await InboxAsync(review.Checker, id));
        var reminders = (await app.QueryAsync(new GetClaim(id), review.Editor)).Review.Reminders;
        Assert.Equal([("overdue", "sent"), ("due-soon", "skipped")], reminders.Select(r => (r.Step, r.Outcome)));
        var audit = await app.RowsAsync<string>(
            "SELECT action FROM audit_log WHERE entity = 'claim' AND entity_id = CAST(@id AS TEXT) AND action IN ('SnoozeReminders', 'SendReminder') ORDER BY id", new { id });
        Assert.Equal(["SnoozeReminders", "SendReminder"], audit);
    }

    [Fact]
    public async Task A_fact_checker_can_neither_extend_a_deadline_nor_snooze_reminders_and_nothing_is_written()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var id = await review.ClaimInStateAsync("researching");
        var before = await review.SnapshotAsync(id);
        var ladder = await app.RowsAsync<(long, string, string?)>("SELECT id, due_at, snoozed_until FROM ladders WHERE claim_id = @id", new { id });

        var extend = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(
            new ExtendDeadline { ClaimId = id, Version = before.Version, DueAt = app.Clock.GetUtcNow().AddDays(9) }, review.Checker));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(
            new SnoozeReminders { ClaimId = id, Until = app.Clock.GetUtcNow().AddDays(1) }, review.Checker));

        Assert.Contains("editor", extend.Message, StringComparison.Ordinal);
        Assert.Equal(before, await review.SnapshotAsync(id));
        Assert.Equal(ladder, await app.RowsAsync<(long, string, string?)>("SELECT id, due_at, snoozed_until FROM ladders WHERE claim_id = @id", new { id }));
    }

    [Fact]
    public async Task A_stale_version_or_a_claim_without_a_running_deadline_is_refused_and_nothing_changes()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var researching = await review.ClaimInStateAsync("researching");
        var triaged = await review.ClaimInStateAsync("triaged");
        var version = await review.VersionAsync(researching);
        var due = await LadderDueAsync(researching);

        var stale = await Assert.ThrowsAsync<ConflictException>(() => app.SendAsync(
            new ExtendDeadline { ClaimId = researching, Version = version - 1, DueAt = due.AddDays(1) }, review.Editor));
        var triagedVersion = await review.VersionAsync(triaged);
        var noDeadline = await Assert.ThrowsAsync<ConflictException>(() => app.SendAsync(
            new ExtendDeadline { ClaimId = triaged, Version = triagedVersion, DueAt = due.AddDays(1) }, review.Editor));
        var noSnooze = await Assert.ThrowsAsync<ConflictException>(() => app.SendAsync(
            new SnoozeReminders { ClaimId = triaged, Until = due }, review.Editor));

        Assert.Contains($"now version {version}", stale.Message, StringComparison.Ordinal);
        Assert.Contains("no running deadline", noDeadline.Message, StringComparison.Ordinal);
        Assert.Contains("no running deadline", noSnooze.Message, StringComparison.Ordinal);
        Assert.Equal((version, due), (await review.VersionAsync(researching), await LadderDueAsync(researching)));
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM ladders WHERE claim_id = @triaged", new { triaged }));
    }
}
