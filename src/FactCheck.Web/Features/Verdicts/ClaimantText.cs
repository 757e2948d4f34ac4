namespace FactCheck.Web.Features.Verdicts;

/// Names the strings of the public claimant page (ClaimantText.resx, ClaimantText.id.resx).
public sealed class ClaimantText;
