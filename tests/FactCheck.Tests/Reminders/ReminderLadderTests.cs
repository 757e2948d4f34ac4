using FactCheck.Tests.Review;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Reminders;

/// The reminder ladder driven by the test clock through the real sweep and database.
public sealed class ReminderLadderTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private Task<int> SweepAsync() => app.SendAsync(new SendDueReminders(), Actor.System);

    private async Task<List<string>> InboxAsync(Actor who) =>
        await app.RowsAsync<string>("SELECT kind FROM notifications WHERE user_id = @UserId ORDER BY id", new { who.UserId });

    [Fact]
    public async Task Due_soon_then_overdue_then_escalation_each_once_and_submitting_stops_the_ladder()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var id = await review.ClaimInStateAsync("researching");
        var due = await app.ScalarAsync<DateTimeOffset>("SELECT due_at FROM ladders WHERE claim_id = @id AND ended_at IS NULL", new { id });
        var start = app.Clock.GetUtcNow();

        await SweepAsync();
        Assert.Empty(await InboxAsync(review.Checker));

        app.Clock.SetUtcNow(start + (due - start) * 0.76);
        await SweepAsync();
        await SweepAsync();
        Assert.Equal(["due-soon"], await InboxAsync(review.Checker));

        app.Clock.SetUtcNow(due.AddMinutes(1));
        await SweepAsync();
        Assert.Equal(["due-soon", "overdue"], await InboxAsync(review.Checker));
        Assert.Empty(await InboxAsync(review.Editor));

        app.Clock.SetUtcNow(due.AddHours(4).AddMinutes(1));
        await SweepAsync();
        Assert.Equal(["escalation"], await InboxAsync(review.Editor));

        await review.AddEvidenceAsync(id);
        await review.SubmitAsync(id);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await SweepAsync();
        Assert.Equal(["due-soon", "overdue"], await InboxAsync(review.Checker));
        Assert.Contains("waiting-for-review", await InboxAsync(review.Editor2));
    }
}
