using FactCheck.Web.Infrastructure.Auth;
using FactCheck.Web.Infrastructure.Jobs;
using Hangfire;

namespace FactCheck.Web.Infrastructure;

public static class AppSetup
{
    /// Stops start-up, naming each setting the app refuses to run with.
    public static void RefuseToStartOn(this WebApplication app, IEnumerable<string> problems)
    {
        if (problems.ToList() is { Count: > 0 } found)
        {
            var reason = string.Join(" ", found);
            app.Logger.LogCritical("FactCheck cannot start: {Reason}", reason);
            throw new InvalidOperationException("FactCheck cannot start: " + reason);
        }
    }

    /// Runs a start-up step; an exception it declares fatal is logged as the reason the app cannot start.
    public static async Task StartUpOrStopAsync<TFatal>(this WebApplication app, Func<Task> step)
        where TFatal : Exception
    {
        try
        {
            await step();
        }
        catch (TFatal ex)
        {
            app.Logger.LogCritical(ex, "FactCheck cannot start: {Reason}", ex.Message);
            throw;
        }
    }

    public static Task PrepareDatabaseAsync(this WebApplication app) =>
        app.StartUpOrStopAsync<Database.MigrationFailedException>(() => app.Services.GetRequiredService<Database.DatabaseStartup>().RunAsync());

    /// Configuration the app refuses to run with, each naming its key.
    public static IEnumerable<string> StartupProblems(WebApplication app)
    {
        var publicUrl = app.Configuration[$"{FactCheckOptions.Section}:PublicUrl"];
        if (!app.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(publicUrl))
        {
            yield return "FactCheck:PublicUrl is required outside Development: set it to the public site's address (e.g. https://cekfakta.example.id), "
                + "so absolute links (feeds, ClaimReview, canonical links, e-mail) never come from a request's Host header.";
        }
        else if (!app.Environment.IsDevelopment() && PublicSite.IsWebAddressOrEmpty(publicUrl) && !publicUrl!.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"FactCheck:PublicUrl is '{publicUrl}': outside Development the site is served over HTTPS only (its cookies are Secure), so give its https:// address.";
        }

        foreach (var problem in ReverseProxy.Problems(app.Configuration))
        {
            yield return problem;
        }
    }

    /// The middleware every request passes, and the endpoints of the app itself (health, jobs dashboard, language).
    public static WebApplication UseInfrastructure(this WebApplication app)
    {
        // First: everything after it (rate limits, sign-in throttle, HSTS, Secure cookies) sees the reader's address and scheme.
        if (ReverseProxy.IsConfigured(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        app.UseFactCheckSecurityHeaders();
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            app.UseMiddleware<HttpsOnly>();
        }

        app.UseStatusCodePages(async context =>
        {
            // The API answers bare status codes (404 for an unknown route, 405...) with problem details too.
            if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext });
            }
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UsePublicSite();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseStaffLanguage();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<FormRefusedPage>();
        app.UseMiddleware<PublicPageMiddleware>();

        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorizationFilter()],
            DashboardTitle = "FactCheck jobs",
            AppPath = "/admin/users",
        }).RequireAuthorization(ServiceSetup.AdminPolicy);

        app.MapLanguageSwitch();
        return app;
    }
}
