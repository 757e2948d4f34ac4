using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Accounts;

/// Owns its app because these tests move the clock.
public sealed class SignInTests : IClassFixture<SignInTests.Fixture>
{
    private static readonly Actor Stranger = Actor.Anonymous with { Network = "203.0.113.66" };
    private static readonly Actor Owner = Actor.Anonymous with { Network = "2001:db8:1:2::/64" };

    private readonly TestApp app;

    public SignInTests(Fixture fixture) => app = fixture.App;

    private async Task<CredentialCheck> SignInAsync(string username, string password, Actor? from = null) =>
        await app.SendAsync(new SignIn { Username = username, Password = password }, from ?? Owner);

    [Fact]
    public async Task The_right_password_signs_in_with_the_stored_roles()
    {
        var result = await SignInAsync("editor2", TestApp.DemoPassword);

        Assert.True(result.Succeeded);
        Assert.Equal("editor2", result.Identity!.Username);
        Assert.Equal([Roles.Editor], result.Identity.Roles);
    }

    [Fact]
    public async Task Username_is_matched_without_regard_to_case()
    {
        Assert.True((await SignInAsync("CHECKER2", TestApp.DemoPassword)).Succeeded);
    }

    [Fact]
    public async Task Unknown_user_wrong_password_deactivated_and_locked_accounts_all_get_the_same_answer()
    {
        var (wrongUser, _, _) = await app.NewUserAsync(Roles.FactChecker);
        var (goneUser, gonePassword, gone) = await app.NewUserAsync(Roles.FactChecker);
        await app.SendAsync(new SetUserActive(gone.UserId!.Value, 1, Active: false), Actor.System);
        var (lockedUser, lockedPassword, _) = await app.NewUserAsync(Roles.FactChecker);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(lockedUser, "wrong-" + i, Stranger);
        }

        var answers = new[]
        {
            await SignInAsync("nobody-here", "whatever-password", Stranger),
            await SignInAsync(wrongUser, "not-the-password", Stranger),
            await SignInAsync(goneUser, gonePassword, Stranger),
            await SignInAsync(lockedUser, lockedPassword, Stranger),
        };

        Assert.All(answers, a => Assert.Equal((false, Credentials.InvalidMessage), (a.Succeeded, a.Error)));
        Assert.Equal(4, await app.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT id FROM audit_log WHERE action = 'SignInFailed' ORDER BY id DESC LIMIT 4) newest"));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_that_network_only_so_a_stranger_cannot_lock_its_owner_out()
    {
        var (username, password, _) = await app.NewUserAsync(Roles.FactChecker);
        for (var i = 0; i < 5; i++)
        {
            Assert.False((await SignInAsync(username, "wrong-" + i, Stranger)).Succeeded);
        }

        Assert.False((await SignInAsync(username, password, Stranger)).Succeeded);
        Assert.True((await SignInAsync(username, password, Owner)).Succeeded);
    }

    [Fact]
    public async Task Failures_count_in_a_sliding_window_that_decays_so_five_tries_every_quarter_hour_never_lock_the_owner_out()
    {
        var (username, password, _) = await app.NewUserAsync(Roles.FactChecker);
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 5; i++)
            {
                await SignInAsync(username, "guess-" + i, Stranger);
            }

            Assert.False((await SignInAsync(username, password, Stranger)).Succeeded);
            Assert.True((await SignInAsync(username, password, Owner)).Succeeded);
            app.Clock.Advance(TimeSpan.FromMinutes(15));
        }

        // Old failures leave the window one by one: four now, one ten minutes later, locked; the four gone, open again.
        var (other, otherPassword, _) = await app.NewUserAsync(Roles.FactChecker);
        for (var i = 0; i < 4; i++)
        {
            await SignInAsync(other, "guess", Stranger);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await SignInAsync(other, "guess", Stranger);
        Assert.False((await SignInAsync(other, otherPassword, Stranger)).Succeeded);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True((await SignInAsync(other, otherPassword, Stranger)).Succeeded);
    }

    [Fact]
    public async Task Guessing_from_many_networks_locks_the_account_for_everyone_once_it_passes_the_account_limit()
    {
        var (username, password, _) = await app.NewUserAsync(Roles.FactChecker);
        for (var i = 0; i < 50; i++)
        {
            await SignInAsync(username, "guess", Actor.Anonymous with { Network = $"2001:db8:99:{i:x}::/64" });
        }

        Assert.False((await SignInAsync(username, password, Owner)).Succeeded);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.True((await SignInAsync(username, password, Owner)).Succeeded);
    }

    [Fact]
    public async Task A_success_clears_the_failures_of_its_network()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.FactChecker);
        for (var i = 0; i < 4; i++)
        {
            await SignInAsync(username, "wrong", Owner);
        }

        Assert.True((await SignInAsync(username, password, Owner)).Succeeded);

        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM sign_in_failures WHERE user_id = @UserId", new { actor.UserId }));
        for (var i = 0; i < 4; i++)
        {
            Assert.False((await SignInAsync(username, "wrong", Owner)).Succeeded);
        }

        Assert.True((await SignInAsync(username, password, Owner)).Succeeded);
    }

    [Fact]
    public async Task Failed_sign_ins_keep_no_address_only_a_salted_hash_of_the_network()
    {
        var (username, _, actor) = await app.NewUserAsync(Roles.FactChecker);

        await SignInAsync(username, "wrong", Stranger);

        var stored = await app.ScalarAsync<string>("SELECT network_hash FROM sign_in_failures WHERE user_id = @UserId", new { actor.UserId });
        Assert.Matches("^[0-9a-f]{64}$", stored);
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE coalesce(after_json, '') LIKE '%203.0.113%'"));
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
