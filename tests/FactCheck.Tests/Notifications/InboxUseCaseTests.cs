using System.Text.Json;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Notifications;

/// The inbox use cases through the real pipeline, each test with fresh accounts so the shared database's other
/// notifications never count.
[Collection(SharedAppCollection.Name)]
public sealed class InboxUseCaseTests(SharedApp shared)
{
    private TestApp App => shared.App;

    /// A notification as the reminder sweep writes it (the sweep itself is exercised in InboxLiveTests).
    internal static Task<long> NotifyAsync(TestApp app, Actor to, string title, long? claimId = null, string kind = "due-soon") =>
        app.ScalarAsync<long>(
            """
            INSERT INTO notifications (user_id, claim_id, kind, title, body, created_at)
            VALUES (@UserId, @claimId, @kind, @title, 'Body of ' || @title, @now)
            RETURNING id
            """,
            new { to.UserId, claimId, kind, title, now = DateTimeOffset.UtcNow });

    private Task<long> NotificationAuditsAsync(long id) =>
        App.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'notification' AND entity_id = CAST(@id AS TEXT)", new { id });

    [Fact]
    public async Task The_inbox_shows_only_my_notifications_newest_first_with_the_claim_title()
    {
        var (_, _, me) = await App.NewUserAsync(Roles.FactChecker);
        var (_, _, other) = await App.NewUserAsync(Roles.FactChecker);
        var claimId = await (await ReviewDriver.CreateAsync(App)).NewClaimAsync(title: "Inbox claim title");
        var older = await NotifyAsync(App, me, "Due soon: Inbox claim title", claimId);
        var theirs = await NotifyAsync(App, other, "Not yours");
        var newer = await NotifyAsync(App, me, "Daily digest", kind: "digest");

        var inbox = await App.QueryAsync(new ListNotifications(), me);

        Assert.Equal([newer, older], inbox.Select(n => n.Id));
        Assert.All(inbox, n => Assert.True(n.Unread));
        Assert.Equal(claimId, inbox[1].ClaimId);
        Assert.Equal("Inbox claim title", inbox[1].ClaimTitle);
        Assert.Null(inbox[0].ClaimId);
        Assert.Equal([theirs], (await App.QueryAsync(new ListNotifications(), other)).Select(n => n.Id));
        Assert.Equal(2, await App.QueryAsync(new CountUnreadNotifications(), me));
    }

    [Fact]
    public async Task Unread_only_before_and_limit_page_through_the_inbox()
    {
        var (_, _, me) = await App.NewUserAsync(Roles.Editor);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await NotifyAsync(App, me, $"Reminder {i}"));
        }

        await App.SendAsync(new MarkNotificationRead(ids[3]), me);

        var firstPage = await App.QueryAsync(new ListNotifications { Limit = 2 }, me);
        var secondPage = await App.QueryAsync(new ListNotifications { Limit = 2, Before = firstPage[^1].Id }, me);
        var unread = await App.QueryAsync(new ListNotifications { UnreadOnly = true }, me);

        Assert.Equal([ids[4], ids[3]], firstPage.Select(n => n.Id));
        Assert.False(firstPage[1].Unread);
        Assert.Equal([ids[2], ids[1]], secondPage.Select(n => n.Id));
        Assert.Equal([ids[4], ids[2], ids[1], ids[0]], unread.Select(n => n.Id));
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.QueryAsync(new ListNotifications { Limit = 0 }, me));
    }

    [Fact]
    public async Task Marking_someone_elses_notification_read_is_not_found_and_changes_nothing()
    {
        var (_, _, owner) = await App.NewUserAsync(Roles.FactChecker);
        var (_, _, intruder) = await App.NewUserAsync(Roles.Editor);
        var id = await NotifyAsync(App, owner, "Overdue: something");

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new MarkNotificationRead(id), intruder));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new MarkNotificationRead(long.MaxValue), intruder));
        await App.SendAsync(new MarkAllNotificationsRead(), intruder);

        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE id = @id AND read_at IS NOT NULL", new { id }));
        Assert.Equal(0, await NotificationAuditsAsync(id));
        Assert.True(Assert.Single(await App.QueryAsync(new ListNotifications(), owner)).Unread);
    }

    [Fact]
    public async Task Marking_read_twice_is_harmless_and_audited_once()
    {
        var (_, _, me) = await App.NewUserAsync(Roles.FactChecker);
        var id = await NotifyAsync(App, me, "Due soon: twice");
        var keep = await NotifyAsync(App, me, "Due soon: untouched");

        await App.SendAsync(new MarkNotificationRead(id), me);
        await App.SendAsync(new MarkNotificationRead(id), me);

        Assert.Equal(1, await NotificationAuditsAsync(id));
        Assert.Equal(1, await App.QueryAsync(new CountUnreadNotifications(), me));
        Assert.Equal([keep], (await App.QueryAsync(new ListNotifications { UnreadOnly = true }, me)).Select(n => n.Id));
    }

    [Fact]
    public async Task Mark_all_read_marks_only_mine_and_says_how_many()
    {
        var (_, _, me) = await App.NewUserAsync(Roles.Editor);
        var (_, _, other) = await App.NewUserAsync(Roles.Editor);
        await NotifyAsync(App, me, "One");
        await NotifyAsync(App, me, "Two");
        await NotifyAsync(App, other, "Theirs");

        Assert.Equal(2, await App.SendAsync(new MarkAllNotificationsRead(), me));
        Assert.Equal(0, await App.SendAsync(new MarkAllNotificationsRead(), me));

        Assert.Equal(0, await App.QueryAsync(new CountUnreadNotifications(), me));
        Assert.Equal(1, await App.QueryAsync(new CountUnreadNotifications(), other));
        var audit = await App.RowsAsync<string>(
            "SELECT after_json FROM audit_log WHERE entity = 'user' AND entity_id = CAST(@UserId AS TEXT) AND action = 'MarkAllNotificationsRead'", new { me.UserId });
        Assert.Equal(2, JsonDocument.Parse(Assert.Single(audit)).RootElement.GetProperty("notificationsMarkedRead").GetInt32());
    }

    [Fact]
    public async Task Preferences_round_trip_for_my_own_account_and_are_audited()
    {
        var (_, _, me) = await App.NewUserAsync(Roles.FactChecker);
        var (_, _, other) = await App.NewUserAsync(Roles.FactChecker);

        var before = await App.QueryAsync(new GetNotificationPreferences(), me);
        await App.SendAsync(new SetNotificationPreferences { EmailReminders = false, DailyDigest = true }, me);
        await App.SendAsync(new SetNotificationPreferences { EmailReminders = false, DailyDigest = true }, me);
        var after = await App.QueryAsync(new GetNotificationPreferences(), me);

        Assert.True(before.EmailReminders);
        Assert.True(before.DailyDigest);
        Assert.False(before.MailConfigured);
        Assert.False(after.EmailReminders);
        Assert.True(after.DailyDigest);
        Assert.True((await App.QueryAsync(new GetNotificationPreferences(), other)).EmailReminders);
        var audit = Assert.Single(await App.RowsAsync<(string Before, string After)>(
            "SELECT before_json, after_json FROM audit_log WHERE entity = 'user' AND entity_id = CAST(@UserId AS TEXT) AND action = 'SetNotificationPreferences'",
            new { me.UserId }));
        Assert.False(JsonDocument.Parse(audit.After).RootElement.GetProperty("emailReminders").GetBoolean());
        Assert.True(JsonDocument.Parse(audit.Before).RootElement.GetProperty("emailReminders").GetBoolean());
    }

    [Fact]
    public async Task Nobody_signed_out_reads_or_changes_an_inbox()
    {
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.QueryAsync(new ListNotifications(), Actor.Anonymous));
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.QueryAsync(new CountUnreadNotifications(), Actor.Anonymous));
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.SendAsync(new MarkAllNotificationsRead(), Actor.Anonymous));
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.SendAsync(new SetNotificationPreferences(), Actor.Anonymous));
    }
}
