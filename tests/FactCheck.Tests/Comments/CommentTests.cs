using FactCheck.Tests.Review;
using FactCheck.Web.Features.Comments;
using FactCheck.Web.Features.Following;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Infrastructure.Pipeline;
using static FactCheck.Tests.Notifications.WorkNotificationDriver;

namespace FactCheck.Tests.Comments;

/// Staff talk on a claim through the real pipeline: safe Markdown, mentions, the 15-minute edit window, the audit log.
public sealed class CommentTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private Task<long> CommentRowsAsync(long claimId) => app.ScalarAsync<long>("SELECT count(*) FROM claim_comments WHERE claim_id = @claimId", new { claimId });

    [Fact]
    public async Task A_comment_is_rendered_as_safe_markdown_and_kept_in_the_audit_log()
    {
        var r = await ReviewDriver.CreateAsync(app);
        var id = await r.NewClaimAsync();

        var comment = await app.SendAsync(new AddComment { ClaimId = id, Body = "  The **ministry** denied it. <script>alert(1)</script> [x](javascript:alert(1))  " }, r.Editor);

        Assert.Equal("The **ministry** denied it. <script>alert(1)</script> [x](javascript:alert(1))", comment.Body);
        Assert.Contains("<strong>ministry</strong>", comment.Html);
        Assert.DoesNotContain("<script", comment.Html);
        Assert.DoesNotContain("javascript:", comment.Html);
        Assert.Equal(comment.CreatedAt.AddMinutes(15), comment.EditableUntil);
        var audit = await app.RowsAsync<string>("SELECT after_json FROM audit_log WHERE entity = 'comment' AND entity_id = CAST(@Id AS TEXT)", new { comment.Id });
        Assert.Contains("The **ministry** denied it.", Assert.Single(audit));
        Assert.Equal([comment.Id], (await app.QueryAsync(new ListComments(id), r.Checker)).Select(c => c.Id));
    }

    [Fact]
    public async Task Mentioning_someone_who_is_not_on_the_desk_is_refused_naming_the_field_and_writes_nothing()
    {
        var r = await ReviewDriver.CreateAsync(app);
        var id = await r.NewClaimAsync();
        var audits = await r.LastAuditIdAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.SendAsync(new AddComment { ClaimId = id, Body = "@editor2 and @nobody-here, please look. Mail desk@example.org" }, r.Checker));

        Assert.Equal("@nobody-here is not a user on this desk: mention someone by their username.", Assert.Single(error.Errors["Body"]));
        Assert.Equal(0, await CommentRowsAsync(id));
        Assert.Equal(audits, await r.LastAuditIdAsync());
        Assert.Empty(await KindsAsync(app, r.Editor2, id));
    }

    [Fact]
    public async Task A_comment_over_10000_characters_is_refused_and_one_of_exactly_10000_is_kept()
    {
        var r = await ReviewDriver.CreateAsync(app);
        var id = await r.NewClaimAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => app.SendAsync(new AddComment { ClaimId = id, Body = new string('a', 10_001) }, r.Checker));
        Assert.Equal("A comment is limited to 10,000 characters (this one has 10,001).", Assert.Single(error.Errors["Body"]));
        Assert.Equal(0, await CommentRowsAsync(id));

        await app.SendAsync(new AddComment { ClaimId = id, Body = new string('a', 10_000) }, r.Checker);
        Assert.Equal(1, await CommentRowsAsync(id));
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.SendAsync(new AddComment { ClaimId = id, Body = "   " }, r.Checker));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(new AddComment { ClaimId = long.MaxValue, Body = "Hello" }, r.Checker));
    }

    [Fact]
    public async Task A_mention_tells_the_person_once_and_other_followers_hear_of_the_comment()
    {
        var r = await ReviewDriver.CreateAsync(app);
        var id = await r.ClaimInStateAsync("assigned");
        await app.SendAsync(new FollowClaim(id, true), r.Editor2);
        await app.SendAsync(new FollowClaim(id, true), r.Editor);

        var comment = await app.SendAsync(new AddComment { ClaimId = id, Body = "@editor2 can you check the **casualty** figure?" }, r.Checker);
        Assert.Equal(
            [(NotificationKinds.Mention, "Budi Checker mentioned you on: A claim under review")],
            (await ToldAsync(app, r.Editor2, id)).Where(t => t.EventKey.StartsWith("mention", StringComparison.Ordinal)).Select(t => (t.Kind, t.Title)));
        Assert.DoesNotContain(await ToldAsync(app, r.Editor2, id), t => t.Kind == NotificationKinds.ClaimComment);
        Assert.Contains(await ToldAsync(app, r.Editor, id), t => t.Kind == NotificationKinds.ClaimComment && t.EventKey == $"comment:{comment.Id}");
        Assert.DoesNotContain(await ToldAsync(app, r.Checker, id), t => t.EventKey.EndsWith($":{comment.Id}", StringComparison.Ordinal));

        // An edit that adds a mention tells the newcomer; the one mentioned before is not told again.
        await app.SendAsync(new EditComment { ClaimId = id, CommentId = comment.Id, Version = comment.Version, Body = "@editor2 and @editor: the **casualty** figure?" }, r.Checker);
        Assert.Single(await ToldAsync(app, r.Editor2, id), t => t.Kind == NotificationKinds.Mention);
        Assert.Single(await ToldAsync(app, r.Editor, id), t => t.Kind == NotificationKinds.Mention);
        Assert.True((await app.QueryAsync(new GetFollowState(id), r.Checker)).Following);
    }

    [Fact]
    public async Task Its_author_may_edit_a_comment_for_15_minutes_and_nobody_else_ever()
    {
        var r = await ReviewDriver.CreateAsync(app);
        var id = await r.NewClaimAsync();
        var comment = await app.SendAsync(new AddComment { ClaimId = id, Body = "First wording" }, r.Checker);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.SendAsync(new EditComment { ClaimId = id, CommentId = comment.Id, Version = comment.Version, Body = "Hijacked" }, r.Editor));
        app.Clock.Advance(TimeSpan.FromMinutes(14));
        var edited = await app.SendAsync(new EditComment { ClaimId = id, CommentId = comment.Id, Version = comment.Version, Body = "Second wording" }, r.Checker);
        Assert.Equal(("Second wording", 2L, app.Clock.GetUtcNow()), (edited.Body, edited.Version, edited.EditedAt!.Value));
        await Assert.ThrowsAsync<ConflictException>(() =>
            app.SendAsync(new EditComment { ClaimId = id, CommentId = comment.Id, Version = comment.Version, Body = "From a stale tab" }, r.Checker));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var late = await Assert.ThrowsAsync<ConflictException>(() =>
            app.SendAsync(new EditComment { ClaimId = id, CommentId = comment.Id, Version = edited.Version, Body = "Third wording" }, r.Checker));
        Assert.Contains("15 minutes", late.Message);
        Assert.Equal("Second wording", Assert.Single(await app.QueryAsync(new ListComments(id), r.Checker)).Body);
        var audit = await app.RowsAsync<string>("SELECT coalesce(before_json, '') || ' -> ' || after_json FROM audit_log WHERE entity = 'comment' AND entity_id = CAST(@Id AS TEXT) ORDER BY id", new { comment.Id });
        Assert.Equal(2, audit.Count);
        Assert.Contains("First wording", audit[1]);
        Assert.Contains("Second wording", audit[1]);
        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAsync(new EditComment { ClaimId = id + 1, CommentId = comment.Id, Version = edited.Version, Body = "Wrong claim" }, r.Checker));
    }

    [Fact]
    public async Task Mentions_autocomplete_from_active_staff_and_an_address_is_not_a_mention()
    {
        var r = await ReviewDriver.CreateAsync(app);

        Assert.Equal(["editor", "editor2"], (await app.QueryAsync(new ListMentionable { Prefix = "edi" }, r.Checker)).Select(m => m.Username));
        Assert.Equal("edi", Mentions.PendingPrefix("Please ask @edi"));
        Assert.Null(Mentions.PendingPrefix("mail desk@edi"));
        Assert.Equal(["checker", "editor2"], Mentions.In("(@checker) and @editor2. Not desk@example.org"));
    }
}
