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

    public async Task<long> NewClaimAsync(string kind = "event", string? title = null, string claimant = "Review Test Ministry")
    {
        var submitted = await app.SendAsync(
            new SubmitClaim
            {
                Title = title ?? "A claim under review",
                Text = $"Pasukan menembaki desa di perbatasan {Guid.NewGuid():N}",
                Language = "id",
                ClaimantName = claimant,
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

    /// A verdict written per language: "id", "en" or both.
    public async Task<ClaimActionResult> SubmitInAsync(long id, string languages, Actor? by = null, string rating = "false", string? changeNote = null, string suffix = "") =>
        await ActAsync(
            new SubmitVerdict
            {
                ClaimId = id,
                Version = await VersionAsync(id),
                Rating = rating,
                ChangeNote = changeNote,
                Texts = new VerdictTextsInput
                {
                    Id = languages.Contains("id") ? Indonesian(suffix) : null,
                    En = languages.Contains("en") ? English(suffix) : null,
                },
            },
            by ?? Checker);

    public static VerdictTextInput Indonesian(string suffix = "") => new()
    {
        Title = "Pasukan menembaki desa di perbatasan" + suffix,
        Summary = "Citra satelit tidak menunjukkan tanda serangan." + suffix,
        Explanation = "Citra dari **dua penyedia** memperlihatkan bangunan masih utuh." + suffix,
    };

    public static VerdictTextInput English(string suffix = "") => new()
    {
        Title = "Troops shelled a border village" + suffix,
        Summary = "Satellite images show no sign of the attack." + suffix,
        Explanation = "Images from **two providers** show the buildings intact." + suffix,
    };

    public async Task<ClaimActionResult> ApproveAsync(long id, Actor? by = null, string? note = null, string? overrideReason = null) =>
        await ActAsync(new ApproveVerdict { ClaimId = id, Version = await VersionAsync(id), Note = note, OverrideReason = overrideReason }, by ?? Editor2);

    public async Task<ClaimActionResult> CorrectAsync(long id, Actor? by = null, string reason = "The ministry published new figures.") =>
        await ActAsync(new CorrectVerdict { ClaimId = id, Version = await VersionAsync(id), Reason = reason }, by ?? Editor);

    public async Task<long> LinkAsync(long fromClaimId, long toClaimId, string relation) =>
        await app.SendAsync(new LinkClaims { FromClaimId = fromClaimId, ToClaimId = toClaimId, Relation = relation }, Editor);

    /// The action's command with valid fields, as a person who may take it would send it.
    public IClaimAction Command(string action, long claimId, long version) => action switch
    {
        ReviewActions.Triage => new TriageClaim { ClaimId = claimId, Version = version, Priority = "normal" },
        ReviewActions.Reject => new RejectClaim { ClaimId = claimId, Version = version, Reason = "Opinion, not checkable" },
        ReviewActions.Reopen => new ReopenClaim { ClaimId = claimId, Version = version },
        ReviewActions.Assign => new AssignClaim { ClaimId = claimId, Version = version, AssigneeId = Checker.UserId!.Value, DueDate = Tomorrow },
        ReviewActions.Reassign => new ReassignClaim { ClaimId = claimId, Version = version, AssigneeId = Checker2.UserId!.Value },
        ReviewActions.Start => new StartResearch { ClaimId = claimId, Version = version },
        ReviewActions.Submit => new SubmitVerdict
        {
            ClaimId = claimId, Version = version, Rating = "unverified", Summary = "No record either way.", Explanation = "Nobody could confirm it.",
        },
        ReviewActions.RequestChanges => new RequestChanges { ClaimId = claimId, Version = version, Comment = "Find a second source." },
        ReviewActions.Approve => new ApproveVerdict { ClaimId = claimId, Version = version },
        ReviewActions.Correct => new CorrectVerdict { ClaimId = claimId, Version = version, Reason = "The ministry published new figures." },
        ReviewActions.Amend => new AmendVerdict { ClaimId = claimId, Version = version, Summary = "No sign of the attack in satellite images (amended).", Note = "Clearer wording" },
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// Everything a workflow action can write about a claim, to show that a refused one wrote nothing.
    public async Task<ClaimSnapshot> SnapshotAsync(long claimId) =>
        (await app.RowsAsync<ClaimSnapshot>(
            """
            SELECT c.status AS Status, c.version AS Version, c.updated_at AS UpdatedAt,
                   (SELECT count(*) FROM audit_log WHERE entity = 'claim' AND entity_id = CAST(c.id AS TEXT)) AS AuditRows,
                   (SELECT count(*) FROM verdicts WHERE claim_id = c.id) AS Verdicts,
                   (SELECT string_agg(state || ':' || coalesce(CAST(version AS TEXT), '-'), ',' ORDER BY id) FROM verdicts WHERE claim_id = c.id) AS VerdictStates,
                   (SELECT count(*) FROM verdict_votes vv JOIN verdicts v ON v.id = vv.verdict_id WHERE v.claim_id = c.id) AS Votes,
                   (SELECT count(*) FROM evidence WHERE claim_id = c.id AND removed_at IS NULL) AS Evidence,
                   (SELECT count(*) FROM corrections WHERE claim_id = c.id) AS Corrections
            FROM claims c WHERE c.id = @claimId
            """,
            new { claimId })).Single();

    /// The claim's audit rows written after the given audit id, oldest first.
    public async Task<List<AuditRow>> AuditAfterAsync(long claimId, long afterId) =>
        await app.RowsAsync<AuditRow>(
            """
            SELECT id AS Id, action AS Action, actor_name AS ActorName, at AS At, before_json AS BeforeJson, after_json AS AfterJson
            FROM audit_log WHERE entity = 'claim' AND entity_id = CAST(@claimId AS TEXT) AND id > @afterId ORDER BY id
            """,
            new { claimId, afterId });

    public async Task<long> LastAuditIdAsync() => await app.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM audit_log");

    /// Takes a fresh claim to the given state: new, triaged, assigned, researching, in_review, published, rejected or merged.
    public async Task<long> ClaimInStateAsync(string state, string kind = "event", string claimant = "Review Test Ministry")
    {
        var id = await NewClaimAsync(kind, claimant: claimant);
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

        // A desk with a quorum of two needs a second editor's approval.
        if ((await ApproveAsync(id)).Status == "in_review")
        {
            await ApproveAsync(id, Editor);
        }

        return state == "published" ? id : throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown claim state.");
    }
}

public sealed record ClaimSnapshot(
    string Status, long Version, string UpdatedAt, long AuditRows, long Verdicts, string? VerdictStates, long Votes, long Evidence, long Corrections)
{
    public ClaimSnapshot()
        : this("", 0, "", 0, 0, null, 0, 0, 0)
    {
    }
}

public sealed record AuditRow(long Id, string Action, string ActorName, string At, string? BeforeJson, string? AfterJson)
{
    public AuditRow()
        : this(0, "", "", "", null, null)
    {
    }
}
