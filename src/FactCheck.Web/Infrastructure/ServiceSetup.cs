using System.Security.Claims;
using System.Threading.RateLimiting;
using Dapper;
using FactCheck.Web.Infrastructure.Api;
using FactCheck.Web.Infrastructure.Auth;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Jobs;
using FactCheck.Web.Infrastructure.Pipeline;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;

namespace FactCheck.Web.Infrastructure;

public static class ServiceSetup
{
    public const string AdminPolicy = "admin";
    public const string LoginRateLimit = "login";

    public static WebApplicationBuilder AddFactCheck(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<FactCheckOptions>().Bind(configuration.GetSection(FactCheckOptions.Section));

        DapperTypeHandlers.Register();
        var db = new Db(ResolveConnectionString(configuration, builder.Environment));
        services.AddSingleton(db);
        // Keys live beside the database so sign-in cookies and antiforgery tokens survive a restart.
        services.AddDataProtection()
            .SetApplicationName("FactCheck")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(db.DataFolder, "keys")));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Bootstrap>();

        services.AddScoped<CurrentActor>();
        services.AddMediator((MediatorOptions options) =>
        {
            // Scoped: behaviours read the caller's CurrentActor, which belongs to the request or circuit scope.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.GenerateTypesAsInternal = true;
            options.Assemblies = [typeof(ServiceSetup)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(AuthorizationBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(TransactionBehavior<,>),
            ];
        });

        services.AddProblemDetails();

        // Minimal APIs answer an unreadable body with a bare 400 unless told to throw; thrown, it reaches the
        // problem-details handler, which names the field that could not be read.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        AddAuthentication(services);
        AddRateLimiting(services, configuration);
        AddJobs(services, configuration);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, ActorCircuitHandler>();
        services.AddMudServices();
        return builder;
    }

    private static string ResolveConnectionString(IConfiguration configuration, IWebHostEnvironment environment)
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

    private static void AddAuthentication(IServiceCollection services)
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
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
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
        var current = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT security_stamp FROM users WHERE id = @id AND is_active = 1", new { id }, cancellationToken: context.HttpContext.RequestAborted));
        if (current is null || current != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
        }
    }

    private static void AddRateLimiting(IServiceCollection services, IConfiguration configuration)
    {
        var loginsPerMinute = configuration.GetValue($"{FactCheckOptions.Section}:Security:LoginRequestsPerMinute", 10);
        var tipsPerTenMinutes = configuration.GetValue($"{FactCheckOptions.Section}:Security:TipsPerTenMinutes", 5);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;

            // Sign-in by form and by API share one budget per client address; the tip form has its own, per sender
            // network (an IPv6 sender has a whole /64 to rotate through). Keys are prefixed so the budgets never mix.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var address = context.Connection.RemoteIpAddress;
                if (IsTipPost(context.Request))
                {
                    return RateLimitPartition.GetFixedWindowLimiter(
                        "tips:" + Features.Tips.TipRules.ClientNetwork(address),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = tipsPerTenMinutes, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 });
                }

                var isLogin = HttpMethods.IsPost(context.Request.Method)
                    && (context.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase) || context.Request.Path.Equals("/api/tokens", StringComparison.OrdinalIgnoreCase));
                if (!isLogin)
                {
                    return RateLimitPartition.GetNoLimiter("none");
                }

                return RateLimitPartition.GetFixedWindowLimiter(
                    "login:" + (address?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = loginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
    }

    /// Tells the client which budget it ran out of and when to come back.
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var isTip = IsTipPost(http.Request);
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(isTip ? 10 : 1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (title, detail) = isTip
            ? ("Too many tips", $"We have received several tips from your address in the last few minutes. Please wait {minutes} minute{(minutes == 1 ? "" : "s")}, then go back (your browser keeps what you wrote) and send it again.")
            : ("Too many attempts", "Too many sign-in attempts from your address. Wait a minute and try again.");

        // A reader posting the tip form in a browser gets a page, not JSON.
        if (isTip && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{title} · FactCheck</title><link rel="stylesheet" href="/css/public.css"></head>
                <body><main class="site-main"><h1>{title}</h1><p role="alert">{detail}</p><p><a href="/">Back to FactCheck</a></p></main></body></html>
                """,
                cancellationToken);
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail },
        });
    }

    private static bool IsTipPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value?.TrimEnd('/').Equals("/tips", StringComparison.OrdinalIgnoreCase) == true;

    private static void AddJobs(IServiceCollection services, IConfiguration configuration)
    {
        // Hangfire's defaults for storage and activator are process-wide statics (JobStorage.Current,
        // JobActivator.Current), so two hosts in one process (tests, benchmarks) would run each other's jobs.
        // Registered first, these per-host instances win over AddHangfire's TryAdd fallbacks.
        services.AddSingleton<JobStorage>(provider =>
        {
            provider.GetRequiredService<IGlobalConfiguration>(); // points Hangfire's logging at this host first
            return new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(1) });
        });
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        services.AddScoped<SystemJobs>();
        if (configuration.GetValue($"{FactCheckOptions.Section}:Jobs:Enabled", true))
        {
            services.AddHangfireServer(options => options.WorkerCount = 2);
        }
    }

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
