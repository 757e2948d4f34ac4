using FactCheck.Web.Features.Mail;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Mail;

/// Mail goes over TLS by default, and the SMTP password never travels in the clear: a server that offers no
/// encryption gets a clear error on the outbox row instead, and a configuration asking for it does not start.
public sealed class SmtpSecurityTests
{
    private static TestApp MailApp(int port, IDictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["FactCheck:Smtp:Host"] = "127.0.0.1",
            ["FactCheck:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FactCheck:Smtp:From"] = "desk@factcheck.test",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new TestApp(settings: settings).Start();
    }

    private static async Task<(MailDelivery Delivery, string? Error)> DeliverOneAsync(TestApp app)
    {
        await app.ScalarAsync<long>(
            """
            INSERT INTO mail_outbox (to_address, to_name, subject, body, created_at, next_attempt_at)
            VALUES ('checker@newsroom.test', 'Budi', 'Due soon', 'A claim is due soon.', @now, @now) RETURNING id
            """,
            new { now = app.Clock.GetUtcNow() });
        var delivery = await app.RequestAsync(new DeliverMail(), Actor.System);
        return (delivery, await app.ScalarAsync<string>("SELECT last_error FROM mail_outbox ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task By_default_mail_needs_starttls_and_a_server_without_it_gets_nothing()
    {
        var port = SmtpSink.FreePort();
        await using var sink = await SmtpSink.StartAsync(port);
        using var app = MailApp(port, new Dictionary<string, string?>());

        var (delivery, error) = await DeliverOneAsync(app);

        Assert.Equal(new MailDelivery(1, 0, 1), delivery);
        Assert.Contains("STARTTLS", error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task Credentials_are_never_sent_over_a_connection_that_stayed_unencrypted()
    {
        var port = SmtpSink.FreePort();
        await using var sink = await SmtpSink.StartAsync(port, offerPlainTextLogin: true);
        using var app = MailApp(port, new Dictionary<string, string?>
        {
            ["FactCheck:Smtp:Security"] = "Auto", ["FactCheck:Smtp:Username"] = "desk", ["FactCheck:Smtp:Password"] = "smtp-secret",
        });

        var (delivery, error) = await DeliverOneAsync(app);

        Assert.Equal(new MailDelivery(1, 0, 1), delivery);
        Assert.Contains("never sends the SMTP username and password in the clear", error, StringComparison.Ordinal);
        Assert.Empty(sink.Logins);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public void A_username_with_security_none_stops_the_start_naming_both_keys()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            ["FactCheck:Smtp:Host"] = "127.0.0.1", ["FactCheck:Smtp:From"] = "desk@factcheck.test",
            ["FactCheck:Smtp:Security"] = "None", ["FactCheck:Smtp:Username"] = "desk", ["FactCheck:Smtp:Password"] = "smtp-secret",
        });

        var refused = Assert.ThrowsAny<Exception>(() => app.Start());

        Assert.Contains("FactCheck:Smtp:Username", refused.Message, StringComparison.Ordinal);
        Assert.Contains("FactCheck:Smtp:Security", refused.Message, StringComparison.Ordinal);
    }
}
