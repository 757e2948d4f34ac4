using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Accounts;

/// Data-protection keys live in the database: two nodes on one database read each other's sign-in cookies and
/// antiforgery tokens, and a desk upgrading from the keys folder keeps its keys.
public sealed partial class SharedKeysTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "factcheck-tests", "keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    [Fact]
    public async Task A_sign_in_cookie_and_an_antiforgery_token_from_one_node_are_accepted_by_the_other()
    {
        using var nodeA = new TestApp(folder: folder).Start();
        using var nodeB = new TestApp(folder: folder).Start();

        var signedIn = await nodeA.SignInAsync(nodeA.Browser(), "editor", TestApp.DemoPassword);
        var onB = nodeB.Browser();
        onB.DefaultRequestHeaders.Add("Cookie", Cookie(signedIn, "factcheck.auth"));
        var queue = await onB.GetAsync("/queue");

        var form = await nodeA.Browser().GetAsync("/login");
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Username"] = "checker", ["Input.Password"] = TestApp.DemoPassword,
            }),
        };
        post.Headers.Add("Cookie", Cookie(form, "factcheck.antiforgery"));
        var signInOnB = await nodeB.Browser().SendAsync(post);

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signInOnB.StatusCode);
        Assert.Contains(signInOnB.Headers.GetValues("Set-Cookie"), c => c.StartsWith("factcheck.auth=", StringComparison.Ordinal));
        Assert.True(await nodeA.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys WHERE friendly_name LIKE 'key-%'") >= 1);
        Assert.False(Directory.Exists(Path.Combine(folder, "keys")), "No key is written to the file system any more.");
    }

    [Fact]
    public async Task A_node_without_the_shared_keys_refuses_the_cookie()
    {
        using var nodeA = new TestApp(folder: folder).Start();
        using var elsewhere = new TestApp();

        var signedIn = await nodeA.SignInAsync(nodeA.Browser(), "editor", TestApp.DemoPassword);
        var other = elsewhere.Browser();
        other.DefaultRequestHeaders.Add("Cookie", Cookie(signedIn, "factcheck.auth"));

        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/queue")).StatusCode);
    }

    [Fact]
    public async Task Keys_of_the_old_keys_folder_are_imported_on_the_first_start_so_nobody_is_signed_out()
    {
        var keys = new DirectoryInfo(Path.Combine(folder, "keys"));
        var before = DataProtectionProvider.Create(keys, b => b.SetApplicationName("FactCheck")).CreateProtector("upgrade-test");
        var issuedBeforeTheUpgrade = before.Protect("still signed in");
        var oldKey = Path.GetFileNameWithoutExtension(Assert.Single(keys.GetFiles("*.xml")).Name);

        // A desk upgrading keeps its SQLite file (a PostgreSQL desk starts from copy-to-postgres, which copies the table).
        using var upgraded = new TestApp(folder: folder, settings: new Dictionary<string, string?> { ["ConnectionStrings:FactCheck"] = $"Data Source={Path.Combine(folder, "factcheck.db")}" }).Start();
        var protector = upgraded.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("upgrade-test");

        Assert.Equal("still signed in", protector.Unprotect(issuedBeforeTheUpgrade));
        Assert.Equal(oldKey, await upgraded.ScalarAsync<string>("SELECT friendly_name FROM data_protection_keys ORDER BY id LIMIT 1"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
