using Dapper;
using FactCheck.Web.Infrastructure.Pipeline;
using System.Data.Common;

namespace FactCheck.Web.Features.Review;

/// The review side of a claim, as the staff claim page and GET /api/claims/{id} show it.
public sealed record ReviewDetail(
    string? Priority,
    DateTimeOffset? DueAt,
    StaffRef? Assignee,
    StaffRef? AssignedBy,
    DateTimeOffset? StageStartedAt,
    string? RejectionReason,
    VerdictView? PendingVerdict,
    IReadOnlyList<VerdictView> PublishedVersions,
    int ApprovalsNeeded,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<CorrectionNotice> Corrections,
    IReadOnlyList<ConsistencyIssue> Consistency,
    IReadOnlyList<ReviewDecision> Decisions,
    Deadline? Deadline,
    IReadOnlyList<ReminderSent> Reminders);

public sealed record StaffRef(long Id, string Name);

/// The running deadline of the claim's current stage (research towards a verdict, or a verdict waiting for review).
/// DueAt is when the stage's work is due: the ladder's deadline, or, while researching, the claim's own due date if
/// that is earlier (an editor's date that passed before the ladder started still makes the claim late).
/// State is on-track, due-soon (from DueSoonAt) or overdue, judged by the clock when the claim was read.
public sealed record Deadline(
    string Stage, DateTimeOffset DueAt, DateTimeOffset DueSoonAt, DateTimeOffset? EscalateAt, DateTimeOffset? SnoozedUntil,
    DateTimeOffset StartedAt, string State)
{
    public const string OnTrack = "on-track";
    public const string DueSoon = "due-soon";
    public const string Overdue = "overdue";

    public static string StateAt(DateTimeOffset now, DateTimeOffset dueAt, DateTimeOffset dueSoonAt) =>
        now >= dueAt ? Overdue : now >= dueSoonAt ? DueSoon : OnTrack;
}

/// A reminder recorded for this claim: Step is due-soon, overdue, escalation or waiting-for-review; Outcome is sent,
/// or skipped when a later step of the same ladder came due at the same sweep.
public sealed record ReminderSent(long Id, string Stage, string Step, StaffRef Recipient, DateTimeOffset At, string Outcome);

public sealed record VoteView(long VoterId, string Voter, string? Note, DateTimeOffset At);

/// A verdict draft or published version. State is in_review, returned, published or superseded. Texts holds its
/// language versions (Indonesian first); Summary and Explanation are the first one's, for one-language readers.
public sealed record VerdictView(
    long Id, int? Version, string State, string Rating, string RatingLabel, string RatingLabelId, int? RatingValue,
    string? Attribution, string? AttributionLabel, IReadOnlyList<VerdictTextView> Texts,
    StaffRef Author, DateTimeOffset SubmittedAt, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
    string? ChangeNote, string? OverrideReason, IReadOnlyList<long> EvidenceIds, IReadOnlyList<VoteView> Votes)
{
    public string Summary => Texts.Count > 0 ? Texts[0].Summary : "";

    public string Explanation => Texts.Count > 0 ? Texts[0].Explanation : "";

    public VerdictTextView? Text(string language) => Texts.FirstOrDefault(t => t.Language == language);
}

public sealed record VerdictTextView(string Language, string Title, string Summary, string Explanation, string ExplanationHtml);

public sealed record EvidenceItem(long Id, string Url, string Title, string Stance, string? Note, StaffRef AddedBy, DateTimeOffset AddedAt)
{
    public DateOnly? PublishedOn { get; init; }
}

/// A public correction: opened with a reason, published with the version that fixes it (null while in progress).
public sealed record CorrectionNotice(
    long Id, string Reason, DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? PublishedAt,
    int? OldVersion, string? OldRating, string? OldRatingLabel, int? NewVersion, string? NewRating, string? NewRatingLabel, string? WhatChanged)
{
    /// The language versions the published correction added, rewrote or dropped (empty when only the rating or
    /// sources changed); null while the correction is in progress.
    public IReadOnlyList<string>? ChangedLanguages { get; init; }
}

public static class ReviewReader
{
    private sealed record VerdictRow(
        long Id, long? Version, string State, string Rating, string? Attribution,
        long AuthorId, string Author, DateTimeOffset SubmittedAt, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
        string? ChangeNote, string? OverrideReason);

    private sealed record ClaimReviewRow(
        string? Priority, DateTimeOffset? DueAt, long? AssigneeId, string? Assignee, long? AssignedById, string? AssignedBy,
        DateTimeOffset? StageStartedAt, string? RejectionReason);

    private sealed record LadderRow(
        string Stage, DateTimeOffset DueAt, DateTimeOffset DueSoonAt, DateTimeOffset? EscalateAt, DateTimeOffset? SnoozedUntil, DateTimeOffset StartedAt);

    private sealed record ReminderRow(long Id, string Stage, string Step, long RecipientId, string Recipient, DateTimeOffset At, string Outcome);

    private sealed record EvidenceRow(long Id, string Url, string Title, string Stance, string? Note, long AddedById, string AddedBy, DateTimeOffset AddedAt, DateOnly? PublishedOn);

    private sealed record CorrectionRow(
        long Id, string Reason, DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? PublishedAt,
        long? OldVersion, string? OldRating, long? NewVersion, string? NewRating, string? WhatChanged, string? ChangedLanguages);

    public static async Task<ReviewDetail> LoadAsync(
        DbConnection connection, ReviewState state, Actor actor, ReviewPolicy policy, RatingScale scale, CancellationToken ct)
    {
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT c.priority AS Priority, c.due_at AS DueAt, c.assignee_id AS AssigneeId, a.display_name AS Assignee,
                   c.assigned_by AS AssignedById, b.display_name AS AssignedBy, c.stage_started_at AS StageStartedAt,
                   c.rejection_reason AS RejectionReason
            FROM claims c LEFT JOIN users a ON a.id = c.assignee_id LEFT JOIN users b ON b.id = c.assigned_by
            WHERE c.id = @ClaimId;

            -- Published versions, newest first, then the draft in review or sent back for changes: only while it is the
            -- claim's latest verdict (a draft sent back and then resubmitted stays 'returned' but is history).
            SELECT v.id AS Id, v.version AS Version, v.state AS State, v.rating AS Rating, v.attribution AS Attribution,
                   v.author_id AS AuthorId, u.display_name AS Author,
                   v.submitted_at AS SubmittedAt, v.published_at AS PublishedAt, v.updated_at AS UpdatedAt,
                   v.change_note AS ChangeNote, v.override_reason AS OverrideReason
            FROM verdicts v JOIN users u ON u.id = v.author_id
            WHERE v.claim_id = @ClaimId
              AND (v.state IN ('published', 'superseded')
                   OR (v.state IN ('in_review', 'returned') AND v.id = (SELECT max(id) FROM verdicts WHERE claim_id = @ClaimId)))
            ORDER BY v.version IS NULL, v.version DESC;

            SELECT t.verdict_id AS VerdictId, t.language AS Language, t.title AS Title, t.summary AS Summary, t.explanation AS Explanation
            FROM verdict_texts t JOIN verdicts v ON v.id = t.verdict_id
            WHERE v.claim_id = @ClaimId ORDER BY t.verdict_id, t.language = 'en', t.language;

            SELECT ve.verdict_id, ve.evidence_id FROM verdict_evidence ve JOIN verdicts v ON v.id = ve.verdict_id
            WHERE v.claim_id = @ClaimId ORDER BY ve.evidence_id;

            SELECT vv.verdict_id, vv.voter_id, u.display_name, vv.note, vv.at
            FROM verdict_votes vv JOIN verdicts v ON v.id = vv.verdict_id JOIN users u ON u.id = vv.voter_id
            WHERE v.claim_id = @ClaimId ORDER BY vv.id;

            SELECT e.id AS Id, e.url AS Url, e.title AS Title, e.stance AS Stance, e.note AS Note,
                   e.added_by AS AddedById, u.display_name AS AddedBy, e.added_at AS AddedAt, e.published_on AS PublishedOn
            FROM evidence e JOIN users u ON u.id = e.added_by
            WHERE e.claim_id = @ClaimId AND e.removed_at IS NULL ORDER BY e.id;

            SELECT k.id AS Id, k.reason AS Reason, k.opened_at AS OpenedAt, u.display_name AS OpenedBy, k.published_at AS PublishedAt,
                   o.version AS OldVersion, o.rating AS OldRating, n.version AS NewVersion, n.rating AS NewRating, n.change_note AS WhatChanged,
                   k.changed_languages AS ChangedLanguages
            FROM corrections k JOIN users u ON u.id = k.opened_by
            JOIN verdicts o ON o.id = k.previous_verdict_id LEFT JOIN verdicts n ON n.id = k.new_verdict_id
            WHERE k.claim_id = @ClaimId ORDER BY k.id DESC;

            SELECT l.stage AS Stage, l.due_at AS DueAt, l.due_soon_at AS DueSoonAt, l.escalate_at AS EscalateAt,
                   l.snoozed_until AS SnoozedUntil, l.started_at AS StartedAt
            FROM ladders l WHERE l.claim_id = @ClaimId AND l.ended_at IS NULL;

            SELECT r.id AS Id, l.stage AS Stage, r.step AS Step, r.recipient_id AS RecipientId, u.display_name AS Recipient,
                   r.at AS At, r.outcome AS Outcome
            FROM reminders r JOIN ladders l ON l.id = r.ladder_id JOIN users u ON u.id = r.recipient_id
            WHERE r.claim_id = @ClaimId ORDER BY r.id DESC LIMIT 200;
            """,
            new { state.ClaimId },
            cancellationToken: ct));
        var claim = await results.ReadSingleAsync<ClaimReviewRow>();
        var verdictRows = (await results.ReadAsync<VerdictRow>()).ToList();
        var textsOf = (await results.ReadAsync<(long VerdictId, string Language, string Title, string Summary, string Explanation)>())
            .ToLookup(r => r.VerdictId, r => new VerdictTextView(r.Language, r.Title, r.Summary, r.Explanation, SafeMarkdown.ToHtml(r.Explanation)));
        var evidenceOf = (await results.ReadAsync<(long VerdictId, long EvidenceId)>()).ToLookup(r => r.VerdictId, r => r.EvidenceId);
        var votesOf = (await results.ReadAsync<(long VerdictId, long VoterId, string Voter, string? Note, DateTimeOffset At)>())
            .ToLookup(r => r.VerdictId, r => new VoteView(r.VoterId, r.Voter, r.Note, r.At));
        var evidence = (await results.ReadAsync<EvidenceRow>())
            .Select(e => new EvidenceItem(e.Id, e.Url, e.Title, e.Stance, e.Note, new StaffRef(e.AddedById, e.AddedBy), e.AddedAt) { PublishedOn = e.PublishedOn }).ToList();
        var corrections = (await results.ReadAsync<CorrectionRow>()).Select(c => new CorrectionNotice(
            c.Id, c.Reason, c.OpenedAt, c.OpenedBy, c.PublishedAt, (int?)c.OldVersion, c.OldRating, scale.Find(c.OldRating)?.LabelEn ?? c.OldRating,
            (int?)c.NewVersion, c.NewRating, c.NewRating is null ? null : scale.Find(c.NewRating)?.LabelEn ?? c.NewRating, c.WhatChanged)
        {
            ChangedLanguages = c.ChangedLanguages?.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        }).ToList();
        var ladder = await results.ReadSingleOrDefaultAsync<LadderRow>();
        var reminders = (await results.ReadAsync<ReminderRow>())
            .Select(r => new ReminderSent(r.Id, r.Stage, r.Step, new StaffRef(r.RecipientId, r.Recipient), r.At, r.Outcome)).ToList();

        var verdicts = verdictRows.Select(v => ToView(v, scale, textsOf[v.Id].ToList(), evidenceOf[v.Id].ToList(), votesOf[v.Id].ToList())).ToList();
        var pending = verdicts.FirstOrDefault(v => v.State is "in_review" or "returned");
        var consistency = pending is { State: "in_review" }
            ? await Consistency.CheckAsync(connection, null, state.ClaimId, pending.Rating, scale, ct)
            : [];
        return new ReviewDetail(
            claim.Priority, claim.DueAt,
            claim.AssigneeId is { } assigneeId ? new StaffRef(assigneeId, claim.Assignee ?? "") : null,
            claim.AssignedById is { } byId ? new StaffRef(byId, claim.AssignedBy ?? "") : null,
            claim.StageStartedAt, claim.RejectionReason,
            pending,
            verdicts.Where(v => v.State is "published" or "superseded").ToList(),
            policy.ApprovalsNeeded,
            evidence,
            corrections,
            consistency,
            policy.DecideAll(state, actor),
            ladder is null ? null : ToDeadline(ladder, claim.DueAt, policy.Clock.GetUtcNow()),
            reminders);
    }

    private static Deadline ToDeadline(LadderRow ladder, DateTimeOffset? claimDue, DateTimeOffset now)
    {
        var due = ladder.Stage == "verdict" && claimDue is { } given && given < ladder.DueAt ? given : ladder.DueAt;
        return new Deadline(
            ladder.Stage, due, ladder.DueSoonAt, ladder.EscalateAt, ladder.SnoozedUntil, ladder.StartedAt,
            Deadline.StateAt(now, due, ladder.DueSoonAt));
    }

    private static VerdictView ToView(
        VerdictRow v, RatingScale scale, IReadOnlyList<VerdictTextView> texts, IReadOnlyList<long> evidenceIds, IReadOnlyList<VoteView> votes)
    {
        var rating = scale.Find(v.Rating);
        return new VerdictView(
            v.Id, (int?)v.Version, v.State, v.Rating, rating?.LabelEn ?? v.Rating, rating?.LabelId ?? v.Rating, rating?.Value,
            v.Attribution, v.Attribution is null ? null : RatingScale.AttributionLabel(v.Attribution), texts,
            new StaffRef(v.AuthorId, v.Author), v.SubmittedAt, v.PublishedAt, v.UpdatedAt,
            v.ChangeNote, v.OverrideReason, evidenceIds, votes);
    }
}
