using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Intake;

/// Records the claims a fact-checker chose from an article, in one transaction: the article, each new claim (as
/// SubmitClaim records it) or each repeat of a recorded claim, where the article said it, and the links between them.
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record AcceptArticle : ICommand<AcceptedArticle>, IValidatableObject, IChangesClaims
{
    public const int MaxClaims = 200;

    /// Relations a claim from an article may have to another from it; a repeat is an appearance, never a same-as merge.
    public static readonly IReadOnlyList<string> Relations = ClaimRules.Relations.Where(r => r != "same-as").ToList();

    public ArticleFields? Article { get; set; }

    public List<AcceptedClaim?>? Claims { get; set; }

    public List<AcceptedLink?>? Links { get; set; }

    /// Recorded claims the article repeats get an appearance (and the article's record); links between them change both.
    public IEnumerable<ClaimTouch> ClaimsTouched()
    {
        var recorded = (Claims ?? []).Where(c => c?.ExistingClaimId is not null).GroupBy(c => c!.Ref).ToDictionary(g => g.Key, g => g.First()!.ExistingClaimId!.Value);
        foreach (var id in recorded.Values)
        {
            yield return new ClaimTouch(id, ClaimChange.Appearance);
        }

        foreach (var link in (Links ?? []).Where(l => l is not null))
        {
            foreach (var end in new[] { link!.From, link.To })
            {
                if (recorded.TryGetValue(end, out var id))
                {
                    yield return new ClaimTouch(id, ClaimChange.Link);
                }
            }
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var article = Article ?? new ArticleFields();
        foreach (var error in ArticleRules.Validate(article, "article."))
        {
            yield return error;
        }

        var text = ArticleRules.NormaliseLineEnds(article.Text ?? "");
        var claims = Claims ?? [];
        if (claims.Count == 0)
        {
            yield return new ValidationResult("Choose at least one claim to accept.", ["claims"]);
        }
        else if (claims.Count > MaxClaims)
        {
            yield return new ValidationResult($"Accept at most {MaxClaims} claims at a time (not {claims.Count}).", ["claims"]);
        }

        var refs = new HashSet<int>();
        var existing = new HashSet<long>();
        for (var i = 0; i < claims.Count && i < MaxClaims; i++)
        {
            var field = $"claims[{i}]";
            if (claims[i] is not { } claim)
            {
                yield return new ValidationResult("This claim is empty.", [field]);
                continue;
            }

            if (!refs.Add(claim.Ref))
            {
                yield return new ValidationResult($"Ref {claim.Ref} is used by another claim; each claim needs its own.", [$"{field}.ref"]);
            }

            if (claim.ExistingClaimId is { } existingId && !existing.Add(existingId))
            {
                yield return new ValidationResult($"Claim #{existingId} is chosen for another sentence too; record the article once per claim.", [$"{field}.existingClaimId"]);
            }

            if (Span(claim, text) is null && text.Length > 0)
            {
                yield return new ValidationResult(claim.Start is null || claim.Length is null
                    ? "Give the sentence's start and length in the article (its text is not found there)."
                    : $"The sentence (start {claim.Start}, length {claim.Length}) is outside the article's {text.Length} characters.", [$"{field}.start"]);
            }

            if (claim.ExistingClaimId is null)
            {
                // The same rules as a claim recorded on its own; the language is the article's, checked above.
                var submit = claim.ToSubmitClaim(ArticleRules.LanguageCode(article.Language) ?? "id");
                var results = new List<ValidationResult>();
                if (!Validator.TryValidateObject(submit, new ValidationContext(submit), results, validateAllProperties: true))
                {
                    results.AddRange(submit.Validate(new ValidationContext(submit)));
                }

                foreach (var result in results.DistinctBy(r => (r.ErrorMessage, string.Join(',', r.MemberNames))))
                {
                    var members = result.MemberNames.Where(m => m != nameof(SubmitClaim.Language)).Select(m => $"{field}.{JsonName(m)}").ToArray();
                    if (members.Length > 0 || !result.MemberNames.Any())
                    {
                        yield return new ValidationResult(result.ErrorMessage, members.Length > 0 ? members : [field]);
                    }
                }
            }
        }

        var links = Links ?? [];
        var seen = new HashSet<(int, int, string)>();
        for (var i = 0; i < links.Count; i++)
        {
            var field = $"links[{i}]";
            if (links[i] is not { } link)
            {
                yield return new ValidationResult("This link is empty.", [field]);
                continue;
            }

            if (!Relations.Contains(link.Relation ?? ""))
            {
                yield return new ValidationResult($"Relation must be one of: {string.Join(", ", Relations)} (not '{link.Relation}').", [$"{field}.relation"]);
            }

            if (!refs.Contains(link.From))
            {
                yield return new ValidationResult($"No accepted claim has ref {link.From}.", [$"{field}.from"]);
            }

            if (!refs.Contains(link.To))
            {
                yield return new ValidationResult($"No accepted claim has ref {link.To}.", [$"{field}.to"]);
            }
            else if (link.From == link.To)
            {
                yield return new ValidationResult("A claim cannot be linked to itself.", [$"{field}.to"]);
            }

            if (!seen.Add((link.From, link.To, link.Relation ?? "")))
            {
                yield return new ValidationResult("This link is listed twice.", [field]);
            }
        }
    }

    /// Where the claim's sentence is in the (normalised) article: the given span, or the first place its text occurs.
    public static (int Start, int Length)? Span(AcceptedClaim claim, string text)
    {
        if (claim.Start is { } start && claim.Length is { } length)
        {
            return start >= 0 && length > 0 && (long)start + length <= text.Length ? (start, length) : null;
        }

        var claimText = ArticleRules.NormaliseLineEnds(claim.Text ?? "");
        var found = claimText.Trim().Length == 0 ? -1 : text.IndexOf(claimText, StringComparison.Ordinal);
        return found < 0 ? null : (found, claimText.Length);
    }

    public static string JsonName(string member) => char.ToLowerInvariant(member[0]) + member[1..];
}

public sealed record ArticleFields : IArticleFields
{
    public string? Text { get; set; }

    public string? Language { get; set; }

    public string? Url { get; set; }

    public string? Outlet { get; set; }

    public string? PublishedAt { get; set; }
}

/// One claim to record from the article: the fields of a claim (the language is the article's), Ref the candidate's
/// number (links refer to it). ExistingClaimId records the article as an appearance of that claim instead, and the
/// other fields are not used. Start and Length locate the sentence in the article; without them the claim's text is
/// looked for in it.
public sealed record AcceptedClaim : ClaimInput
{
    /// Unlike a claim submitted on its own, one from an article names its kind (no "statement" by default).
    public AcceptedClaim() => Kind = "";

    /// The article's: not read from the request.
    [JsonIgnore]
    public override string Language
    {
        get => base.Language;
        set => base.Language = value;
    }

    public int Ref { get; set; }

    public int? Start { get; set; }

    public int? Length { get; set; }

    public long? ExistingClaimId { get; set; }

    /// The claim as SubmitClaim records it, in the article's language.
    public SubmitClaim ToSubmitClaim(string language) => new(this) { Language = language, Topics = Topics ?? [] };
}

/// From's claim answers To's: "denies", "disputes" (or "supports", "corrects"). From and To are refs.
public sealed record AcceptedLink(int From, int To, string? Relation);

public sealed record AcceptedArticle(long ArticleId, IReadOnlyList<AcceptedArticleClaim> Claims, IReadOnlyList<AcceptedArticleLink> Links);

/// Created: a new claim; otherwise the article was recorded as an appearance of a claim already recorded.
/// AppearanceId is null when the article has no address (or the claim already had an appearance at that address: AppearanceAlreadyRecorded).
public sealed record AcceptedArticleClaim(int Ref, long ClaimId, string Slug, bool Created, long? AppearanceId, bool AppearanceAlreadyRecorded);

/// AlreadyLinked: both claims were recorded before and already linked so; nothing new was written.
public sealed record AcceptedArticleLink(int From, int To, string Relation, long? LinkId, bool AlreadyLinked);
