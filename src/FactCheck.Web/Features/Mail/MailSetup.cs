using FactCheck.Web.Infrastructure;
using Hangfire;

namespace FactCheck.Web.Features.Mail;

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services) => services.AddScoped<MailDeliveryJob>();

    /// Checked before start-up, from configuration alone: the SMTP password never goes out in the clear.
    public static IEnumerable<string> StartupProblems(IConfiguration configuration)
    {
        var smtp = new FactCheckOptions.SmtpOptions();
        configuration.GetSection($"{FactCheckOptions.Section}:Smtp").Bind(smtp);
        if (SmtpPost.ConfigurationProblem(smtp) is { } problem)
        {
            yield return problem;
        }
    }

    /// Mail goes out only when FactCheck:Smtp names a host and a sender; otherwise it waits in the outbox.
    public static void ScheduleMailJobs(this IRecurringJobManager jobs, FactCheckOptions options)
    {
        if (options.Smtp.Enabled)
        {
            jobs.AddOrUpdate<MailDeliveryJob>(MailDeliveryJob.JobId, j => j.DeliverMail(CancellationToken.None), options.Smtp.DeliveryCron);
        }
        else
        {
            jobs.RemoveIfExists(MailDeliveryJob.JobId);
        }
    }
}
