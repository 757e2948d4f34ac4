using System.Net.Http.Json;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace FactCheck.Tests;

/// The real application on a fresh temp-file SQLite database built from db/migrations, with a fake clock.
/// Messages go through the real mediator pipeline; HTTP goes through the real middleware.
public partial class TestApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Test-Demo-Password-1";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "factcheck-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> settings;

    // A folder the caller chose outlives this app, so a second app can start on the same database (a restart).
    private readonly bool ownsFolder = true;

    private readonly string environment;
    private readonly System.Net.IPAddress? connectionAddress;

    /// connectionAddress: the peer address every request arrives from, as a socket would report it (the in-memory
    /// server reports none), for tests of forwarded headers and per-client limits.
    public TestApp(bool demoData = true, IDictionary<string, string?>? settings = null, string? folder = null, string environment = "Testing", System.Net.IPAddress? connectionAddress = null)
    {
        this.environment = environment;
        this.connectionAddress = connectionAddress;
        if (folder is not null)
        {
            this.folder = folder;
            ownsFolder = false;
        }

        Directory.CreateDirectory(this.folder);
        this.settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:FactCheck"] = $"Data Source={DatabasePath}",
            ["FactCheck:DemoData"] = demoData ? "true" : "false",
            ["FactCheck:DemoPassword"] = DemoPassword,
            ["FactCheck:Jobs:Enabled"] = "false",
            // Outside Development the app needs its public address (it never takes one from the Host header).
            ["FactCheck:PublicUrl"] = "https://localhost",
            ["FactCheck:Security:LoginRequestsPerMinute"] = "10000",
            ["FactCheck:Security:TipsPerTenMinutes"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        // A test that names its own (SQLite) database keeps it; every other app runs on the provider under test.
        if (TestDatabase.IsPostgres && settings?.ContainsKey("ConnectionStrings:FactCheck") != true)
        {
            PostgresConnectionString = TestDatabase.CreatePostgresAsync(
                named: folder is null ? null : "factcheck_test_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(folder)))[..24])
                .GetAwaiter().GetResult();
            this.settings["FactCheck:Database:Provider"] = "postgres";
            this.settings["ConnectionStrings:FactCheck"] = PostgresConnectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }

        // Outside Development cookies are Secure: clients talk HTTPS, as browsers reach a production desk.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string Folder => folder;

    public string DatabasePath => Path.Combine(folder, "factcheck.db");

    /// Set when this app runs on a PostgreSQL database of its own (FACTCHECK_TEST_PROVIDER=postgres).
    public string? PostgresConnectionString { get; }

    public Db Db => Services.GetRequiredService<Db>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (connectionAddress is { } address)
            {
                services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ConnectionAddress(address));
            }
        });
    }

    /// Starts the app (migrations, seeding) without an HTTP call.
    public TestApp Start()
    {
        _ = Services;
        return this;
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, Actor actor)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public async Task<TResponse> QueryAsync<TResponse>(IQuery<TResponse> query, Actor actor)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public async Task<TResponse> RequestAsync<TResponse>(IRequest<TResponse> request, Actor actor)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// The actor of an existing account, roles as stored.
    public async Task<Actor> ActorAsync(string username)
    {
        await using var connection = await Db.OpenAsync();
        var id = await connection.QuerySingleAsync<long>("SELECT id FROM users WHERE username = @username", new { username });
        var roles = await connection.QueryAsync<string>("SELECT role FROM user_roles WHERE user_id = @id", new { id });
        return new Actor(id, username, roles.ToHashSet());
    }

    /// Creates a fresh account (unique name) so tests that lock or deactivate accounts never share one.
    public async Task<(string Username, string Password, Actor Actor)> NewUserAsync(string role, string? prefix = null)
    {
        var username = $"{prefix ?? role}-{Guid.NewGuid().ToString("N")[..8]}";
        const string password = "A-long-enough-password-1";
        await SendAsync(new CreateUser { Username = username, DisplayName = username, Roles = [role], Password = password }, Actor.System);
        return (username, password, await ActorAsync(username));
    }

    public async Task<T> ScalarAsync<T>(string sql, object? param = null)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, param) ?? throw new InvalidOperationException("No value for " + sql);
    }

    /// PRAGMA integrity_check on a connection of its own, then FTS5's own check of the search index (which throws if
    /// it is broken). A pooled connection that last read the search index before another connection merged its
    /// segments reports "fts5: corruption found reading blob …" although the index is sound: SQLite's check reads
    /// the index structure that connection cached. A fresh connection, or the same one after any search, says "ok".
    public async Task<string> IntegrityCheckAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(Db.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        var result = string.Join("; ", await connection.QueryAsync<string>("PRAGMA integrity_check"));
        await connection.ExecuteAsync("INSERT INTO claim_search (claim_search) VALUES ('integrity-check')");
        return result;
    }

    public async Task<List<T>> RowsAsync<T>(string sql, object? param = null)
    {
        await using var connection = await Db.OpenAsync();
        return (await connection.QueryAsync<T>(sql, param)).ToList();
    }

    /// An API client with a personal token of the demo account, as a newsroom integration would hold.
    public Task<HttpClient> ApiClientAsync(string username, string password = DemoPassword) => SignInWithTokenAsync(CreateClient(), username, password);

    /// Gets a personal token through POST /api/tokens and sends it on every later request of the client: this app's
    /// or one on a real socket.
    public static async Task<HttpClient> SignInWithTokenAsync(HttpClient client, string username, string password)
    {
        var response = await client.PostAsJsonAsync("/api/tokens", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// An HTTP client that keeps cookies and does not follow redirects, so tests see 302s.
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });

    /// Signs in through the real /login form, antiforgery token included.
    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, string username, string password)
    {
        var page = await client.GetStringAsync("/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Username"] = username,
            ["Input.Password"] = password,
        }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (PostgresConnectionString is not null && ownsFolder)
            {
                TestDatabase.DropPostgresAsync(PostgresConnectionString).GetAwaiter().GetResult();
            }

            if (!ownsFolder)
            {
                return;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finalising connection; the temp folder is cleaned by the OS.
            }
        }
    }

    /// Sets the connection's peer address before anything else runs, as Kestrel would from the socket.
    private sealed class ConnectionAddress(System.Net.IPAddress address) : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => context =>
            {
                context.Connection.RemoteIpAddress ??= address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// One app with the demo case, shared by the tests that do not change the clock or global settings.
[CollectionDefinition(Name)]
public sealed class SharedAppCollection : ICollectionFixture<SharedApp>
{
    public const string Name = "shared app";
}

public sealed class SharedApp : IDisposable
{
    public TestApp App { get; } = new TestApp().Start();

    public void Dispose() => App.Dispose();
}
