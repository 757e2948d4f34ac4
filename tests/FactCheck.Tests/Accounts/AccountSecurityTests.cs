using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Infrastructure.Auth;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Accounts;

/// What ends a sign-in: a password change or an admin's reset revokes every API token of the account, ends its cookies
/// and signs its open circuits out; the pipeline checks the security stamp of tokens and circuits, not only cookies.
public sealed partial class AccountSecurityTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private static async Task<HttpResponseMessage> GetMeAsync(HttpClient client) => await client.GetAsync("/api/me");

    private async Task<HttpClient> TokenClientAsync(string username, string password, string? name = null)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/tokens", new { username, password, name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        return client;
    }

    /// Posts the /account password form as the signed-in browser would.
    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient browser, string current, string next, string? confirm = null)
    {
        var page = await browser.GetStringAsync("/account");
        return await browser.PostAsync("/account", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "password",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value),
            ["Password.CurrentPassword"] = current,
            ["Password.NewPassword"] = next,
            ["Password.ConfirmPassword"] = confirm ?? next,
        }));
    }

    [Fact]
    public async Task A_token_minted_before_a_password_reset_is_refused_after_it()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.FactChecker);
        var api = await TokenClientAsync(username, password);
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(api)).StatusCode);
        var admin = await app.ActorAsync("admin");
        var version = await app.ScalarAsync<long>("SELECT version FROM users WHERE id = @UserId", new { actor.UserId });

        await app.SendAsync(new ResetPassword(actor.UserId!.Value, version), admin);

        var after = await GetMeAsync(api);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM api_tokens WHERE user_id = @UserId AND revoked_at IS NULL", new { actor.UserId }));
    }

    [Fact]
    public async Task A_token_from_before_a_role_change_ends_even_where_revoking_missed_it()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.FactChecker);
        var api = await TokenClientAsync(username, password);
        var version = await app.ScalarAsync<long>("SELECT version FROM users WHERE id = @UserId", new { actor.UserId });

        // A role change gives the account a new stamp without touching api_tokens: the stamp alone ends the token.
        await app.SendAsync(new UpdateUser { Id = actor.UserId!.Value, Version = version, DisplayName = username, Roles = [Roles.Editor] }, await app.ActorAsync("admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMeAsync(api)).StatusCode);
    }

    [Fact]
    public async Task Changing_ones_own_password_revokes_every_token_and_ends_the_other_sign_ins_but_keeps_this_one()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.Editor);
        var api = await TokenClientAsync(username, password, "newsroom CMS");
        var elsewhere = app.Browser();
        await app.SignInAsync(elsewhere, username, password);
        var here = app.Browser();
        await app.SignInAsync(here, username, password);

        var changed = await ChangePasswordAsync(here, password, "My-own-new-password-7");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMeAsync(api)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/account")).StatusCode);
        var page = await here.GetAsync("/account?changed=true");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"password-changed\"", html, StringComparison.Ordinal);
        Assert.Contains("newsroom CMS", html, StringComparison.Ordinal);
        Assert.Contains(">revoked<", html, StringComparison.Ordinal);
        Assert.True((await app.SendAsync(new SignIn { Username = username, Password = "My-own-new-password-7" }, Actor.Anonymous)).Succeeded);
        Assert.Contains("ChangeOwnPassword", await app.RowsAsync<string>("SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = @id", new { id = $"{actor.UserId}" }));
    }

    [Fact]
    public async Task A_wrong_current_password_is_shown_on_the_form_and_changes_nothing()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.FactChecker);
        var api = await TokenClientAsync(username, password);
        var browser = app.Browser();
        await app.SignInAsync(browser, username, password);
        var hash = await app.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @UserId", new { actor.UserId });

        var wrong = await ChangePasswordAsync(browser, "not-my-password", "My-own-new-password-7");
        var mismatch = await ChangePasswordAsync(browser, password, "My-own-new-password-7", "Something-else-entirely");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("not your current password", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("The two new passwords differ.", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(hash, await app.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @UserId", new { actor.UserId }));
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(api)).StatusCode);
    }

    [Fact]
    public async Task The_pipeline_refuses_a_circuit_or_token_whose_security_stamp_the_account_no_longer_has()
    {
        var (_, _, actor) = await app.NewUserAsync(Roles.Editor);
        var stamp = await app.ScalarAsync<string>("SELECT security_stamp FROM users WHERE id = @UserId", new { actor.UserId });
        var current = actor with { SecurityStamp = stamp };
        Assert.NotNull(await app.QueryAsync(new WhoAmI(), current));
        var audit = await app.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        await app.SendAsync(new ResetPassword(actor.UserId!.Value, await app.ScalarAsync<long>("SELECT version FROM users WHERE id = @UserId", new { actor.UserId })), await app.ActorAsync("admin"));
        var afterReset = await app.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        await Assert.ThrowsAsync<NotAuthenticatedException>(() => app.QueryAsync(new WhoAmI(), current));
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => app.SendAsync(
            new Web.Features.Claims.SubmitClaim { Title = "Stale", Text = "Stale circuit", Language = "id", ClaimantName = "X", ClaimantKind = "person" }, current));
        Assert.Equal(afterReset, await app.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
        Assert.True(afterReset > audit);
    }

    [Fact]
    public async Task An_open_circuit_of_the_account_signs_out_when_its_sign_ins_end()
    {
        var (_, _, actor) = await app.NewUserAsync(Roles.Editor);
        var (_, _, bystander) = await app.NewUserAsync(Roles.Editor);
        await using var circuit = app.Services.CreateAsyncScope();
        await using var other = app.Services.CreateAsyncScope();
        var (provider, current) = await OpenCircuitAsync(circuit.ServiceProvider, actor);
        var (_, otherCurrent) = await OpenCircuitAsync(other.ServiceProvider, bystander);

        await app.SendAsync(new ResetPassword(actor.UserId!.Value, await app.ScalarAsync<long>("SELECT version FROM users WHERE id = @UserId", new { actor.UserId })), await app.ActorAsync("admin"));

        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.False(current.Actor.IsAuthenticated);
        Assert.Equal(bystander.UserId, otherCurrent.Actor.UserId);
    }

    /// A circuit's scope as Blazor opens one: its authentication state from the cookie, its circuit handler running.
    private static async Task<(AuthenticationStateProvider Provider, CurrentActor Current)> OpenCircuitAsync(IServiceProvider services, Actor actor)
    {
        var provider = services.GetRequiredService<AuthenticationStateProvider>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, $"{actor.UserId}"), new Claim(ClaimTypes.Name, actor.Name)], AuthSchemes.Cookie));
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var handler = services.GetServices<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>().OfType<ActorCircuitHandler>().Single();
        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await handler.OnConnectionUpAsync(null!, CancellationToken.None);
        var current = services.GetRequiredService<CurrentActor>();
        Assert.Equal(actor.UserId, current.Actor.UserId);
        return (provider, current);
    }

    [Fact]
    public async Task The_first_admin_with_a_printed_password_sets_a_new_one_at_first_sign_in_before_anything_else()
    {
        using var fresh = new TestApp(demoData: false).Start();
        var printed = "Printed-" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = await fresh.Db.OpenAsync())
        {
            // The printed password is random; give the test a known one, as printed, still to be replaced.
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE users SET password_hash = @hash WHERE username = 'admin'", new { hash = Credentials.HashPassword(printed) });
        }

        Assert.Equal(1, await fresh.ScalarAsync<long>("SELECT must_change_password FROM users WHERE username = 'admin'"));
        var browser = fresh.Browser();
        var signedIn = await fresh.SignInAsync(browser, "admin", printed);
        var token = await fresh.CreateClient().PostAsJsonAsync("/api/tokens", new { username = "admin", password = printed });
        var admin = await fresh.ActorAsync("admin");

        Assert.Equal("/account", signedIn.Headers.Location?.AbsolutePath);
        Assert.Contains("data-testid=\"password-change-due\"", await browser.GetStringAsync("/account"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => fresh.QueryAsync(new ListUsers(), admin));
        Assert.Contains("/account", refused.Message, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ChangePasswordAsync(browser, printed, "The-admins-own-password-1")).StatusCode);

        Assert.Equal(0, await fresh.ScalarAsync<long>("SELECT must_change_password FROM users WHERE username = 'admin'"));
        Assert.NotEmpty(await fresh.QueryAsync(new ListUsers(), admin));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Tokens_carry_a_name_creation_and_last_use_and_their_owner_lists_and_revokes_them()
    {
        var (username, password, _) = await app.NewUserAsync(Roles.FactChecker);
        var cms = await TokenClientAsync(username, password, "newsroom CMS");
        var script = await TokenClientAsync(username, password);
        await GetMeAsync(cms);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await GetMeAsync(cms);

        var listed = await (await script.GetAsync("/api/tokens")).Content.ReadFromJsonAsync<JsonElement>();

        var tokens = listed.EnumerateArray().ToList();
        Assert.Equal(["API token", "newsroom CMS"], tokens.Select(t => t.GetProperty("name").GetString()));
        var named = tokens[1];
        Assert.Equal(app.Clock.GetUtcNow(), named.GetProperty("lastUsedAt").GetDateTimeOffset());
        Assert.True(named.GetProperty("createdAt").GetDateTimeOffset() < named.GetProperty("lastUsedAt").GetDateTimeOffset());
        Assert.False(tokens[0].TryGetProperty("token", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await cms.DeleteAsync("/api/tokens/current")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMeAsync(cms)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(script)).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_revokes_someone_elses_token()
    {
        var (username, password, _) = await app.NewUserAsync(Roles.FactChecker);
        var victim = await TokenClientAsync(username, password, "victim");
        var id = await app.ScalarAsync<long>("SELECT max(id) FROM api_tokens");
        var colleague = await app.ApiClientAsync("checker2");
        var audit = await app.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        var refused = await colleague.DeleteAsync($"/api/tokens/{id}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(audit, await app.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(victim)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await (await app.ApiClientAsync("admin")).DeleteAsync($"/api/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMeAsync(victim)).StatusCode);
    }

    [Fact]
    public async Task The_account_page_lists_ones_own_tokens_and_an_admin_sees_and_revokes_everyones()
    {
        var (username, password, _) = await app.NewUserAsync(Roles.FactChecker);
        var theirs = await TokenClientAsync(username, password, "their integration");
        var checker = app.Browser();
        await app.SignInAsync(checker, "checker2", TestApp.DemoPassword);
        var admin = app.Browser();
        await app.SignInAsync(admin, "admin", TestApp.DemoPassword);
        var id = await app.ScalarAsync<long>("SELECT max(id) FROM api_tokens");

        Assert.DoesNotContain("their integration", await checker.GetStringAsync("/account"), StringComparison.Ordinal);
        var adminPage = await admin.GetStringAsync("/account");
        Assert.Contains("their integration", adminPage, StringComparison.Ordinal);
        var revoked = await admin.PostAsync("/account", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "revoke-any",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(adminPage).Groups[1].Value),
            ["TokenId"] = $"{id}",
        }));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var body = WebUtility.HtmlDecode(await revoked.Content.ReadAsStringAsync());
        Assert.True(body.Contains($"“their integration” of {username} is revoked", StringComparison.Ordinal), body[body.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMeAsync(theirs)).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
