using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Records a claim as said, by one claimant (an existing one by id, or found or created by name and kind).
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record SubmitClaim : ClaimInput, ICommand<SubmittedClaim>, IValidatableObject, IChangesClaims
{
    public SubmitClaim()
    {
    }

    /// The same claim's fields, e.g. one the article intake accepted; the rest (source, links, tip) start empty.
    public SubmitClaim(ClaimInput fields)
        : base(fields)
    {
    }

    /// The side of a dispute a new claimant speaks for ("Azerbaijan", "Armenia"), for the dashboard's balance view.
    /// Ignored when the claimant already exists: their side changes only through SetClaimantSide.
    [StringLength(100)]
    public string? ClaimantSide { get; set; }

    /// Where the claim was first seen (optional): recorded as its first appearance.
    [StringLength(2000)]
    public string? AppearanceUrl { get; set; }

    [StringLength(200)]
    public string? AppearanceOutlet { get; set; }

    public DateOnly? AppearancePublishedOn { get; set; }

    /// The reader tip this claim was made from (the intake form opened from the tips inbox): marked converted in the same transaction.
    public long? FromTipId { get; set; }

    /// Links from this new claim to claims already recorded, e.g. this statement "denies" claim 12.
    public List<NewLink> Links { get; set; } = [];

    /// The new claim is this command's own; the recorded claims it links to are changed too (a link shows on both pages).
    public IEnumerable<ClaimTouch> ClaimsTouched() =>
        (Links ?? []).Select(l => new ClaimTouch(l.ToClaimId, l.Relation == "same-as" ? ClaimChange.Merge : ClaimChange.Link));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in ClaimFieldRules.Validate(this))
        {
            yield return result;
        }

        if (!string.IsNullOrWhiteSpace(AppearanceUrl) && !ClaimRules.IsHttpUrl(AppearanceUrl))
        {
            yield return new ValidationResult("Only http:// and https:// links can be stored.", [nameof(AppearanceUrl)]);
        }

        foreach (var link in Links.Where(l => !ClaimRules.Relations.Contains(l.Relation)))
        {
            yield return new ValidationResult($"Relation must be one of: {string.Join(", ", ClaimRules.Relations)} (not '{link.Relation}').", [nameof(Links)]);
        }
    }
}

public sealed record NewLink(long ToClaimId, string Relation, string? Note = null);

public sealed record SubmittedClaim(long Id, string Slug, long ClaimantId);

public sealed class SubmitClaimHandler : ICommandHandler<SubmitClaim, SubmittedClaim>
{
    public async ValueTask<SubmittedClaim> Handle(SubmitClaim command, CancellationToken cancellationToken) =>
        await ClaimCreation.CreateAsync(CommandContext.Current, command, field => field, cancellationToken);
}

/// Records a claim inside the running command: SubmitClaim, and the article intake that records several in one go.
/// field names an error's field as the caller's message has it (the intake's "claims[2].claimantId").
public static class ClaimCreation
{
    public static async Task<SubmittedClaim> CreateAsync(CommandContext db, SubmitClaim command, Func<string, string> field, CancellationToken cancellationToken)
    {
        var claimantId = command.ClaimantId
            ?? await FindOrCreateClaimantAsync(db, command.ClaimantName!.Trim(), command.ClaimantKind!, command.ClaimantAffiliation, command.ClaimantSide, cancellationToken);
        if (command.ClaimantId is { } existing
            && await db.ExecuteScalarAsync<long>("SELECT count(*) FROM claimants WHERE id = @existing", new { existing }, cancellationToken) == 0)
        {
            throw ValidationFailedException.For(field(nameof(SubmitClaim.ClaimantId)), $"Claimant {existing} does not exist.");
        }

        var claim = new
        {
            Title = command.Title.Trim(),
            command.Text,
            command.Language,
            TranslationEn = string.IsNullOrWhiteSpace(command.TranslationEn) ? null : command.TranslationEn,
            ClaimantId = claimantId,
            command.SaidOn,
            Place = string.IsNullOrWhiteSpace(command.Place) ? null : command.Place.Trim(),
            command.Kind,
            command.FigureLow,
            command.FigureHigh,
            FigureUnit = string.IsNullOrWhiteSpace(command.FigureUnit) ? null : command.FigureUnit.Trim(),
            command.FigureAsOf,
            Topics = command.Topics.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
        };
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO claims (slug, title, text, language, translation_en, claimant_id, said_on, place, kind,
                                figure_low, figure_high, figure_unit, figure_as_of, status, created_at, created_by, updated_at, stage_started_at)
            VALUES (@Slug, @Title, @Text, @Language, @TranslationEn, @ClaimantId, @SaidOn, @Place, @Kind,
                    @FigureLow, @FigureHigh, @FigureUnit, @FigureAsOf, 'new', @Now, @UserId, @Now, @Now)
            RETURNING id
            """,
            new
            {
                Slug = "pending-" + Guid.NewGuid().ToString("N"),
                claim.Title, claim.Text, claim.Language, claim.TranslationEn, claim.ClaimantId, claim.SaidOn, claim.Place, claim.Kind,
                claim.FigureLow, claim.FigureHigh, claim.FigureUnit, claim.FigureAsOf, db.Now, db.Actor.UserId,
            },
            cancellationToken);

        // The id makes the slug unique without a retry loop, and keeps it stable if the title is edited later.
        var slug = $"{ClaimRules.Slugify(claim.Title)}-{id}";
        await db.ExecuteAsync("UPDATE claims SET slug = @slug WHERE id = @id", new { slug, id }, cancellationToken);
        await ClaimSearchIndex.WriteAsync(db, id, claim.Title, claim.Text, claim.Language, claim.TranslationEn, cancellationToken);
        foreach (var topic in await Topics.TopicList.ResolveAsync(db, claim.Topics, cancellationToken))
        {
            await db.ExecuteAsync("INSERT INTO claim_topics (claim_id, topic) VALUES (@id, @topic)", new { id, topic }, cancellationToken);
        }

        db.Audit("claim", id, null, claim with { });

        if (!string.IsNullOrWhiteSpace(command.AppearanceUrl))
        {
            await Appearances.AddAsync(db, id, command.AppearanceUrl.Trim(), command.AppearanceOutlet, command.AppearancePublishedOn, quote: null, firstSeen: true, field(nameof(SubmitClaim.AppearanceUrl)), cancellationToken);
        }

        foreach (var link in command.Links)
        {
            await ClaimLinks.AddAsync(db, id, link.ToClaimId, link.Relation, link.Note, field(nameof(SubmitClaim.Links)), cancellationToken);
        }

        if (command.FromTipId is { } tipId)
        {
            await TipConversion.MarkAsync(db, tipId, id, cancellationToken);
        }

        return new SubmittedClaim(id, slug, claimantId);
    }

    /// The claimant of that name and kind, created (with its affiliation and side) when there is none yet.
    public static async Task<long> FindOrCreateClaimantAsync(CommandContext db, string name, string kind, string? affiliation, string? side, CancellationToken ct)
    {
        var found = await db.QuerySingleOrDefaultAsync<long?>(
            "SELECT coalesce(merged_into_id, id) FROM claimants WHERE name = @name COLLATE NOCASE AND kind = @kind", new { name, kind }, ct);
        if (found is { } id)
        {
            return id;
        }

        affiliation = string.IsNullOrWhiteSpace(affiliation) ? null : affiliation.Trim();
        side = string.IsNullOrWhiteSpace(side) ? null : side.Trim();
        id = await db.ExecuteScalarAsync<long>(
            "INSERT INTO claimants (name, kind, affiliation, side, created_at) VALUES (@name, @kind, @affiliation, @side, @Now) RETURNING id",
            new { name, kind, affiliation, side, db.Now },
            ct);
        db.Audit("claimant", id, null, new { name, kind, affiliation, side }, "CreateClaimant");
        return id;
    }
}
