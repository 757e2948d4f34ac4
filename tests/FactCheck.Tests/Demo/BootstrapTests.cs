using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Features.Demo;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Demo;

[Collection(SharedAppCollection.Name)]
public sealed class DemoCaseTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task Demo_staff_accounts_exist_with_their_roles_and_the_configured_password()
    {
        foreach (var (username, _, role) in DemoCase.Staff)
        {
            var result = await App.SendAsync(new SignIn { Username = username, Password = TestApp.DemoPassword }, Actor.Anonymous);
            Assert.True(result.Succeeded, username);
            Assert.Contains(role, result.Identity!.Roles);
        }
    }

    [Fact]
    public async Task Demo_claims_keep_the_original_Indonesian_text_and_an_English_translation()
    {
        var claims = await App.RowsAsync<(string Title, string Text, string Language, string? Translation, string Claimant)>(
            """
            SELECT c.title, c.text, c.language, c.translation_en, p.name
            FROM claims c JOIN claimants p ON p.id = c.claimant_id
            WHERE c.created_by = (SELECT id FROM users WHERE username = 'editor') AND c.said_on IS NOT NULL
            """);

        Assert.True(claims.Count >= DemoCase.Claims().Count);
        Assert.All(claims.Take(DemoCase.Claims().Count), c =>
        {
            Assert.Equal("id", c.Language);
            Assert.False(string.IsNullOrWhiteSpace(c.Translation));
        });
        Assert.Contains(claims, c => c.Text.Contains("menuduh pasukan Azerbaijan menyerang gedung-gedung di Stepanakert") && c.Claimant == "Pejabat lokal Nagorno-Karabakh");
        Assert.Contains(claims, c => c.Text.Contains("dibantah pemerintah Baku") && c.Claimant == "Pemerintah Azerbaijan");
        Assert.Contains(claims, c => c.Text.Contains("mortir dan roket") && c.Claimant == "Hassan Rouhani");
    }

    [Fact]
    public async Task Putins_estimate_is_a_figure_claim_of_5000_deaths()
    {
        var figure = await App.RowsAsync<(string Kind, double Low, string Unit)>(
            "SELECT kind, figure_low, figure_unit FROM claims WHERE title = 'The Nagorno-Karabakh fighting has killed 5,000 people'");

        var row = Assert.Single(figure);
        Assert.Equal(("figure", 5000d, "deaths"), row);
    }

    [Fact]
    public async Task Bakus_denial_is_linked_to_the_Stepanakert_accusation()
    {
        var link = await App.RowsAsync<(string Relation, string From, string To)>(
            """
            SELECT l.relation, f.title, t.title
            FROM claim_links l JOIN claims f ON f.id = l.from_claim_id JOIN claims t ON t.id = l.to_claim_id
            WHERE l.relation = 'denies'
            """);

        Assert.Contains(("denies", "Baku denies attacking buildings in Stepanakert", "Azerbaijani forces attacked buildings in Stepanakert"), link);
    }

    [Fact]
    public async Task Demo_data_went_through_the_ordinary_commands_and_is_audited()
    {
        var submitted = await App.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'SubmitClaim' AND actor_name = 'editor'");
        var created = await App.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'CreateUser' AND actor_name = 'system'");

        Assert.True(submitted >= DemoCase.Claims().Count);
        Assert.True(created >= DemoCase.Staff.Count);
    }
}

public sealed class BootstrapTests
{
    [Fact]
    public async Task A_restart_on_the_same_database_loads_nothing_twice()
    {
        var folder = Path.Combine(Path.GetTempPath(), "factcheck-tests", Guid.NewGuid().ToString("N"));
        long claims, users;
        using (var first = new TestApp(folder: folder).Start())
        {
            claims = await first.ScalarAsync<long>("SELECT count(*) FROM claims");
            users = await first.ScalarAsync<long>("SELECT count(*) FROM users");
        }

        using var second = new TestApp(folder: folder).Start();

        Assert.Equal(DemoCase.Claims().Count, claims);
        Assert.Equal(claims, await second.ScalarAsync<long>("SELECT count(*) FROM claims"));
        Assert.Equal(users, await second.ScalarAsync<long>("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task Without_demo_data_an_empty_database_gets_one_admin_with_a_generated_password_and_no_demo_accounts()
    {
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        TestApp app;
        try
        {
            app = new TestApp(demoData: false).Start();
        }
        finally
        {
            Console.SetOut(console);
        }

        using (app)
        {
            var users = await app.RowsAsync<string>("SELECT username FROM users");
            Assert.Equal(["admin"], users);
            Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM claims"));
            var printed = System.Text.RegularExpressions.Regex.Match(output.ToString(), "password '([^']+)'").Groups[1].Value;
            Assert.NotEmpty(printed);
            Assert.NotEqual(TestApp.DemoPassword, printed);
            Assert.True((await app.SendAsync(new SignIn { Username = "admin", Password = printed }, Actor.Anonymous)).Succeeded);
        }
    }

    [Fact]
    public async Task The_first_admin_can_come_from_configuration()
    {
        using var app = new TestApp(demoData: false, settings: new Dictionary<string, string?>
        {
            ["FactCheck:Admin:Username"] = "desk-chief",
            ["FactCheck:Admin:Password"] = "Configured-Admin-Password-9",
        }).Start();

        var result = await app.SendAsync(new SignIn { Username = "desk-chief", Password = "Configured-Admin-Password-9" }, Actor.Anonymous);

        Assert.True(result.Succeeded);
        Assert.Equal([Roles.Admin], result.Identity!.Roles);
        Assert.Equal(1, await app.ScalarAsync<long>("SELECT count(*) FROM users"));
    }
}
