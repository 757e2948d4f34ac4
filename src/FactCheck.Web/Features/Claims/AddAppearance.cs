using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Records another place a known claim was seen: a repeat is an appearance, never a new claim.
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record AddAppearance : ICommand<long>, IValidatableObject, IChangesClaims
{
    public long ClaimId { get; set; }

    [Required(ErrorMessage = "Enter the address where the claim appeared.")]
    [StringLength(2000)]
    public string Url { get; set; } = "";

    [StringLength(200)]
    public string? Outlet { get; set; }

    public DateOnly? PublishedOn { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the quote to 2,000 characters.")]
    public string? Quote { get; set; }

    public bool FirstSeen { get; set; }

    public IEnumerable<ClaimTouch> ClaimsTouched() => [new(ClaimId, ClaimChange.Appearance)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Url) && !ClaimRules.IsHttpUrl(Url))
        {
            yield return new ValidationResult("Only http:// and https:// links can be stored.", [nameof(Url)]);
        }
    }
}

public sealed class AddAppearanceHandler : ICommandHandler<AddAppearance, long>
{
    public async ValueTask<long> Handle(AddAppearance command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        if (await db.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE id = @ClaimId", command, cancellationToken) == 0)
        {
            throw new NotFoundException($"Claim {command.ClaimId} does not exist.");
        }

        return await Appearances.AddAsync(db, command.ClaimId, command.Url.Trim(), command.Outlet, command.PublishedOn, command.Quote, command.FirstSeen, nameof(AddAppearance.Url), cancellationToken);
    }
}

public static class Appearances
{
    public static async Task<long> AddAsync(CommandContext db, long claimId, string url, string? outlet, DateOnly? publishedOn, string? quote, bool firstSeen, string field, CancellationToken ct)
    {
        if (await db.ExecuteScalarAsync<long>("SELECT count(*) FROM appearances WHERE claim_id = @claimId AND url = @url", new { claimId, url }, ct) > 0)
        {
            throw ValidationFailedException.For(field, "This appearance is already recorded for the claim.");
        }

        if (firstSeen)
        {
            // Only one appearance is the first sighting.
            await db.ExecuteAsync("UPDATE appearances SET first_seen = 0 WHERE claim_id = @claimId AND first_seen = 1", new { claimId }, ct);
        }

        var row = new
        {
            claimId,
            url,
            outlet = string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim(),
            publishedOn,
            quote = string.IsNullOrWhiteSpace(quote) ? null : quote,
            firstSeen,
        };
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO appearances (claim_id, url, outlet, published_on, quote, first_seen, created_by, created_at)
            VALUES (@claimId, @url, @outlet, @publishedOn, @quote, @firstSeen, @UserId, @Now)
            RETURNING id
            """,
            new { row.claimId, row.url, row.outlet, row.publishedOn, row.quote, row.firstSeen, db.Actor.UserId, db.Now },
            ct);
        db.Audit("appearance", id, null, row, "AddAppearance");
        db.ClaimChanged(claimId);
        return id;
    }
}
