using System.Reflection;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Maintenance;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Data.Sqlite;

namespace FactCheck.Tests.Infrastructure;

[Collection(SharedAppCollection.Name)]
public sealed class PipelineTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static SubmitClaim ValidClaim(string text = "Pasukan menyerang gedung di Stepanakert.") => new()
    {
        Title = "Forces attacked buildings",
        Text = text,
        Language = "id",
        ClaimantName = "Pejabat lokal " + Guid.NewGuid().ToString("N")[..6],
        ClaimantKind = "official-body",
        Kind = "event",
    };

    [Fact]
    public async Task A_command_that_fails_validation_writes_nothing_and_names_the_field()
    {
        var editor = await App.ActorAsync("editor");
        var claims = await App.ScalarAsync<long>("SELECT count(*) FROM claims");
        var claimants = await App.ScalarAsync<long>("SELECT count(*) FROM claimants");
        var audit = await App.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync(ValidClaim(text: "") with { Language = "xx-notalanguage" }, editor));

        Assert.Contains(nameof(SubmitClaim.Text), failure.Errors.Keys);
        Assert.Contains(nameof(SubmitClaim.Language), failure.Errors.Keys);
        Assert.Equal(claims, await App.ScalarAsync<long>("SELECT count(*) FROM claims"));
        Assert.Equal(claimants, await App.ScalarAsync<long>("SELECT count(*) FROM claimants"));
        Assert.Equal(audit, await App.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task A_failure_midway_through_a_command_rolls_back_what_it_had_already_written()
    {
        // The database refuses the claim row after the handler has inserted its new claimant.
        var marker = "boom-" + Guid.NewGuid().ToString("N");
        await using (var connection = await App.Db.OpenAsync())
        {
            using var trigger = connection.CreateCommand();
            trigger.CommandText = App.Db.IsPostgres
                ? $"""
                  CREATE FUNCTION fail_{marker[5..]}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END; $$;
                  CREATE TRIGGER fail_{marker[5..]} BEFORE INSERT ON claims FOR EACH ROW WHEN (NEW.text = '{marker}') EXECUTE FUNCTION fail_{marker[5..]}();
                  """
                : $"CREATE TRIGGER fail_{marker[5..]} BEFORE INSERT ON claims WHEN NEW.text = '{marker}' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;";
            await trigger.ExecuteNonQueryAsync();
        }

        var editor = await App.ActorAsync("editor");
        var command = ValidClaim(marker);
        var audit = await App.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => App.SendAsync(command, editor));

        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM claimants WHERE name = @ClaimantName", new { command.ClaimantName }));
        Assert.Equal(audit, await App.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task A_role_that_may_not_send_a_command_is_refused_before_the_handler()
    {
        var checker = await App.ActorAsync("checker");
        var users = await App.ScalarAsync<long>("SELECT count(*) FROM users");

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            App.SendAsync(new CreateUser { Username = "sneaky", DisplayName = "Sneaky", Roles = [Roles.Admin] }, checker));

        Assert.Equal(users, await App.ScalarAsync<long>("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task An_anonymous_reader_cannot_send_a_staff_command()
    {
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.SendAsync(ValidClaim(), Actor.Anonymous));
    }

    [Fact]
    public async Task Roles_are_read_from_the_database_so_a_stale_actor_cannot_keep_a_removed_role()
    {
        var (_, _, actor) = await App.NewUserAsync(Roles.Editor);
        var admin = await App.ActorAsync("admin");
        var users = await App.QueryAsync(new ListUsers(), admin);
        var row = users.Single(u => u.Id == actor.UserId);
        await App.SendAsync(new UpdateUser { Id = row.Id, Version = row.Version, DisplayName = row.DisplayName, Roles = [Roles.FactChecker] }, admin);

        // The actor still claims "editor" (an old cookie); the pipeline goes by what is stored now.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.QueryAsync(new ListUsers(), actor with { Roles = new HashSet<string> { Roles.Admin } }));
        var submitted = await App.SendAsync(ValidClaim(), actor);
        Assert.True(submitted.Id > 0);
    }

    [Fact]
    public async Task A_deactivated_account_is_refused_at_once()
    {
        var (_, _, actor) = await App.NewUserAsync(Roles.Editor);
        var admin = await App.ActorAsync("admin");
        var version = (await App.QueryAsync(new ListUsers(), admin)).Single(u => u.Id == actor.UserId).Version;
        await App.SendAsync(new SetUserActive(actor.UserId!.Value, version, Active: false), admin);

        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.SendAsync(ValidClaim(), actor));
    }

    [Fact]
    public async Task A_command_writes_an_audit_row_with_actor_action_and_after_state_in_its_transaction()
    {
        var editor = await App.ActorAsync("editor");
        var command = ValidClaim("Klaim untuk audit " + Guid.NewGuid());

        var submitted = await App.SendAsync(command, editor);

        var rows = await App.RowsAsync<(string Action, string Entity, string EntityId, long ActorId, string ActorName, string? Before, string After)>(
            "SELECT action, entity, entity_id, actor_id, actor_name, before_json, after_json FROM audit_log WHERE entity = 'claim' AND entity_id = @id",
            new { id = submitted.Id.ToString() });
        var row = Assert.Single(rows);
        Assert.Equal("SubmitClaim", row.Action);
        Assert.Equal(editor.UserId, row.ActorId);
        Assert.Equal("editor", row.ActorName);
        Assert.Null(row.Before);
        Assert.Contains(command.Text, row.After);
        Assert.Equal(1, await App.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity = 'claimant' AND entity_id = @id", new { id = submitted.ClaimantId.ToString() }));
    }

    [Fact]
    public async Task Passwords_never_reach_the_audit_log()
    {
        var admin = await App.ActorAsync("admin");
        const string password = "Very-secret-password-42";

        var created = await App.SendAsync(new CreateUser { Username = "audited-" + Guid.NewGuid().ToString("N")[..6], DisplayName = "A", Roles = [Roles.Editor], Password = password }, admin);

        var after = await App.ScalarAsync<string>("SELECT after_json FROM audit_log WHERE entity = 'user' AND entity_id = @id", new { id = created.Id.ToString() });
        Assert.Contains(created.Username, after);
        Assert.DoesNotContain(password, after);
        Assert.DoesNotContain(password, await App.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @Id", new { created.Id }));
    }

    [Fact]
    public async Task The_audit_log_is_append_only()
    {
        await using var connection = await App.Db.OpenAsync();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE audit_log SET actor_name = 'forged'";
        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("append-only", error.Message);

        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM audit_log";
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => delete.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_overwrites_nothing()
    {
        var (username, _, actor) = await App.NewUserAsync(Roles.FactChecker);
        var admin = await App.ActorAsync("admin");
        var seen = (await App.QueryAsync(new ListUsers(), admin)).Single(u => u.Id == actor.UserId);
        await App.SendAsync(new UpdateUser { Id = seen.Id, Version = seen.Version, DisplayName = "First edit", Roles = [Roles.FactChecker] }, admin);

        await Assert.ThrowsAsync<ConflictException>(() =>
            App.SendAsync(new UpdateUser { Id = seen.Id, Version = seen.Version, DisplayName = "Second edit", Roles = [Roles.Editor] }, admin));

        Assert.Equal("First edit", await App.ScalarAsync<string>("SELECT display_name FROM users WHERE username = @username", new { username }));
        Assert.Equal(Roles.FactChecker, await App.ScalarAsync<string>("SELECT string_agg(role, ',') FROM user_roles WHERE user_id = @Id", new { seen.Id }));
    }

    [Fact]
    public async Task System_only_messages_are_refused_to_staff_even_admins()
    {
        var admin = await App.ActorAsync("admin");

        await Assert.ThrowsAsync<ForbiddenException>(() => App.RequestAsync(new MaintainDatabase(), admin));
    }

    [Fact]
    public void Every_message_declares_who_may_send_it()
    {
        var messages = typeof(SubmitClaim).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t))
            .ToList();

        Assert.NotEmpty(messages);
        var undeclared = messages.Where(t => !AccessRule.IsDeclared(t)).Select(t => t.Name).ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Access_declarations_name_only_known_roles()
    {
        var named = typeof(SubmitClaim).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttribute<AllowRolesAttribute>()?.Roles ?? [])
            .Distinct()
            .ToList();

        Assert.All(named, role => Assert.Contains(role, Roles.All));
    }
}
