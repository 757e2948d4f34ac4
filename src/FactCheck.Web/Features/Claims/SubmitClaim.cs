using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Records a claim as said, by one claimant (an existing one by id, or found or created by name and kind).
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record SubmitClaim : ICommand<SubmittedClaim>, IValidatableObject, IChangesClaims
{
    [Required(ErrorMessage = "Enter a short title.")]
    [StringLength(ClaimRules.MaxTitleLength, ErrorMessage = "Keep the title to 75 characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Enter the claim as it was said.")]
    [StringLength(ClaimRules.MaxTextLength, ErrorMessage = "The claim text is limited to 10,000 characters.")]
    public string Text { get; set; } = "";

    [Required(ErrorMessage = "Enter the claim's language (e.g. id, en).")]
    public string Language { get; set; } = "";

    [StringLength(ClaimRules.MaxTextLength, ErrorMessage = "The translation is limited to 10,000 characters.")]
    public string? TranslationEn { get; set; }

    public long? ClaimantId { get; set; }

    [StringLength(ClaimRules.MaxClaimantNameLength)]
    public string? ClaimantName { get; set; }

    public string? ClaimantKind { get; set; }

    [StringLength(200)]
    public string? ClaimantAffiliation { get; set; }

    /// The side of a dispute a new claimant speaks for ("Azerbaijan", "Armenia"), for the dashboard's balance view.
    /// Ignored when the claimant already exists: their side changes only through SetClaimantSide.
    [StringLength(100)]
    public string? ClaimantSide { get; set; }

    public DateOnly? SaidOn { get; set; }

    [StringLength(200)]
    public string? Place { get; set; }

    [Required]
    public string Kind { get; set; } = "statement";

    public double? FigureLow { get; set; }

    public double? FigureHigh { get; set; }

    [StringLength(50)]
    public string? FigureUnit { get; set; }

    public DateOnly? FigureAsOf { get; set; }

    public List<string> Topics { get; set; } = [];

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
        if (!string.IsNullOrWhiteSpace(Title) && ClaimRules.RatingWordIn(Title) is { } word)
        {
            yield return new ValidationResult($"Keep rating words such as '{word}' out of the title: it names the claim, the verdict rates it.", [nameof(Title)]);
        }

        if (FigureLow is { } l && !double.IsFinite(l) || FigureHigh is { } h && !double.IsFinite(h))
        {
            yield return new ValidationResult("Figures must be ordinary numbers.", [nameof(FigureLow)]);
        }

        if (!string.IsNullOrWhiteSpace(AppearanceUrl) && !ClaimRules.IsHttpUrl(AppearanceUrl))
        {
            yield return new ValidationResult("Only http:// and https:// links can be stored.", [nameof(AppearanceUrl)]);
        }

        foreach (var link in Links.Where(l => !ClaimRules.Relations.Contains(l.Relation)))
        {
            yield return new ValidationResult($"Relation must be one of: {string.Join(", ", ClaimRules.Relations)} (not '{link.Relation}').", [nameof(Links)]);
        }

        if (!string.IsNullOrEmpty(Language) && !ClaimRules.IsKnownLanguage(Language))
        {
            yield return new ValidationResult($"'{Language}' is not a known language code; use a BCP 47 tag such as 'id' or 'en'.", [nameof(Language)]);
        }

        if (!ClaimRules.Kinds.Contains(Kind))
        {
            yield return new ValidationResult($"Kind must be one of: {string.Join(", ", ClaimRules.Kinds)}.", [nameof(Kind)]);
        }

        if (ClaimantId is null)
        {
            if (string.IsNullOrWhiteSpace(ClaimantName))
            {
                yield return new ValidationResult("Name the claimant (who said it).", [nameof(ClaimantName)]);
            }

            if (!ClaimRules.ClaimantKinds.Contains(ClaimantKind ?? ""))
            {
                yield return new ValidationResult($"Claimant kind must be one of: {string.Join(", ", ClaimRules.ClaimantKinds)}.", [nameof(ClaimantKind)]);
            }
        }

        if (Kind == "figure" && (FigureLow is null || string.IsNullOrWhiteSpace(FigureUnit)))
        {
            yield return new ValidationResult("A figure claim needs a value and a unit.", FigureLow is null ? [nameof(FigureLow)] : [nameof(FigureUnit)]);
        }

        if (FigureLow is { } low && FigureHigh is { } high && low > high)
        {
            yield return new ValidationResult("The low end of the range is above the high end.", [nameof(FigureLow)]);
        }

        foreach (var topic in Topics.Where(t => string.IsNullOrWhiteSpace(t) || t.Length > 60))
        {
            yield return new ValidationResult($"Topics are 1-60 characters ('{topic}').", [nameof(Topics)]);
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
        var claimantId = command.ClaimantId ?? await FindOrCreateClaimantAsync(db, command, cancellationToken);
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
        foreach (var topic in claim.Topics)
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

    private static async Task<long> FindOrCreateClaimantAsync(CommandContext db, SubmitClaim command, CancellationToken ct)
    {
        var name = command.ClaimantName!.Trim();
        var kind = command.ClaimantKind!;
        var found = await db.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM claimants WHERE name = @name COLLATE NOCASE AND kind = @kind", new { name, kind }, ct);
        if (found is { } id)
        {
            return id;
        }

        var affiliation = string.IsNullOrWhiteSpace(command.ClaimantAffiliation) ? null : command.ClaimantAffiliation.Trim();
        var side = string.IsNullOrWhiteSpace(command.ClaimantSide) ? null : command.ClaimantSide.Trim();
        id = await db.ExecuteScalarAsync<long>(
            "INSERT INTO claimants (name, kind, affiliation, side, created_at) VALUES (@name, @kind, @affiliation, @side, @Now) RETURNING id",
            new { name, kind, affiliation, side, db.Now },
            ct);
        db.Audit("claimant", id, null, new { name, kind, affiliation, side }, "CreateClaimant");
        return id;
    }
}
