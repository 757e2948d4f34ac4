using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using static FactCheck.Web.Infrastructure.FactCheckOptions;

namespace FactCheck.Web.Features.Mail;

/// The SMTP side of delivery, with MailKit: connecting as FactCheck:Smtp says and turning an outbox row into a
/// plain-text message. Kept free of the database so no lock is held while talking to the server.
public static class SmtpPost
{
    /// MailKit applies this to each network step (connect, each command), so a dead server costs at most this.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<SmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken ct)
    {
        var security = smtp.Security?.ToUpperInvariant() switch
        {
            "NONE" => SecureSocketOptions.None,
            "AUTO" => SecureSocketOptions.Auto,
            "STARTTLS" => SecureSocketOptions.StartTls,
            "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
            _ => throw new InvalidOperationException($"FactCheck:Smtp:Security is '{smtp.Security}'; use None, Auto, StartTls or SslOnConnect."),
        };
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("FactCheck:Smtp:Host is not set."), smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                // Auto falls back to plain text when the server offers no STARTTLS: the password must not follow it.
                if (!client.IsSecure)
                {
                    throw new SmtpNotEncryptedException(
                        $"{smtp.Host}:{smtp.Port} gave no encrypted connection (FactCheck:Smtp:Security is {smtp.Security}), and FactCheck never sends "
                        + "the SMTP username and password in the clear. Use StartTls or SslOnConnect with a server that supports it.");
                }

                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// What stops the start: credentials configured for a connection that is never encrypted.
    public static string? ConfigurationProblem(SmtpOptions smtp) =>
        smtp.Enabled && !string.IsNullOrEmpty(smtp.Username) && string.Equals(smtp.Security, "None", StringComparison.OrdinalIgnoreCase)
            ? "FactCheck:Smtp:Username is set but FactCheck:Smtp:Security is None: FactCheck never sends the SMTP password in the clear. Use StartTls (the default) or SslOnConnect."
            : null;

    /// The Message-ID is derived from the outbox row, so a message sent again after a crash between sending and
    /// recording carries the same id and the recipient's mail system can tell it is a repeat.
    public static MimeMessage Compose(SmtpOptions smtp, OutgoingMail mail, string? publicUrl = null)
    {
        var from = Sender(smtp);
        from.Name = smtp.FromName;
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = MessageId(smtp, mail.Id),
            Body = new TextPart("plain") { Text = Text(mail, publicUrl) },
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Headers.Add("Auto-Submitted", "auto-generated"); // RFC 3834: no out-of-office replies to a robot
        return message;
    }

    public static string MessageId(SmtpOptions smtp, long outboxId)
    {
        var domain = Sender(smtp).Domain;
        return string.Create(CultureInfo.InvariantCulture, $"factcheck-outbox-{outboxId}@{(string.IsNullOrEmpty(domain) ? "factcheck.local" : domain)}");
    }

    private static MailboxAddress Sender(SmtpOptions smtp) =>
        MailboxAddress.Parse(smtp.From ?? throw new InvalidOperationException("FactCheck:Smtp:From is not set."));

    /// The claim's staff page, as a full address when FactCheck:PublicUrl says where the site is (mail readers
    /// cannot follow a bare path).
    private static string Text(OutgoingMail mail, string? publicUrl) =>
        mail.ClaimId is { } claimId
            ? string.Create(CultureInfo.InvariantCulture, $"{mail.Body}\n\nClaim: {publicUrl?.TrimEnd('/')}/claims/{claimId}\n")
            : mail.Body + "\n";
}

/// The connection to the mail server is not encrypted, and it would have to carry the SMTP password.
public sealed class SmtpNotEncryptedException(string message) : Exception(message);
