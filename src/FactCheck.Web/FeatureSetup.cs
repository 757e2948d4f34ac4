using FactCheck.Web.Components;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Features.Backup;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Dashboard;
using FactCheck.Web.Features.Demo;
using FactCheck.Web.Features.Feeds;
using FactCheck.Web.Features.Intake;
using FactCheck.Web.Features.Mail;
using FactCheck.Web.Features.Maintenance;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Features.WorkNotifications;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Hangfire;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web;

/// The one place that names every feature: Infrastructure offers seams, each feature's XxxSetup plugs into them,
/// and this file wires the two together for Program (and for the benchmarks, which host the same app).
public static class FeatureSetup
{
    public static WebApplicationBuilder AddFactCheck(this WebApplicationBuilder builder)
    {
        builder.AddInfrastructure();
        var services = builder.Services;
        services.AddMediator((MediatorOptions options) =>
        {
            // Scoped: behaviours read the caller's CurrentActor, which belongs to the request or circuit scope.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.GenerateTypesAsInternal = true;
            options.Assemblies = [typeof(FeatureSetup)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(AuthorizationBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(TransactionBehavior<,>),
                typeof(ReviewPolicyBehavior<,>),
                typeof(ClaimChangeBehavior<,>),
                typeof(WorkNotificationBehavior<,>),
            ];
        });

        services.AddSingleton<FirstAccounts>();
        services.AddSingleton<DemoCaseLoader>();
        services.AddClaims();
        services.AddReview();
        services.AddReminders();
        services.AddDashboard();
        services.AddNotifications();
        services.AddMaintenance();
        services.AddMail();
        services.AddArticleIntake(builder.Configuration, builder.Environment);
        return builder;
    }

    public static WebApplication MapFactCheck(this WebApplication app)
    {
        app.UseInfrastructure();
        app.MapFeeds();
        app.MapAccountEndpoints();
        app.MapClaims();
        app.MapArticleIntakeEndpoints();
        app.MapReview();
        app.MapReminders();
        app.MapDashboard();
        app.MapNotifications();
        Features.Comments.CommentEndpoints.MapCommentEndpoints(app);
        Features.Following.FollowEndpoints.MapFollowEndpoints(app);
        NotificationSettingEndpoints.MapNotificationSettingEndpoints(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// Before the server takes requests: refuse bad settings, migrate, give an empty database its first accounts
    /// (the demo case in Development), check the intake cues, and schedule the recurring jobs.
    public static async Task InitializeFactCheckAsync(this WebApplication app)
    {
        app.RefuseToStartOn([.. AppSetup.StartupProblems(app), .. MailSetup.StartupProblems(app.Configuration)]);
        await app.PrepareDatabaseAsync();
        await LoadFirstDataAsync(app.Services);
        await app.StartUpOrStopAsync<IntakeCuesException>(() =>
        {
            app.Services.CheckArticleIntake(app.Configuration);
            return Task.CompletedTask;
        });

        var options = app.Services.GetRequiredService<IOptions<FactCheckOptions>>().Value;
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.ScheduleMaintenanceJobs(options);
        jobs.ScheduleClaimJobs(options);
        jobs.ScheduleReminderJobs(options);
        jobs.ScheduleBackupJobs(options, app.Services.GetRequiredService<Infrastructure.Database.Db>().IsPostgres);
        jobs.ScheduleMailJobs(options);
    }

    /// Everything is created through the ordinary commands, as the system or as the demo editor.
    private static async Task LoadFirstDataAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var accounts = services.GetRequiredService<FirstAccounts>();
        var empty = await accounts.NoneYetAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        actor.Actor = Actor.System;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FeatureSetup));
        var refreshStatistics = await mediator.IndexClaimsForSearchAsync(services.GetRequiredService<Db>(), logger, ct);
        if (empty && services.GetRequiredService<IOptions<FactCheckOptions>>().Value.DemoData)
        {
            await services.GetRequiredService<DemoCaseLoader>().LoadAsync(mediator, actor, ct);
        }
        else if (empty)
        {
            await accounts.CreateFirstAdminAsync(mediator, ct);
        }

        if (refreshStatistics)
        {
            await mediator.Send(new RefreshSearchStatistics(), ct);
        }
    }
}
