using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FactCheck.E2E.Infrastructure;

/// One running app and one headless Chromium for the whole E2E run; each test opens its own browser context.
public sealed class E2EFixture : IAsyncLifetime
{
    public const string DemoPassword = "e2e-Demo-Password-1";

    private static int started;

    private FactCheckAppFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "factcheck-e2e-" + Guid.NewGuid().ToString("N"));

    /// http://127.0.0.1:port/ of the running app.
    public Uri BaseAddress { get; private set; } = default!;

    /// Screenshots land beside the test assembly, in TestResults/screenshots.
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The E2E fixture has not started.");

    public async Task InitializeAsync()
    {
        if (Interlocked.Increment(ref started) > 1)
        {
            throw new InvalidOperationException(
                $"{nameof(E2EFixture)} starts the app and the browser once per run: mark E2E test classes with [Collection(E2ECollectionDefinition.Name)] instead of using the fixture another way.");
        }

        Directory.CreateDirectory(DataFolder);
        // Start from an empty folder so every screenshot present after the run was taken by this run.
        if (Directory.Exists(ScreenshotFolder))
        {
            Directory.Delete(ScreenshotFolder, recursive: true);
        }

        Directory.CreateDirectory(ScreenshotFolder);
        Assertions.SetDefaultExpectTimeout(10_000);
        try
        {
            factory = new FactCheckAppFactory(DataFolder, DemoPassword);
            factory.StartServer();
            BaseAddress = ResolveBaseAddress(factory);
            if (!File.Exists(factory.DatabasePath))
            {
                throw new InvalidOperationException($"The app did not create its database at {factory.DatabasePath}: the test configuration was not applied.");
            }

            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                // Playwright's own browser download is not available here; use the system Chromium.
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            });
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: do not leave a server or browser behind.
            await DisposeAsync();
            throw;
        }
    }

    /// A staff account of the test's own (the demo accounts' passwords must stay as the other tests know them), added as an
    /// admin adds one: with a generated password, to be replaced at the first sign-in. Returns its name and password.
    public async Task<(string Username, string Password)> NewStaffAsync(string role)
    {
        await using var scope = (factory ?? throw new InvalidOperationException("The E2E fixture has not started.")).Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<FactCheck.Web.Infrastructure.Pipeline.CurrentActor>().Actor = FactCheck.Web.Infrastructure.Pipeline.Actor.System;
        var username = $"{role}-{Guid.NewGuid().ToString("N")[..6]}";
        var created = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(
            new FactCheck.Web.Features.Accounts.CreateUser { Username = username, DisplayName = "Sari Wulandari", Roles = [role] });
        return (username, created.GeneratedPassword!);
    }

    /// Sends a message as a demo account through the real pipeline, to set the scene a test starts from.
    public async Task<T> SendAsAsync<T>(Mediator.ICommand<T> message, string username)
    {
        await using var scope = (factory ?? throw new InvalidOperationException("The E2E fixture has not started.")).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FactCheck.Web.Infrastructure.Database.Db>();
        await using var connection = await db.OpenAsync();
        var id = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT id FROM users WHERE username = @username", new { username });
        var roles = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT role FROM user_roles WHERE user_id = @id", new { id });
        scope.ServiceProvider.GetRequiredService<FactCheck.Web.Infrastructure.Pipeline.CurrentActor>().Actor =
            new FactCheck.Web.Infrastructure.Pipeline.Actor(id, username, roles.ToHashSet());
        return await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(message);
    }

    /// Sets a demo account's staff language back (as the person would at /account), so a test that changed it leaves
    /// the account as the other tests know it.
    public async Task SetLanguageAsync(string username, string language)
    {
        var app = factory ?? throw new InvalidOperationException("The E2E fixture has not started.");
        long version;
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await connection.OpenAsync();
            version = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT version FROM users WHERE username = @username", new { username });
        }

        await SendAsAsync(new FactCheck.Web.Features.Accounts.SetOwnLanguage { Language = language, Version = version }, username);
    }

    /// The demo editor triages a claim and assigns it to a staff member, as the desk would before research starts.
    public async Task TriageAndAssignAsync(long claimId, string assignee)
    {
        var app = factory ?? throw new InvalidOperationException("The E2E fixture has not started.");
        async Task<long> ScalarAsync(string sql, object param)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath}");
            await connection.OpenAsync();
            return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, sql, param);
        }

        await SendAsAsync(new FactCheck.Web.Features.Review.TriageClaim
        {
            ClaimId = claimId, Version = await ScalarAsync("SELECT version FROM claims WHERE id = @claimId", new { claimId }), Priority = "normal",
        }, "editor");
        await SendAsAsync(new FactCheck.Web.Features.Review.AssignClaim
        {
            ClaimId = claimId, Version = await ScalarAsync("SELECT version FROM claims WHERE id = @claimId", new { claimId }),
            AssigneeId = await ScalarAsync("SELECT id FROM users WHERE username = @assignee", new { assignee }),
        }, "editor");
    }

    /// A new claim of the test's own, entered by the demo editor as the intake form would enter it (the demo claims stay
    /// as the other tests expect them). Returns its id.
    public async Task<long> NewClaimAsync(string title, string text)
    {
        var app = factory ?? throw new InvalidOperationException("The E2E fixture has not started.");
        long editorId;
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM users WHERE username = 'editor'";
            editorId = (long)(await command.ExecuteScalarAsync())!;
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<FactCheck.Web.Infrastructure.Pipeline.CurrentActor>().Actor =
            new FactCheck.Web.Infrastructure.Pipeline.Actor(editorId, "editor", new HashSet<string> { FactCheck.Web.Infrastructure.Pipeline.Roles.Editor });
        var created = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new FactCheck.Web.Features.Claims.SubmitClaim
        {
            Title = title, Text = text, Language = "en", ClaimantName = "Kementerian Luar Negeri", ClaimantKind = "official-body", Kind = "event",
        });
        return created.Id;
    }

    /// A fresh context (no cookies) whose relative URLs resolve against the app.
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// Safe to call twice (after a failed start and again by xunit).
    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
            browser = null;
        }

        playwright?.Dispose();
        playwright = null;
        if (factory is not null)
        {
            await factory.DisposeAsync();
            factory = null;
        }

        // SQLite pools connections; release the file handles before deleting the folder.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(DataFolder))
            {
                Directory.Delete(DataFolder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder must not fail the run.
            Console.Error.WriteLine($"Could not delete {DataFolder}: {ex.Message}");
        }
    }

    private static Uri ResolveBaseAddress(FactCheckAppFactory factory)
    {
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server reports no addresses.");
        var address = addresses.Select(a => new Uri(a)).FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttp && a.Host == "127.0.0.1" && a.Port > 0)
            ?? throw new InvalidOperationException($"Expected Kestrel on http://127.0.0.1:<port>, it listens on: {string.Join(", ", addresses)}");
        return new Uri(address.GetLeftPart(UriPartial.Authority) + "/");
    }
}

[CollectionDefinition(Name)]
public sealed class E2ECollectionDefinition : ICollectionFixture<E2EFixture>
{
    public const string Name = "E2E";
}
