using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using FactCheck.Tests.Components;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using ClaimPage = FactCheck.Web.Features.ClaimDesk.ClaimPage;

namespace FactCheck.Tests.Reminders;

/// An app of its own: these tests move the clock (forward only, so tests of one class can share it).
public sealed class DeadlineClockApp : IDisposable
{
    public TestApp App { get; } = new TestApp().Start();

    public void Dispose() => App.Dispose();
}

/// The claim page rendered by bUnit for one demo account, on an app whose clock the test moves.
public abstract class ClockedPageTest(TestApp app, string username, string role) : PageTest(app, username, role)
{
    protected Task<int> SweepAsync() => App.SendAsync(new SendDueReminders(), Actor.System);

    protected Task<DateTimeOffset> LadderDueAsync(long claimId) =>
        App.ScalarAsync<DateTimeOffset>("SELECT due_at FROM ladders WHERE claim_id = @claimId AND ended_at IS NULL", new { claimId });

    protected static IElement? Badge(IRenderedComponent<ClaimPage> page, string name) =>
        page.FindAll($"[data-testid=review-panel] [data-testid={name}]") is { Count: > 0 } found ? found[0] : null;

    /// Staff pages write instants in the newsroom's zone (Asia/Jakarta by default), labelled with its abbreviation.
    /// A deadline at midnight there is a due date picked as a day, and reads as that day.
    protected static string Wib(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
        return local.TimeOfDay == TimeSpan.Zero
            ? local.AddDays(-1).ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + ", end of day WIB"
            : local.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " WIB";
    }
}

public sealed class DeadlinePanelTests(DeadlineClockApp fixture) : ClockedPageTest(fixture.App, "editor", Roles.Editor), IClassFixture<DeadlineClockApp>
{
    [Fact]
    public async Task The_due_soon_badge_appears_on_an_open_page_when_the_clock_passes_three_quarters_of_the_time_then_turns_overdue()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var start = App.Clock.GetUtcNow();
        var due = await LadderDueAsync(id);
        var page = ReviewPage.Render(this, id);
        Assert.Equal("Verdict due", page.Find("[data-testid=due]").PreviousElementSibling!.TextContent);
        Assert.Contains(Wib(due), page.Find("[data-testid=due]").TextContent);
        Assert.Null(Badge(page, "due-soon"));

        App.Clock.SetUtcNow(start + ((due - start) * 0.74));
        page.Render();
        Assert.Null(Badge(page, "due-soon"));

        App.Clock.SetUtcNow(start + ((due - start) * 0.76));
        page.WaitForAssertion(() => Assert.Equal("due soon", Badge(page, "due-soon")?.TextContent.Trim()));
        Assert.Null(Badge(page, "overdue"));

        App.Clock.SetUtcNow(due.AddMinutes(1));
        page.WaitForAssertion(() => Assert.NotNull(Badge(page, "overdue")));
        Assert.Null(Badge(page, "due-soon"));
    }

    [Fact]
    public async Task A_verdict_in_review_shows_the_review_deadline()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("in_review");

        var page = ReviewPage.Render(this, id);

        var due = page.Find("[data-testid=due]");
        Assert.Equal(("Review due", "review"), (due.PreviousElementSibling!.TextContent, due.GetAttribute("data-stage")));
        Assert.Contains(Wib(await LadderDueAsync(id)), due.TextContent);
    }

    [Fact]
    public async Task An_editor_moves_the_deadline_to_a_day_and_time_and_the_history_gives_the_reason()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var day = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(4);
        var expected = new DateTimeOffset(day.ToDateTime(new TimeOnly(15, 30)), TimeSpan.FromHours(7));
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=extend-deadline]").Click();
        page.Find("#extend-due-date").Change(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        page.Find("#extend-due-time").Change("15:30");
        page.Find("#extend-reason").Change("Waiting for the ministry's figures.");
        page.Find("[data-testid=form-extend-deadline] form").Submit();

        page.WaitForAssertion(() => Assert.Contains($"Verdict deadline moved to {Wib(expected)}", ReviewPage.History(page)[0]));
        Assert.Equal(expected, await LadderDueAsync(id));
        Assert.Contains(Wib(expected), page.Find("[data-testid=due]").TextContent);
        Assert.Equal("Reason: Waiting for the ministry's figures.", page.FindAll("[data-testid=history-entry]")[0].QuerySelector("[data-testid=history-note]")!.TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=form-extend-deadline]"));
    }

    [Fact]
    public async Task Extending_without_a_day_is_refused_next_to_the_field_and_nothing_is_written()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var version = await review.VersionAsync(id);
        var page = ReviewPage.Render(this, id);

        page.Find("[data-testid=extend-deadline]").Click();
        page.Find("[data-testid=form-extend-deadline] form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Give a due date.", page.Find("[data-testid=form-extend-deadline]").TextContent));
        Assert.Equal(version, await review.VersionAsync(id));
        Assert.Empty(page.FindAll("[data-testid=action-error]"));
    }

    [Fact]
    public async Task A_claim_changed_under_the_form_is_reported_readably_and_the_deadline_stays()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var due = await LadderDueAsync(id);
        var page = ReviewPage.Render(this, id);
        page.Find("[data-testid=extend-deadline]").Click();
        // Someone else's change that this page was not told about.
        await App.RowsAsync<long>("UPDATE claims SET version = version + 1 WHERE id = @id RETURNING id", new { id });

        page.Find("#extend-due-date").Change(DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        page.Find("[data-testid=form-extend-deadline] form").Submit();

        page.WaitForAssertion(() => Assert.Contains("changed since you loaded it", page.Find("[data-testid=action-error]").TextContent));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=deadline-changed-elsewhere]")));
        Assert.Equal(due, await LadderDueAsync(id));
    }

    [Fact]
    public async Task An_editor_snoozes_the_reminders_and_the_panel_and_history_say_until_when()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var page = ReviewPage.Render(this, id);
        Assert.Empty(page.FindAll("[data-testid=snoozed-until]"));

        page.Find("[data-testid=snooze-reminders]").Click();
        page.FindAll("[data-testid=snooze-pick]")[1].Click();
        page.Find("#snooze-reason").Change("Checker at a hearing all day.");
        page.Find("[data-testid=form-snooze-reminders] form").Submit();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=snoozed-until]")));
        var until = await App.ScalarAsync<DateTimeOffset>("SELECT snoozed_until FROM ladders WHERE claim_id = @id AND ended_at IS NULL", new { id });
        Assert.Equal(App.Clock.GetUtcNow().AddDays(1), until, TimeSpan.FromMinutes(1));
        Assert.Contains(Wib(until), page.Find("[data-testid=snoozed-until]").TextContent);
        Assert.Contains($"Reminders snoozed until {Wib(until)}", ReviewPage.History(page)[0]);
    }

    [Fact]
    public async Task Reminders_sent_are_listed_with_their_recipients_and_the_history_names_the_step()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var start = App.Clock.GetUtcNow();
        var due = await LadderDueAsync(id);
        App.Clock.SetUtcNow(start + ((due - start) * 0.8));
        await SweepAsync();

        var page = ReviewPage.Render(this, id);

        var reminder = page.Find("[data-testid=reminders-sent] [data-testid=reminder]");
        Assert.Equal("due-soon", reminder.GetAttribute("data-step"));
        Assert.Contains("due soon → Budi Checker", reminder.TextContent);
        Assert.Contains("Reminder sent: due soon", ReviewPage.History(page)[0]);
    }
}

public sealed class DeadlinePanelAsCheckerTests(DeadlineClockApp fixture) : ClockedPageTest(fixture.App, "checker", Roles.FactChecker), IClassFixture<DeadlineClockApp>
{
    [Fact]
    public async Task A_fact_checker_sees_the_deadline_and_its_badge_but_no_extend_or_snooze()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("researching");
        var start = App.Clock.GetUtcNow();
        var due = await LadderDueAsync(id);
        App.Clock.SetUtcNow(start + ((due - start) * 0.9));

        var page = ReviewPage.Render(this, id);

        Assert.NotNull(Badge(page, "due-soon"));
        Assert.Contains(Wib(due), page.Find("[data-testid=due]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=extend-deadline]"));
        Assert.Empty(page.FindAll("[data-testid=snooze-reminders]"));
    }
}
