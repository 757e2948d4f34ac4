using Dapper;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Notifications;

/// MailConfigured and Email say whether a choice of e-mail can have any effect yet.
public sealed record NotificationPreferences
{
    public bool EmailReminders { get; init; }

    public bool DailyDigest { get; init; }

    public string? Email { get; init; }

    public bool MailConfigured { get; init; }

    internal const string Select =
        "SELECT email_reminders AS EmailReminders, daily_digest AS DailyDigest, email AS Email FROM users WHERE id = @me";
}
