using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Accounts;

/// Owns its app because these tests move the clock.
public sealed class SignInTests : IClassFixture<SignInTests.Fixture>
{
    private readonly TestApp app;

    public SignInTests(Fixture fixture) => app = fixture.App;

    [Fact]
    public async Task The_right_password_signs_in_with_the_stored_roles()
    {
        var result = await app.SendAsync(new SignIn { Username = "editor2", Password = TestApp.DemoPassword }, Actor.Anonymous);

        Assert.True(result.Succeeded);
        Assert.Equal("editor2", result.Identity!.Username);
        Assert.Equal([Roles.Editor], result.Identity.Roles);
    }

    [Fact]
    public async Task Username_is_matched_without_regard_to_case()
    {
        var result = await app.SendAsync(new SignIn { Username = "CHECKER2", Password = TestApp.DemoPassword }, Actor.Anonymous);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_message()
    {
        var unknown = await app.SendAsync(new SignIn { Username = "nobody-here", Password = "whatever-password" }, Actor.Anonymous);
        var (username, _, _) = await app.NewUserAsync(Roles.FactChecker);
        var wrong = await app.SendAsync(new SignIn { Username = username, Password = "not-the-password" }, Actor.Anonymous);

        Assert.False(unknown.Succeeded);
        Assert.Equal(Credentials.InvalidMessage, unknown.Error);
        Assert.Equal(unknown.Error, wrong.Error);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password_until_the_lockout_ends()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.FactChecker);
        for (var i = 0; i < 5; i++)
        {
            Assert.False((await app.SendAsync(new SignIn { Username = username, Password = "wrong-" + i }, Actor.Anonymous)).Succeeded);
        }

        var locked = await app.SendAsync(new SignIn { Username = username, Password = password }, Actor.Anonymous);
        Assert.False(locked.Succeeded);
        Assert.NotNull(locked.LockedUntil);
        Assert.Contains("locked", locked.Error);
        Assert.Equal(1, await app.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'AccountLockedOut' AND entity_id = @id", new { id = actor.UserId.ToString() }));

        app.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.True((await app.SendAsync(new SignIn { Username = username, Password = password }, Actor.Anonymous)).Succeeded);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.FactChecker);
        for (var i = 0; i < 4; i++)
        {
            await app.SendAsync(new SignIn { Username = username, Password = "wrong" }, Actor.Anonymous);
        }

        Assert.True((await app.SendAsync(new SignIn { Username = username, Password = password }, Actor.Anonymous)).Succeeded);

        Assert.Equal(0, await app.ScalarAsync<long>("SELECT failed_logins FROM users WHERE id = @UserId", new { actor.UserId }));
        Assert.False((await app.SendAsync(new SignIn { Username = username, Password = "wrong" }, Actor.Anonymous)).Succeeded);
        Assert.True((await app.SendAsync(new SignIn { Username = username, Password = password }, Actor.Anonymous)).Succeeded);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.Editor);
        var admin = await app.ActorAsync("admin");
        var version = (await app.QueryAsync(new ListUsers(), admin)).Single(u => u.Id == actor.UserId).Version;
        await app.SendAsync(new SetUserActive(actor.UserId!.Value, version, Active: false), admin);

        var result = await app.SendAsync(new SignIn { Username = username, Password = password }, Actor.Anonymous);

        Assert.False(result.Succeeded);
        Assert.Contains("deactivated", result.Error);
    }

    [Fact]
    public async Task Empty_fields_are_refused_with_field_errors()
    {
        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => app.SendAsync(new SignIn(), Actor.Anonymous));

        Assert.Contains(nameof(SignIn.Username), failure.Errors.Keys);
        Assert.Contains(nameof(SignIn.Password), failure.Errors.Keys);
    }

    public sealed class Fixture : IDisposable
    {
        public TestApp App { get; } = new TestApp().Start();

        public void Dispose() => App.Dispose();
    }
}
