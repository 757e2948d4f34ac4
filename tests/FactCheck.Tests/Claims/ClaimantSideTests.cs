using System.Text.Json;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Claims;

/// SetClaimantSide through the real pipeline on the shared database; each test works on a claimant of its own.
[Collection(SharedAppCollection.Name)]
public sealed class ClaimantSideTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private Task<Actor> Editor => App.ActorAsync("editor");

    private Task<Actor> Checker => App.ActorAsync("checker");

    private async Task<(string? Side, long Version)> StoredAsync(long id) =>
        Assert.Single(await App.RowsAsync<(string? Side, long Version)>("SELECT side, version FROM claimants WHERE id = @id", new { id }));

    private Task<long> AuditRowsAsync(long id) =>
        App.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'claimant' AND entity_id = @id AND action = 'SetClaimantSide'", new { id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public async Task Editor_can_set_a_claimants_side_trimmed_and_the_version_moves_on()
    {
        var claimant = await NewClaimant.CreateAsync(App);

        var version = await App.SendAsync(new SetClaimantSide(claimant.Id, "  Azerbaijan  ", 1), await Editor);

        Assert.Equal(2, version);
        Assert.Equal(("Azerbaijan", 2L), await StoredAsync(claimant.Id));
        var detail = await App.QueryAsync(new GetClaimant(claimant.Id), await Checker);
        Assert.Equal(("Azerbaijan", 2L), (detail.Claimant.Side, detail.Claimant.Version));
    }

    [Fact]
    public async Task A_blank_side_clears_it()
    {
        var claimant = await NewClaimant.CreateAsync(App, side: "Armenia");

        var version = await App.SendAsync(new SetClaimantSide(claimant.Id, "   ", 1), await Editor);

        Assert.Equal(2, version);
        Assert.Equal(1, await App.ScalarAsync<long>("SELECT side IS NULL FROM claimants WHERE id = @Id", claimant));
    }

    [Fact]
    public async Task A_side_of_100_characters_is_kept_and_one_of_101_is_refused_naming_Side()
    {
        var claimant = await NewClaimant.CreateAsync(App);
        var editor = await Editor;

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new SetClaimantSide(claimant.Id, new string('a', 101), 1), editor));
        Assert.Contains("100 characters", Assert.Single(refused.Errors[nameof(SetClaimantSide.Side)]));
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM claimants WHERE id = @Id AND (side IS NOT NULL OR version <> 1)", claimant));

        // Spaces around the text do not count: what is stored is trimmed.
        await App.SendAsync(new SetClaimantSide(claimant.Id, $"  {new string('b', 100)}  ", 1), editor);
        Assert.Equal((new string('b', 100), 2L), await StoredAsync(claimant.Id));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_that_keeps_the_old_side_and_writes_no_audit_row()
    {
        var claimant = await NewClaimant.CreateAsync(App);
        var editor = await Editor;
        await App.SendAsync(new SetClaimantSide(claimant.Id, "Armenia", 1), await App.ActorAsync("editor2"));

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new SetClaimantSide(claimant.Id, "Azerbaijan", 1), editor));

        Assert.Contains("changed since you loaded it", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("version 2", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(("Armenia", 2L), await StoredAsync(claimant.Id));
        Assert.Equal(1, await AuditRowsAsync(claimant.Id));
    }

    [Fact]
    public async Task A_fact_checker_may_not_set_a_side_and_nothing_is_written()
    {
        var claimant = await NewClaimant.CreateAsync(App, side: "Russia");

        var (checker, admin) = (await Checker, await App.ActorAsync("admin"));

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new SetClaimantSide(claimant.Id, "Iran", 1), checker));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new SetClaimantSide(claimant.Id, "Iran", 1), admin));
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.SendAsync(new SetClaimantSide(claimant.Id, "Iran", 1), Actor.Anonymous));

        Assert.Equal(("Russia", 1L), await StoredAsync(claimant.Id));
        Assert.Equal(0, await AuditRowsAsync(claimant.Id));
    }

    [Fact]
    public async Task Setting_a_side_writes_an_audit_row_with_the_side_before_and_after()
    {
        var claimant = await NewClaimant.CreateAsync(App, side: "Armenia");
        var editor = await Editor;

        await App.SendAsync(new SetClaimantSide(claimant.Id, "Nagorno-Karabakh", 1), editor);

        var row = Assert.Single(await App.RowsAsync<(long ActorId, string Entity, string Before, string After)>(
            "SELECT actor_id, entity, before_json, after_json FROM audit_log WHERE action = 'SetClaimantSide' AND entity_id = @id",
            new { id = claimant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal((editor.UserId!.Value, "claimant"), (row.ActorId, row.Entity));
        Assert.Equal("Armenia", JsonDocument.Parse(row.Before).RootElement.GetProperty("side").GetString());
        Assert.Equal("Nagorno-Karabakh", JsonDocument.Parse(row.After).RootElement.GetProperty("side").GetString());
    }

    [Fact]
    public async Task Setting_the_same_side_again_changes_nothing()
    {
        var claimant = await NewClaimant.CreateAsync(App, side: "Iran");

        var version = await App.SendAsync(new SetClaimantSide(claimant.Id, " Iran ", 1), await Editor);

        Assert.Equal(1, version);
        Assert.Equal(("Iran", 1L), await StoredAsync(claimant.Id));
        Assert.Equal(0, await AuditRowsAsync(claimant.Id));
    }

    [Fact]
    public async Task An_unknown_claimant_is_not_found()
    {
        var editor = await Editor;

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new SetClaimantSide(long.MaxValue, "Armenia", 1), editor));
    }

    [Fact]
    public async Task Open_pages_are_told_that_the_claimants_claims_changed_once_the_side_is_saved()
    {
        var claimant = await NewClaimant.CreateAsync(App, claims: 2);
        var other = await NewClaimant.CreateAsync(App);
        var told = new List<long>();
        var notifier = App.Services.GetRequiredService<ClaimChangeNotifier>();
        Task Listen(IReadOnlyCollection<long> ids)
        {
            lock (told)
            {
                told.AddRange(ids);
            }

            return Task.CompletedTask;
        }

        notifier.Changed += Listen;
        try
        {
            await App.SendAsync(new SetClaimantSide(claimant.Id, "Azerbaijan", 1), await Editor);
        }
        finally
        {
            notifier.Changed -= Listen;
        }

        lock (told)
        {
            Assert.Equal(claimant.ClaimIds.Order(), told.Where(id => claimant.ClaimIds.Contains(id) || other.ClaimIds.Contains(id)).Order());
        }
    }

    [Fact]
    public async Task Editors_are_offered_the_sides_already_in_use_and_fact_checkers_are_not()
    {
        var claimant = await NewClaimant.CreateAsync(App);
        var side = $"Side {claimant.Id}";
        await App.SendAsync(new SetClaimantSide(claimant.Id, side, 1), await Editor);

        var sides = await App.QueryAsync(new ListClaimantSides(), await Editor);

        Assert.Contains("Azerbaijan", sides);
        Assert.Contains("Armenia", sides);
        Assert.Contains(side, sides);
        Assert.Equal(sides.Count, sides.Distinct(StringComparer.Ordinal).Count());
        var checker = await Checker;
        await Assert.ThrowsAsync<ForbiddenException>(() => App.QueryAsync(new ListClaimantSides(), checker));
    }
}

/// A claimant of one test (unique name), with claims recorded from it.
internal sealed record NewClaimant(long Id, string Name, IReadOnlyList<long> ClaimIds)
{
    public static async Task<NewClaimant> CreateAsync(TestApp app, string? side = null, int claims = 1)
    {
        var name = $"Side Test Office {Guid.NewGuid():N}";
        var checker = await app.ActorAsync("checker");
        var ids = new List<long>();
        long claimantId = 0;
        for (var i = 0; i < claims; i++)
        {
            var submitted = await app.SendAsync(
                new SubmitClaim
                {
                    Title = "Shelling reported near the border",
                    Text = $"Penembakan dilaporkan di dekat perbatasan {Guid.NewGuid():N}",
                    Language = "id",
                    ClaimantName = name,
                    ClaimantKind = "government",
                    ClaimantSide = side,
                    Kind = "statement",
                },
                checker);
            ids.Add(submitted.Id);
            claimantId = submitted.ClaimantId;
        }

        return new NewClaimant(claimantId, name, ids);
    }
}
