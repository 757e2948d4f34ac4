using FactCheck.Web.Components;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Intake;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Auth;
using FactCheck.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Infrastructure;

public static class AppSetup
{
    /// Migrates and seeds the database and registers recurring jobs before the server takes requests.
    public static async Task InitializeFactCheckAsync(this WebApplication app)
    {
        if (StartupProblems(app).ToList() is { Count: > 0 } problems)
        {
            var reason = string.Join(" ", problems);
            app.Logger.LogCritical("FactCheck cannot start: {Reason}", reason);
            throw new InvalidOperationException("FactCheck cannot start: " + reason);
        }

        try
        {
            await app.Services.GetRequiredService<Bootstrap>().RunAsync();
        }
        catch (Database.MigrationFailedException ex)
        {
            app.Logger.LogCritical(ex, "FactCheck cannot start: {Reason}", ex.Message);
            throw;
        }

        try
        {
            app.Services.CheckArticleIntake(app.Configuration);
        }
        catch (IntakeCuesException ex)
        {
            app.Logger.LogCritical(ex, "FactCheck cannot start: {Reason}", ex.Message);
            throw;
        }

        var jobs = app.Services.GetRequiredService<IOptions<FactCheckOptions>>().Value.Jobs;
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<SystemJobs>(
            SystemJobs.MaintenanceJobId, j => j.MaintainDatabase(CancellationToken.None), jobs.MaintenanceCron);
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<SystemJobs>(
            SystemJobs.SearchStatisticsJobId, j => j.RefreshSearchStatistics(CancellationToken.None), jobs.SearchStatisticsCron);
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<SystemJobs>(
            SystemJobs.ReminderSweepJobId, j => j.SweepReminders(CancellationToken.None),
            app.Services.GetRequiredService<IOptions<FactCheckOptions>>().Value.Reminders.SweepCron);
        var backup = app.Services.GetRequiredService<IOptions<FactCheckOptions>>().Value.Backup;
        if (backup.Enabled)
        {
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Features.Backup.BackupJob>(
                Features.Backup.BackupJob.JobId, j => j.Run(CancellationToken.None), backup.Cron);
        }
        else
        {
            app.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(Features.Backup.BackupJob.JobId);
        }

        var smtp = app.Services.GetRequiredService<IOptions<FactCheckOptions>>().Value.Smtp;
        if (smtp.Enabled)
        {
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<SystemJobs>(
                SystemJobs.MailDeliveryJobId, j => j.DeliverMail(CancellationToken.None), smtp.DeliveryCron);
        }
        else
        {
            app.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(SystemJobs.MailDeliveryJobId);
        }
    }

    /// Configuration the app refuses to run with, each naming its key.
    private static IEnumerable<string> StartupProblems(WebApplication app)
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

        var smtp = new FactCheckOptions.SmtpOptions();
        app.Configuration.GetSection($"{FactCheckOptions.Section}:Smtp").Bind(smtp);
        if (Features.Mail.SmtpPost.ConfigurationProblem(smtp) is { } mail)
        {
            yield return mail;
        }

        foreach (var problem in ReverseProxy.Problems(app.Configuration))
        {
            yield return problem;
        }
    }

    public static WebApplication MapFactCheck(this WebApplication app)
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
        Features.Feeds.FeedEndpoints.MapFeeds(app);
        app.MapAccountEndpoints();
        app.MapClaimsApi();
        app.MapArticleIntakeApi();
        app.MapReviewApi();
        app.MapDeadlineApi();
        Features.Dashboard.DashboardExport.MapDashboardExport(app);
        Features.Notifications.NotificationsApi.MapNotificationsApi(app);
        Features.Comments.CommentsApi.MapCommentsApi(app);
        Features.Following.FollowApi.MapFollowApi(app);
        Features.Notifications.NotificationSettingsApi.MapNotificationSettingsApi(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
