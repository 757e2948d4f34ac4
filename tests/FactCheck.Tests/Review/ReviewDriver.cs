using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Review;

/// Drives claims through the review workflow with the demo staff, through the real mediator pipeline.
public sealed class ReviewDriver(TestApp app)
{
    public Actor Editor { get; private set; } = null!;

    public Actor Editor2 { get; private set; } = null!;

    public Actor Checker { get; private set; } = null!;

    public Actor Checker2 { get; private set; } = null!;

    public Actor Admin { get; private set; } = null!;

    public static async Task<ReviewDriver> CreateAsync(TestApp app)
    {
        var driver = new ReviewDriver(app);
        driver.Editor = await app.ActorAsync("editor");
        driver.Editor2 = await app.ActorAsync("editor2");
        driver.Checker = await app.ActorAsync("checker");
        driver.Checker2 = await app.ActorAsync("checker2");
        driver.Admin = await app.ActorAsync("admin");
        return driver;
    }

    public DateOnly Tomorrow => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2);

    public async Task<long> NewClaimAsync(string kind = "event", string? title = null)
    {
        var submitted = await app.SendAsync(
            new SubmitClaim
            {
                Title = title ?? "A claim under review",
                Text = $"Pasukan menembaki desa di perbatasan {Guid.NewGuid():N}",
                Language = "id",
                ClaimantName = "Review Test Ministry",
                ClaimantKind = "government",
                Kind = kind,
            },
            Checker);
        return submitted.Id;
    }

    public async Task<long> VersionAsync(long claimId) =>
        await app.ScalarAsync<long>("SELECT version FROM claims WHERE id = @claimId", new { claimId });

    public async Task<string> StatusAsync(long claimId) =>
        await app.ScalarAsync<string>("SELECT status FROM claims WHERE id = @claimId", new { claimId });

    public async Task<ClaimActionResult> ActAsync<T>(T command, Actor actor)
        where T : IClaimAction => await app.SendAsync(command, actor);

    public async Task<ClaimActionResult> TriageAsync(long id) =>
        await ActAsync(new TriageClaim { ClaimId = id, Version = await VersionAsync(id), Priority = "high" }, Editor);

    public async Task<ClaimActionResult> AssignAsync(long id, Actor? to = null) =>
        await ActAsync(new AssignClaim { ClaimId = id, Version = await VersionAsync(id), AssigneeId = (to ?? Checker).UserId!.Value, DueDate = Tomorrow }, Editor);

    public async Task<ClaimActionResult> StartAsync(long id, Actor? by = null) =>
        await ActAsync(new StartResearch { ClaimId = id, Version = await VersionAsync(id) }, by ?? Checker);

    public async Task<long> AddEvidenceAsync(long id, Actor? by = null, string stance = "refutes") =>
        await app.SendAsync(
            new AddEvidence { ClaimId = id, Url = "https://example.org/source/" + Guid.NewGuid().ToString("N"), Title = "Satellite images of the area", Stance = stance },
            by ?? Checker);

    public async Task<ClaimActionResult> SubmitAsync(long id, string rating = "false", Actor? by = null, string? changeNote = null, string? attribution = null) =>
        await ActAsync(
            new SubmitVerdict
            {
                ClaimId = id,
                Version = await VersionAsync(id),
                Rating = rating,
                Attribution = attribution,
                Summary = "No sign of the attack in satellite images.",
                Explanation = "Images from **two providers** show the buildings intact.",
                ChangeNote = changeNote,
            },
            by ?? Checker);

    public async Task<ClaimActionResult> ApproveAsync(long id, Actor? by = null, string? note = null, string? overrideReason = null) =>
        await ActAsync(new ApproveVerdict { ClaimId = id, Version = await VersionAsync(id), Note = note, OverrideReason = overrideReason }, by ?? Editor2);

    /// Takes a fresh claim to the given state: new, triaged, assigned, researching, in_review, published, rejected or merged.
    public async Task<long> ClaimInStateAsync(string state, string kind = "event")
    {
        var id = await NewClaimAsync(kind);
        if (state == "new")
        {
            return id;
        }

        if (state == "merged")
        {
            var original = await NewClaimAsync(kind);
            await app.SendAsync(new LinkClaims { FromClaimId = id, ToClaimId = original, Relation = "same-as" }, Checker);
            return id;
        }

        if (state == "rejected")
        {
            await ActAsync(new RejectClaim { ClaimId = id, Version = await VersionAsync(id), Reason = "Opinion, not checkable" }, Editor);
            return id;
        }

        await TriageAsync(id);
        if (state == "triaged")
        {
            return id;
        }

        await AssignAsync(id);
        if (state == "assigned")
        {
            return id;
        }

        await StartAsync(id);
        if (state == "researching")
        {
            return id;
        }

        await AddEvidenceAsync(id);
        await SubmitAsync(id, attribution: RatingScale.NeedsAttribution(kind) ? "confirmed" : null);
        if (state == "in_review")
        {
            return id;
        }

        await ApproveAsync(id);
        return state == "published" ? id : throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown claim state.");
    }
}
