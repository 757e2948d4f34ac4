using System.Security.Claims;
using Dapper;
using FactCheck.Web.Infrastructure.Api;
using FactCheck.Web.Infrastructure.Auth;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Jobs;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;

namespace FactCheck.Web.Infrastructure;

public static class ServiceSetup
{
    public const string AdminPolicy = "admin";

    /// Everything but the features: database, auth, pipeline services, jobs, Blazor. FeatureSetup adds the features.
    public static WebApplicationBuilder AddInfrastructure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<FactCheckOptions>().Bind(configuration.GetSection(FactCheckOptions.Section));

        DapperTypeHandlers.Register();
        var db = CreateDb(configuration, builder.Environment);
        // A factory registration: the container disposes the Db (and PostgreSQL's connection pool) with the host.
        services.AddSingleton(_ => db);
        // Keys live in the database: sign-in cookies and antiforgery tokens survive a restart and are read by every node.
        services.AddDataProtection().SetApplicationName("FactCheck");
        DatabaseKeyRepository.AddTo(services);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseStartup>();
        services.AddSingleton<ClaimChangeNotifier>();
        services.AddSingleton<LiveRefreshGate>();
        services.AddSingleton<InboxNotifier>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<LocalChanges>();
        if (db.IsPostgres)
        {
            services.AddSingleton<NodeIdentity>();
            services.AddSingleton<PostgresChangeListener>();
            services.AddHostedService(provider => provider.GetRequiredService<PostgresChangeListener>());
            services.AddSingleton<IChangeFanOut, PostgresFanOut>();
        }
        else
        {
            services.AddSingleton<IChangeFanOut, InProcessFanOut>();
        }

        services.AddScoped<CurrentActor>();
        services.AddProblemDetails();

        // A body that names a field twice is ambiguous (which one did the sender mean?): refuse it with a 400.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AllowDuplicateProperties = false);

        // Minimal APIs answer an unreadable body with a bare 400 unless told to throw; thrown, it reaches the
        // problem-details handler, which names the field that could not be read.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<Jobs.JobServerHealthCheck>("jobs");
        services.AddMetrics();
        services.AddSingleton<FactCheckMetrics>();

        // Outside Development the site is served over HTTPS (directly or behind a proxy): cookies only travel over it.
        var cookiesSecure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        AddAuthentication(services, cookiesSecure);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddReverseProxySupport(configuration);
        services.AddSignInAndTipRateLimits(configuration);
        services.AddBackgroundJobs(configuration);

        services.AddPublicSite();
        // A circuit message carries a whole form value: the intake page's article (up to 100,001 characters, the
        // textarea's maxlength) is up to ~600 KB once JSON escapes control characters, far over SignalR's 32 KB default.
        services.AddRazorComponents().AddInteractiveServerComponents(options =>
            {
                // A closed staff tab's circuit (~2.2 MB with a dashboard, measured) is kept for a reconnect a while,
                // not the framework's 100 for 3 minutes: a desk reloading 200 dashboards would hold 220 MB.
                options.DisconnectedCircuitMaxRetained = 50;
                options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(2);
                // A browser that stops acknowledging render batches stops getting more after 10 (memory per circuit).
                options.MaxBufferedUnacknowledgedRenderBatches = 10;
                options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
                options.DetailedErrors = builder.Environment.IsDevelopment();
            })
            .AddHubOptions(options =>
            {
                options.MaximumReceiveMessageSize = 1024 * 1024;
                options.MaximumParallelInvocationsPerClient = 1;
                options.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
                options.KeepAliveInterval = TimeSpan.FromSeconds(15);
            });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "factcheck.antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = cookiesSecure;
        });
        // No request needs more than the article intake's 100,000-character text as JSON (under 1 MB, and a body
        // just over that must still reach the validator for a 400 naming the field); the framework allows 30 MB.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, ActorCircuitHandler>();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Components.StaffMudLocalizer>();
        return builder;
    }

    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    /// FactCheck:Database:Provider = sqlite (the default) or postgres; ConnectionStrings:FactCheck for either.
    public const string ProviderKey = "FactCheck:Database:Provider";

    internal static Db CreateDb(IConfiguration configuration, IWebHostEnvironment environment) =>
        ParseProvider(configuration[ProviderKey]) switch
        {
            DatabaseProvider.Postgres => new Db(DatabaseProvider.Postgres, configuration.GetConnectionString("FactCheck") is { Length: > 0 } pg
                ? pg
                : throw new InvalidOperationException($"{ProviderKey} is postgres but ConnectionStrings:FactCheck is not set: give it an Npgsql connection string (Host=...;Database=...;Username=...)."))
            ,
            _ => new Db(ResolveConnectionString(configuration, environment)),
        };

    internal static DatabaseProvider ParseProvider(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"{ProviderKey} is '{value}': use sqlite (the default) or postgres."),
        };

    internal static string ResolveConnectionString(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("FactCheck");
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/factcheck.db" : configured);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !Path.IsPathRooted(source)
            && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, source);
        }

        return builder.ToString();
    }

    private static void AddAuthentication(IServiceCollection services, CookieSecurePolicy cookiesSecure)
    {
        services.AddAuthentication(AuthSchemes.Smart)
            .AddPolicyScheme(AuthSchemes.Smart, "Cookie for pages, bearer token for /api", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Path.StartsWithSegments("/api") ? AuthSchemes.ApiToken : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, options =>
            {
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/access-denied";
                options.Cookie.Name = "factcheck.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = cookiesSecure;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ValidateSecurityStampAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AuthSchemes.ApiToken, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin));
    }

    /// A cookie stays valid only while the account is active and its security stamp (changed by role changes,
    /// password resets and deactivation) is the one it was issued with.
    private static async Task ValidateSecurityStampAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(AuthSchemes.SecurityStampClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<Db>();
        await using var connection = await db.OpenAsync(context.HttpContext.RequestAborted);
        var current = await connection.QuerySingleOrDefaultAsync<CookieAccount>(new CommandDefinition(
            "SELECT security_stamp AS SecurityStamp, language AS Language FROM users WHERE id = @id AND is_active = 1",
            new { id = long.TryParse(id, out var userId) ? userId : 0 },
            cancellationToken: context.HttpContext.RequestAborted));
        if (current is null || current.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
        }
        else if (context.Principal is { } principal && principal.FindFirstValue(StaffLanguage.Claim) != current.Language && StaffLanguage.IsKnown(current.Language))
        {
            // Chosen in another browser or tab: this cookie follows on its next request.
            context.ReplacePrincipal(StaffLanguage.WithLanguage(principal, current.Language));
            context.ShouldRenew = true;
        }
    }

    private sealed record CookieAccount(string SecurityStamp, string? Language);


    private sealed class DatabaseHealthCheck(Db db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = await db.OpenAsync(cancellationToken);
                await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM users", cancellationToken: cancellationToken));
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", ex);
            }
        }
    }
}
