using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Accounts;

[Collection(SharedAppCollection.Name)]
public sealed class UserAdminTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task Admin_adds_a_user_whose_generated_password_signs_in()
    {
        var admin = await App.ActorAsync("admin");
        var username = "new-" + Guid.NewGuid().ToString("N")[..6];

        var created = await App.SendAsync(new CreateUser { Username = username, DisplayName = "Nina Checker", Roles = [Roles.FactChecker] }, admin);

        Assert.NotNull(created.GeneratedPassword);
        Assert.True(created.GeneratedPassword!.Length >= Credentials.MinimumPasswordLength);
        var signIn = await App.SendAsync(new SignIn { Username = username, Password = created.GeneratedPassword }, Actor.Anonymous);
        Assert.Equal([Roles.FactChecker], signIn.Identity!.Roles);
    }

    [Fact]
    public async Task A_taken_username_an_unknown_role_and_a_short_password_are_field_errors()
    {
        var admin = await App.ActorAsync("admin");

        var taken = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync(new CreateUser { Username = "EDITOR", DisplayName = "Dup", Roles = [Roles.Editor] }, admin));
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync(new CreateUser { Username = "x y", DisplayName = "", Roles = ["superuser"], Password = "short" }, admin));

        Assert.Equal([nameof(CreateUser.Username)], taken.Errors.Keys);
        Assert.Equal(
            new[] { nameof(CreateUser.DisplayName), nameof(CreateUser.Password), nameof(CreateUser.Roles), nameof(CreateUser.Username) },
            bad.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_or_deactivated()
    {
        var admin = await App.ActorAsync("admin");
        var row = (await App.QueryAsync(new ListUsers(), admin)).Single(u => u.Username == "admin");

        // Other tests may add admins to this shared app; only the demo admin can be "last" here if it is alone.
        var admins = (await App.QueryAsync(new ListUsers(), admin)).Count(u => u.IsActive && u.RoleList.Contains(Roles.Admin));
        Assert.Equal(1, admins);

        await Assert.ThrowsAsync<ConflictException>(() =>
            App.SendAsync(new UpdateUser { Id = row.Id, Version = row.Version, DisplayName = row.DisplayName, Roles = [Roles.Editor] }, admin));
        await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new SetUserActive(row.Id, row.Version, false), admin));
        Assert.Contains(Roles.Admin, (await App.ActorAsync("admin")).Roles);
    }

    [Fact]
    public async Task Reset_password_replaces_the_old_one_and_clears_a_lockout()
    {
        var (username, oldPassword, actor) = await App.NewUserAsync(Roles.Editor);
        var admin = await App.ActorAsync("admin");
        var row = (await App.QueryAsync(new ListUsers(), admin)).Single(u => u.Id == actor.UserId);

        var reset = await App.SendAsync(new ResetPassword(row.Id, row.Version), admin);

        Assert.False((await App.SendAsync(new SignIn { Username = username, Password = oldPassword }, Actor.Anonymous)).Succeeded);
        Assert.True((await App.SendAsync(new SignIn { Username = username, Password = reset.Password }, Actor.Anonymous)).Succeeded);
        var audit = await App.ScalarAsync<string>(
            "SELECT after_json FROM audit_log WHERE action = 'ResetPassword' AND entity_id = @id", new { id = row.Id.ToString() });
        Assert.DoesNotContain(reset.Password, audit);
    }
}
