using System.ComponentModel.DataAnnotations;

namespace FactCheck.Web.Features.Claims;

/// The fields a claim is recorded with, as a person or API client sends them: SubmitClaim, EditClaim and the article
/// intake's AcceptedClaim carry these (flat in their JSON), so all three check them alike (ClaimFieldRules) and one
/// passes them on to another with the copy constructor instead of field by field.
public abstract record ClaimInput
{
    [Required(ErrorMessage = "Enter a short title.")]
    [StringLength(ClaimRules.MaxTitleLength, ErrorMessage = "Keep the title to 75 characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Enter the claim as it was said.")]
    [StringLength(ClaimRules.MaxTextLength, ErrorMessage = "The claim text is limited to 10,000 characters.")]
    public string Text { get; set; } = "";

    /// Virtual for the intake, whose claims take the article's language.
    [Required(ErrorMessage = "Enter the claim's language (e.g. id, en).")]
    public virtual string Language { get; set; } = "";

    [StringLength(ClaimRules.MaxTextLength, ErrorMessage = "The translation is limited to 10,000 characters.")]
    public string? TranslationEn { get; set; }

    /// A recorded claimant, or (left empty) one found or created by name and kind.
    public long? ClaimantId { get; set; }

    [StringLength(ClaimRules.MaxClaimantNameLength)]
    public string? ClaimantName { get; set; }

    public string? ClaimantKind { get; set; }

    [StringLength(200)]
    public string? ClaimantAffiliation { get; set; }

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
}
