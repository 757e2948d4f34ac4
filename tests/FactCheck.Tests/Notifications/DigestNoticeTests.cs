using FactCheck.Tests.Review;
using FactCheck.Web.Features.Comments;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Notifications;

/// The daily digest recalls the work notifications a person has not read since their last digest.
public sealed class DigestNoticeTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private Task<List<(string Title, string Body)>> DigestsAsync(Actor to) => app.RowsAsync<(string Title, string Body)>(
        "SELECT title, coalesce(body, '') FROM notifications WHERE user_id = @UserId AND kind = 'digest' ORDER BY id", new { to.UserId });

    [Fact]
    public async Task The_digest_lists_unread_work_notifications_and_reaches_someone_with_no_claims_of_their_own()
    {
        var r = await ReviewDriver.CreateAsync(app);
        var (_, _, checker) = await app.NewUserAsync(Roles.FactChecker);
        var (mentionedName, _, mentioned) = await app.NewUserAsync(Roles.FactChecker);
        var id = await r.ClaimInStateAsync("triaged");
        await r.AssignAsync(id, checker);
        await app.SendAsync(new AddComment { ClaimId = id, Body = $"@{mentionedName} knows the district office." }, r.Editor);
        await app.SendAsync(new AddComment { ClaimId = id, Body = "A comment the checker reads at once." }, r.Editor2);
        var read = await app.ScalarAsync<long>("SELECT max(id) FROM notifications WHERE user_id = @UserId", new { checker.UserId });
        await app.SendAsync(new MarkNotificationRead(read), checker);

        // The next 08:00 in Jakarta (01:00 UTC), less than a day after the work was told.
        var now = app.Clock.GetUtcNow();
        var eight = new DateTimeOffset(now.UtcDateTime.Date.AddHours(1), TimeSpan.Zero);
        app.Clock.SetUtcNow(eight > now ? eight : eight.AddDays(1));
        await app.SendAsync(new SendDailyDigests(), Actor.System);

        var (title, body) = Assert.Single(await DigestsAsync(checker));
        Assert.Equal("Your work today: 1 claim, 2 unread notifications", title);
        Assert.Contains($"Unread since your last digest (2):\n• Eka Editor commented on: A claim under review /claims/{id}\n• Assigned to you: A claim under review /claims/{id}", body);
        Assert.DoesNotContain("Dewi Editor commented on", body);
        var (mentionTitle, mentionBody) = Assert.Single(await DigestsAsync(mentioned));
        Assert.Equal("Your digest: 1 unread notification", mentionTitle);
        Assert.Contains("Eka Editor mentioned you on: A claim under review", mentionBody);

        // The next day's digest does not repeat them.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.SendAsync(new SendDailyDigests(), Actor.System);
        Assert.Single(await DigestsAsync(mentioned));
        Assert.DoesNotContain("Unread since", (await DigestsAsync(checker))[^1].Body);
    }
}
