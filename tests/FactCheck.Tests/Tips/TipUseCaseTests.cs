using System.Security.Cryptography;
using System.Text;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Tips;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Tips;

[Collection(SharedAppCollection.Name)]
public sealed class TipUseCaseTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task A_reader_tip_is_stored_as_new_with_an_anonymous_audit_row_that_leaves_out_the_contact()
    {
        var sent = await App.SendAsync(
            new SubmitTip
            {
                Text = "  A minister said the bridge in Ganja was destroyed by shelling.  ",
                Url = "https://example.org/post/1",
                Language = "Azerbaijani",
                WhereSeen = "A Telegram channel",
                Contact = "reader@example.org",
                ClientAddress = "203.0.113.7",
            },
            Actor.Anonymous);

        var tip = await App.RowsAsync<(string Text, string Url, string Language, string WhereSeen, string Contact, string Status)>(
            "SELECT text, url, language, where_seen, contact, status FROM tips WHERE id = @Id", new { sent.Id });
        Assert.Equal(("A minister said the bridge in Ganja was destroyed by shelling.", "https://example.org/post/1", "Azerbaijani", "A Telegram channel", "reader@example.org", "new"), tip.Single());
        var audit = await App.RowsAsync<(long? ActorId, string ActorName, string Action, string AfterJson)>(
            "SELECT actor_id, actor_name, action, after_json FROM audit_log WHERE entity = 'tip' AND entity_id = @Id", new { Id = sent.Id.ToString() });
        var row = Assert.Single(audit);
        Assert.Null(row.ActorId);
        Assert.Equal("anonymous", row.ActorName);
        Assert.Equal(nameof(SubmitTip), row.Action);
        Assert.Contains("bridge in Ganja", row.AfterJson);
        Assert.DoesNotContain("reader@example.org", row.AfterJson);
        Assert.DoesNotContain("203.0.113.7", row.AfterJson);
    }

    [Fact]
    public async Task A_filled_honeypot_answers_like_a_real_tip_but_stores_nothing_and_audits_nothing()
    {
        var tips = await App.ScalarAsync<long>("SELECT count(*) FROM tips");
        var audit = await App.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        var sent = await App.SendAsync(
            new SubmitTip { Text = "Buy cheap watches", Url = "https://spam.example/", Website = "https://spam.example/", ClientAddress = "198.51.100.9" },
            Actor.Anonymous);

        Assert.Null(sent.Id);
        Assert.Equal(tips, await App.ScalarAsync<long>("SELECT count(*) FROM tips"));
        Assert.Equal(audit, await App.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task A_javascript_url_and_an_empty_text_are_refused_by_field_and_nothing_is_written()
    {
        var tips = await App.ScalarAsync<long>("SELECT count(*) FROM tips");
        var audit = await App.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync(new SubmitTip { Text = "   ", Url = "javascript:alert(document.cookie)" }, Actor.Anonymous));
        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync(new SubmitTip { Text = new string('x', TipRules.MaxTextLength + 1), Contact = new string('c', 201) }, Actor.Anonymous));

        Assert.Equal([nameof(SubmitTip.Text), nameof(SubmitTip.Url)], refused.Errors.Keys.Order());
        Assert.Equal([nameof(SubmitTip.Contact), nameof(SubmitTip.Text)], tooLong.Errors.Keys.Order());
        Assert.Equal(tips, await App.ScalarAsync<long>("SELECT count(*) FROM tips"));
        Assert.Equal(audit, await App.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task The_sender_is_kept_only_as_a_salted_hash_shared_by_one_address_or_one_ipv6_network()
    {
        async Task<string> HashOf(string address) =>
            await App.ScalarAsync<string>("SELECT client_hash FROM tips WHERE id = @Id", new { (await Tip("hash test", address)).Id });

        var first = await HashOf("192.0.2.44");
        var again = await HashOf("192.0.2.44");
        var other = await HashOf("192.0.2.45");
        var phoneA = await HashOf("2001:db8:1:2::10");
        var phoneB = await HashOf("2001:db8:1:2:ffff::99");

        Assert.Equal(64, first.Length);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(phoneA, phoneB);
        var unsalted = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("192.0.2.44")));
        Assert.NotEqual(unsalted, first);
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM tips WHERE client_hash LIKE '%192.0.2%'"));
    }

    [Fact]
    public async Task Only_editors_may_list_and_dismiss_tips()
    {
        var tip = await Tip("Roles test tip");
        var checker = await App.ActorAsync("checker");
        var claimId = await AClaimAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => App.QueryAsync(new ListTips(), checker));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new DismissTip { Id = tip.Id!.Value, Reason = "spam" }, checker));
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.QueryAsync(new ListTips(), Actor.Anonymous));
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.SendAsync(new DismissTip { Id = tip.Id!.Value, Reason = "spam" }, Actor.Anonymous));
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.SendAsync(new MarkTipConverted(tip.Id!.Value, claimId), Actor.Anonymous));

        Assert.Equal("new", await App.ScalarAsync<string>("SELECT status FROM tips WHERE id = @Id", new { tip.Id }));
    }

    [Fact]
    public async Task The_inbox_lists_new_tips_newest_first_and_a_dismissed_tip_moves_to_dismissed_with_its_reason()
    {
        var editor = await App.ActorAsync("editor");
        var older = await Tip("Older tip about casualty figures");
        var newer = await Tip("Newer tip about casualty figures", url: "https://example.net/x");

        var inbox = await App.QueryAsync(new ListTips(), editor);
        var ids = inbox.Items.Select(t => t.Id).ToList();
        Assert.True(ids.IndexOf(newer.Id!.Value) < ids.IndexOf(older.Id!.Value));
        Assert.All(inbox.Items, t => Assert.Equal("new", t.Status));
        Assert.Equal("https://example.net/x", inbox.Items.Single(t => t.Id == newer.Id).Url);
        var newBefore = inbox.Counts["new"];

        await App.SendAsync(new DismissTip { Id = older.Id.Value, Reason = "Already checked last week" }, editor);

        var after = await App.QueryAsync(new ListTips(), editor);
        Assert.DoesNotContain(after.Items, t => t.Id == older.Id);
        Assert.Equal(newBefore - 1, after.Counts["new"]);
        var dismissed = (await App.QueryAsync(new ListTips("dismissed"), editor)).Items.Single(t => t.Id == older.Id);
        Assert.Equal("Already checked last week", dismissed.DismissReason);
        Assert.Equal(await App.ScalarAsync<string>("SELECT display_name FROM users WHERE username = 'editor'"), dismissed.HandledBy);
        Assert.NotNull(dismissed.HandledAt);
        Assert.Equal("editor", await App.ScalarAsync<string>(
            "SELECT actor_name FROM audit_log WHERE entity = 'tip' AND entity_id = @Id AND action = 'DismissTip'", new { Id = older.Id.ToString() }));
    }

    [Fact]
    public async Task An_empty_inbox_and_a_tip_without_a_known_sender_both_list()
    {
        using var fresh = new TestApp().Start();
        var editor = await fresh.ActorAsync("editor");

        var empty = await fresh.QueryAsync(new ListTips(), editor);
        var sent = await fresh.SendAsync(new SubmitTip { Text = "Sent through a proxy that hid the address" }, Actor.Anonymous);
        var one = await fresh.QueryAsync(new ListTips(), editor);

        Assert.Empty(empty.Items);
        Assert.All(empty.Counts.Values, c => Assert.Equal(0, c));
        var row = Assert.Single(one.Items);
        Assert.Equal(sent.Id, row.Id);
        Assert.Null(row.Sender);
        Assert.Equal(1, row.SenderTips);
        Assert.Equal(1, one.Counts["new"]);
    }

    [Fact]
    public async Task Dismissing_needs_a_reason_and_a_tip_that_is_still_new()
    {
        var editor = await App.ActorAsync("editor");
        var tip = await Tip("Dismiss twice");

        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new DismissTip { Id = tip.Id!.Value, Reason = " " }, editor));
        await App.SendAsync(new DismissTip { Id = tip.Id!.Value, Reason = "Spam" }, editor);
        var twice = await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new DismissTip { Id = tip.Id.Value, Reason = "Spam again" }, editor));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new DismissTip { Id = 987_654_321, Reason = "Spam" }, editor));

        Assert.Equal([nameof(DismissTip.Reason)], noReason.Errors.Keys);
        Assert.Contains("already dismissed", twice.Message);
        Assert.Equal("Spam", await App.ScalarAsync<string>("SELECT dismiss_reason FROM tips WHERE id = @Id", new { tip.Id }));
    }

    [Fact]
    public async Task Converting_links_the_tip_to_an_existing_claim_and_shows_it_under_converted()
    {
        var editor = await App.ActorAsync("editor");
        var checker = await App.ActorAsync("checker");
        var claimId = await AClaimAsync();
        var tip = await Tip("Convert me");

        await App.SendAsync(new MarkTipConverted(tip.Id!.Value, claimId), checker);
        await App.SendAsync(new MarkTipConverted(tip.Id.Value, claimId), editor);

        var converted = (await App.QueryAsync(new ListTips("converted"), editor)).Items.Single(t => t.Id == tip.Id);
        Assert.Equal(claimId, converted.ClaimId);
        Assert.Equal(await App.ScalarAsync<string>("SELECT title FROM claims WHERE id = @claimId", new { claimId }), converted.ClaimTitle);
        Assert.Equal(1, await App.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity = 'tip' AND entity_id = @Id AND action = 'MarkTipConverted'", new { Id = tip.Id.ToString() }));
        var other = await App.ScalarAsync<long>("SELECT max(id) FROM claims WHERE id <> @claimId", new { claimId });
        await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new MarkTipConverted(tip.Id.Value, other), editor));
    }

    [Fact]
    public async Task Converting_refuses_a_missing_claim_and_leaves_the_tip_new()
    {
        var editor = await App.ActorAsync("editor");
        var tip = await Tip("Convert to nothing");

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new MarkTipConverted(tip.Id!.Value, 987_654_321), editor));

        Assert.Equal([nameof(MarkTipConverted.ClaimId)], refused.Errors.Keys);
        Assert.Equal("new", await App.ScalarAsync<string>("SELECT status FROM tips WHERE id = @Id", new { tip.Id }));
    }

    [Fact]
    public async Task A_dismissed_tip_can_still_be_converted_and_loses_its_dismissal_reason()
    {
        var editor = await App.ActorAsync("editor");
        var tip = await Tip("Dismissed too early");
        await App.SendAsync(new DismissTip { Id = tip.Id!.Value, Reason = "Looked like spam" }, editor);

        await App.SendAsync(new MarkTipConverted(tip.Id.Value, await AClaimAsync()), editor);

        var row = (await App.QueryAsync(new ListTips("converted"), editor)).Items.Single(t => t.Id == tip.Id);
        Assert.Null(row.DismissReason);
    }

    [Fact]
    public async Task Tips_never_show_up_in_claim_search_or_claim_lists()
    {
        var word = "zqtipword" + Guid.NewGuid().ToString("N")[..6];
        var editor = await App.ActorAsync("editor");
        await Tip($"Someone said {word} about the ceasefire");

        var search = await App.QueryAsync(new SearchClaims { Q = word }, editor);
        var list = await App.QueryAsync(new ListClaims(PageSize: 200), editor);

        Assert.Equal(0, search.Total);
        Assert.DoesNotContain(list.Items, c => c.Title.Contains(word, StringComparison.Ordinal));
        Assert.Equal(await App.ScalarAsync<long>("SELECT count(*) FROM claims"), list.Total);
    }

    [Fact]
    public void The_intake_link_carries_text_url_and_tip_id_and_stays_short_enough_to_load()
    {
        var shortLink = TipRules.ClaimIntakeLink(12, "Baku denies it & more", "https://example.org/a?b=c");
        var armenian = string.Concat(Enumerable.Repeat("Հայաստան ", 555));
        var longLink = TipRules.ClaimIntakeLink(13, armenian, null);

        Assert.Equal("/claims/new?text=Baku%20denies%20it%20%26%20more&url=https%3A%2F%2Fexample.org%2Fa%3Fb%3Dc&tip=12", shortLink);
        Assert.True(longLink.Length <= TipRules.MaxIntakeLinkLength, $"{longLink.Length} characters");
        Assert.EndsWith("&tip=13", longLink);
        var text = Uri.UnescapeDataString(longLink["/claims/new?text=".Length..longLink.IndexOf("&tip=", StringComparison.Ordinal)]);
        Assert.StartsWith("Հայաստան Հայաստան", text);
        Assert.EndsWith("…", text);
    }

    [Fact]
    public async Task A_claim_saved_from_a_tip_marks_the_tip_converted_in_the_same_transaction()
    {
        var checker = await App.ActorAsync("checker");
        var tip = await Tip("Militer mengklaim jembatan di Ganja hancur " + Guid.NewGuid().ToString("N"));
        SubmitClaim FromTip(long tipId) => new()
        {
            Title = "Bridge in Ganja destroyed",
            Text = "Militer mengklaim jembatan di Ganja hancur.",
            Language = "id",
            ClaimantName = "Militer " + Guid.NewGuid().ToString("N")[..6],
            ClaimantKind = "military",
            Kind = "event",
            FromTipId = tipId,
        };

        var claim = await App.SendAsync(FromTip(tip.Id!.Value), checker);
        var claims = await App.ScalarAsync<long>("SELECT count(*) FROM claims");
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(FromTip(987_654), checker));

        Assert.Equal(("converted", claim.Id), (await App.RowsAsync<(string, long)>("SELECT status, claim_id FROM tips WHERE id = @Id", new { tip.Id })).Single());
        Assert.Equal(claims, await App.ScalarAsync<long>("SELECT count(*) FROM claims"));
    }

    private Task<SubmittedTip> Tip(string text, string? address = "203.0.113.1", string? url = null) =>
        App.SendAsync(new SubmitTip { Text = text, Url = url, ClientAddress = address }, Actor.Anonymous);

    private Task<long> AClaimAsync() => App.ScalarAsync<long>("SELECT min(id) FROM claims");
}
