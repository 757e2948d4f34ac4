using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Tips;

/// A reader asks us to check a claim they saw. Kept as a tip, apart from claims, until an editor handles it.
[AllowAnonymousMessage]
public sealed record SubmitTip : ICommand<SubmittedTip>, IValidatableObject
{
    [Required(ErrorMessage = "Tell us what the claim says.")]
    [StringLength(TipRules.MaxTextLength, ErrorMessage = "Keep the tip to 5,000 characters.")]
    public string Text { get; set; } = "";

    [StringLength(TipRules.MaxUrlLength, ErrorMessage = "The link is limited to 2,000 characters.")]
    public string? Url { get; set; }

    [StringLength(TipRules.MaxLanguageLength, ErrorMessage = "Keep the language to 60 characters.")]
    public string? Language { get; set; }

    [StringLength(TipRules.MaxWhereSeenLength, ErrorMessage = "Keep this to 200 characters.")]
    public string? WhereSeen { get; set; }

    [StringLength(TipRules.MaxContactLength, ErrorMessage = "Keep the contact to 200 characters.")]
    public string? Contact { get; set; }

    /// The honeypot: hidden from people and assistive technology, so only a bot fills it.
    public string? Website { get; set; }

    /// Set by the page from the connection (never from the form) and stored only as a salted hash.
    [Sensitive]
    public string? ClientAddress { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Url) && !TipRules.IsHttpUrl(TipRules.WebAddress(Url)))
        {
            yield return new ValidationResult("Enter a web address, such as https://www.example.com/page.", [nameof(Url)]);
        }
    }
}

/// Id is null when the tip was discarded as a bot's; the sender is told the same thing either way.
public sealed record SubmittedTip(long? Id);

public sealed class SubmitTipHandler : ICommandHandler<SubmitTip, SubmittedTip>
{
    public async ValueTask<SubmittedTip> Handle(SubmitTip command, CancellationToken cancellationToken)
    {
        // Same answer as a real tip, so a bot learns nothing; no row and no audit entry, so nobody has to clean up.
        if (!string.IsNullOrEmpty(command.Website))
        {
            return new SubmittedTip(null);
        }

        var db = CommandContext.Current;
        var salt = await db.ExecuteScalarAsync<byte[]>("SELECT salt FROM tip_client_salt WHERE id = 1", null, cancellationToken);
        var tip = new
        {
            Text = command.Text.Trim(),
            Url = TipRules.WebAddress(command.Url),
            Language = TipRules.Clean(command.Language),
            WhereSeen = TipRules.Clean(command.WhereSeen),
            Contact = TipRules.Clean(command.Contact),
        };
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO tips (text, url, language, where_seen, contact, status, created_at, client_hash)
            VALUES (@Text, @Url, @Language, @WhereSeen, @Contact, 'new', @Now, @ClientHash)
            RETURNING id
            """,
            new { tip.Text, tip.Url, tip.Language, tip.WhereSeen, tip.Contact, db.Now, ClientHash = TipRules.ClientHash(salt, command.ClientAddress) },
            cancellationToken);

        // The audit log is append-only, so the reader's contact details stay out of it: they can be erased from the tip.
        db.Audit("tip", id, null, new { tip.Text, tip.Url, tip.Language, tip.WhereSeen, HasContact = tip.Contact is not null });
        return new SubmittedTip(id);
    }
}
