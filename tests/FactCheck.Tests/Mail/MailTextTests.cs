using FactCheck.Web.Features.Mail;
using FactCheck.Web.Infrastructure;

namespace FactCheck.Tests.Mail;

public sealed class MailTextTests
{
    private static readonly FactCheckOptions.SmtpOptions Smtp = new() { Host = "smtp.example.id", From = "desk@example.id" };

    private static readonly OutgoingMail Reminder = new(7, "budi@example.id", "Budi", "Due soon", "The claim is due at 17:00.", 42, 1);

    [Fact]
    public void Claim_link_in_a_mail_is_a_full_address_when_the_public_url_is_configured()
    {
        var message = SmtpPost.Compose(Smtp, Reminder, "https://cekfakta.example.id/");

        Assert.Contains("Claim: https://cekfakta.example.id/claims/42", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_link_in_a_mail_is_the_path_when_no_public_url_is_configured()
    {
        var message = SmtpPost.Compose(Smtp, Reminder);

        Assert.Contains("Claim: /claims/42", message.TextBody, StringComparison.Ordinal);
    }
}
