using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Accounts;

/// Each person works in their own language: the first sign-in takes the browser's, /account changes it (audited,
/// versioned), and it applies at once to that person's staff pages in every browser, never to public pages or the API.
public sealed partial class StaffLanguageTests : IDisposable
{
    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private async Task<HttpClient> SignedInAsync(string username, string password, string? acceptLanguage = null)
    {
        var browser = app.Browser();
        if (acceptLanguage is not null)
        {
            browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInAsync(browser, username, password)).StatusCode);
        return browser;
    }

    private static async Task<HttpResponseMessage> ChooseLanguageAsync(HttpClient browser, string language, long? version = null)
    {
        var page = await browser.GetStringAsync("/account");
        return await browser.PostAsync("/account", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "language",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value),
            ["Language.Language"] = language,
            ["Language.Version"] = (version ?? long.Parse(Version().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }

    private async Task<string?> StoredLanguageAsync(long userId) =>
        Assert.Single(await app.RowsAsync<string?>("SELECT language FROM users WHERE id = @userId", new { userId }));

    [Fact]
    public async Task The_first_sign_in_keeps_the_browsers_language_and_the_desk_speaks_it()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.FactChecker);
        Assert.Null(await StoredLanguageAsync(actor.UserId!.Value));

        var browser = await SignedInAsync(username, password, "id-ID,id;q=0.9,en;q=0.8");

        Assert.Equal("id", await StoredLanguageAsync(actor.UserId!.Value));
        Assert.Equal(1, await app.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'SetLanguageFromBrowser' AND entity = 'user' AND entity_id = @Id", new { Id = actor.UserId.ToString() }));
        var account = await browser.GetStringAsync("/account");
        Assert.Contains("<h1>Akun Anda</h1>", account);
        Assert.Contains("<html lang=\"id\">", account);
        var form = await browser.GetStringAsync("/claims/new");
        Assert.Contains("Catat klaim", form);
        Assert.Contains("Antrean", form);
        Assert.DoesNotContain("Record claim", form);
    }

    [Fact]
    public async Task A_browser_asking_for_another_language_leaves_the_choice_open_and_the_pages_english()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.FactChecker);

        var browser = await SignedInAsync(username, password, "fr-FR,fr;q=0.9");

        Assert.Null(await StoredLanguageAsync(actor.UserId!.Value));
        var form = await browser.GetStringAsync("/claims/new");
        Assert.Contains("Record claim", form);
        Assert.Contains("<html lang=\"en\">", form);
    }

    [Fact]
    public async Task Choosing_indonesian_at_account_is_stored_audited_and_applies_at_once()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.FactChecker);
        var browser = await SignedInAsync(username, password);
        Assert.Contains("<h1>Your account</h1>", await browser.GetStringAsync("/account"));
        var versionBefore = await app.ScalarAsync<long>("SELECT version FROM users WHERE id = @UserId", new { actor.UserId });

        var saved = await ChooseLanguageAsync(browser, "id");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/account?language=changed", saved.Headers.Location?.OriginalString);
        Assert.Equal("id", await StoredLanguageAsync(actor.UserId!.Value));
        Assert.Equal(versionBefore + 1, await app.ScalarAsync<long>("SELECT version FROM users WHERE id = @UserId", new { actor.UserId }));
        var audit = await app.RowsAsync<(string ActorName, string? Before, string? After)>(
            "SELECT actor_name, before_json, after_json FROM audit_log WHERE action = 'SetOwnLanguage' AND entity_id = @Id", new { Id = actor.UserId.ToString() });
        var row = Assert.Single(audit);
        Assert.Equal(username, row.ActorName);
        Assert.DoesNotContain("\"id\"", row.Before ?? "");
        Assert.Contains("\"id\"", row.After);
        var page = await browser.GetStringAsync("/account?language=changed");
        Assert.Contains("Halaman Anda sekarang berbahasa Indonesia.", page);
        Assert.Contains("Kembali ke meja redaksi", page);

        Assert.Equal(HttpStatusCode.Redirect, (await ChooseLanguageAsync(browser, "en")).StatusCode);
        Assert.Contains("Your pages are now in English.", await browser.GetStringAsync("/account?language=changed"));
        Assert.Contains("Record claim", await browser.GetStringAsync("/claims/new"));
    }

    [Fact]
    public async Task A_stale_or_unknown_choice_is_refused_and_changes_nothing()
    {
        var (username, password, actor) = await app.NewUserAsync(Roles.FactChecker);
        var browser = await SignedInAsync(username, password);
        var version = await app.ScalarAsync<long>("SELECT version FROM users WHERE id = @UserId", new { actor.UserId });
        var audit = await app.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        var stale = await ChooseLanguageAsync(browser, "id", version - 1);
        var unknown = await ChooseLanguageAsync(browser, "fr");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Your account changed since this page was opened.", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Choose Bahasa Indonesia or English.", await unknown.Content.ReadAsStringAsync());
        Assert.Null(await StoredLanguageAsync(actor.UserId!.Value));
        Assert.Equal(audit, await app.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task The_persons_other_browser_follows_the_new_language_on_its_next_page()
    {
        var (username, password, _) = await app.NewUserAsync(Roles.FactChecker);
        var laptop = await SignedInAsync(username, password);
        var phone = await SignedInAsync(username, password);
        Assert.Contains("Record claim", await phone.GetStringAsync("/claims/new"));

        await ChooseLanguageAsync(laptop, "id");

        Assert.Contains("Catat klaim", await phone.GetStringAsync("/claims/new"));
    }

    [Fact]
    public async Task Public_pages_and_the_api_keep_their_own_language_for_an_indonesian_staff_member()
    {
        var (username, password, _) = await app.NewUserAsync(Roles.FactChecker);
        var browser = await SignedInAsync(username, password, "id");

        var methodology = await browser.GetStringAsync("/about/methodology?lang=en");
        Assert.Contains("<html lang=\"en\">", methodology);
        Assert.Contains("How we check claims", methodology);

        var api = await app.ApiClientAsync(username, password);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("id");
        var refused = await api.PostAsJsonAsync("/api/claims", new { title = "", text = "", language = "id" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Enter the claim as it was said.", problem.GetProperty("errors").GetProperty("text").EnumerateArray().Select(e => e.GetString()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"Language.Version\" value=\"(\\d+)\"")]
    private static partial Regex Version();
}
