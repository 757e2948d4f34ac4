namespace FactCheck.Web.Features.Claims;

/// A link the new-claim form will ask SubmitClaim to make, while the person edits its relation and note.
public sealed class PendingLink(SimilarClaim claim)
{
    public SimilarClaim Claim { get; } = claim;

    public string Relation { get; set; } = "denies";

    public string? Note { get; set; }
}
