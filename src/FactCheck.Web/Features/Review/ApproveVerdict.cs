using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Dapper;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// An editor other than the author approves the verdict in review, optionally with a dissent note. When the
/// approvals reach the quorum (FactCheck:Review:Approvals) the verdict is published; a correction in progress
/// publishes the next version with its correction notice, recording which language versions it changed. A verdict
/// missing a language FactCheck:Review:RequiredLanguages names is refused (field texts.{language}); nothing is written.
[AllowRoles(Roles.Editor)]
public sealed record ApproveVerdict : ClaimActionCommand
{
    /// A dissent or remark recorded with the vote.
    [StringLength(2000)]
    public string? Note { get; init; }

    /// Why the verdict stands although it contradicts a published verdict on a claim linked by `denies`.
    [StringLength(2000)]
    public string? OverrideReason { get; init; }

    [JsonIgnore]
    public override string Action => ReviewActions.Approve;
}

public sealed class ApproveVerdictHandler(ReviewPolicy policy, RatingScale scale, Deadlines deadlines, VerdictLanguages languages) : ICommandHandler<ApproveVerdict, ClaimActionResult>
{
    public async ValueTask<ClaimActionResult> Handle(ApproveVerdict command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = await ReviewState.LoadCheckedAsync(context, command.ClaimId, cancellationToken);
        var verdictId = state.PendingVerdictId!.Value;
        var (rating, recordedOverride) = await context.Connection.QuerySingleAsync<(string, string?)>(new CommandDefinition(
            "SELECT rating, override_reason FROM verdicts WHERE id = @verdictId", new { verdictId }, context.Transaction, cancellationToken: cancellationToken));
        var claim = await VerdictTextStore.ClaimAsync(context, state.ClaimId, cancellationToken);
        var texts = await VerdictTextStore.LoadAsync(context, verdictId, cancellationToken);
        var missing = languages.RequiredFor(claim.Language).Where(l => texts.All(t => t.Language != l)).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationFailedException(missing.ToDictionary(
                VerdictLanguages.Field,
                l => new[] { $"This verdict has no {VerdictLanguages.Name(l)} version ({l}), which the desk requires before publication: request changes so it is added." }));
        }

        var overrideReason = string.IsNullOrWhiteSpace(command.OverrideReason) ? null : command.OverrideReason.Trim();
        var issues = await Consistency.CheckAsync(context.Connection, context.Transaction, state.ClaimId, rating, scale, cancellationToken);
        var blocking = issues.Where(i => i.Blocking).ToList();

        // With a quorum, a later editor may endorse the override an earlier one recorded (shown on the claim page)
        // instead of retyping it; a reason they do give is added to it, never replaces it.
        if (blocking.Count > 0 && overrideReason is null && recordedOverride is null)
        {
            throw ValidationFailedException.For(nameof(command.OverrideReason), string.Join(" ", blocking.Select(b => b.Message)));
        }

        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        await context.ExecuteAsync(
            "INSERT INTO verdict_votes (verdict_id, voter_id, vote, note, at) VALUES (@verdictId, @VoterId, 'approve', @note, @Now)",
            new { verdictId, VoterId = context.Actor.UserId, note, context.Now },
            cancellationToken);
        if (overrideReason is not null)
        {
            await context.ExecuteAsync(
                "UPDATE verdicts SET override_reason = coalesce(override_reason || @lineBreak, '') || @overrideReason WHERE id = @verdictId",
                new { overrideReason, verdictId, lineBreak = "\n" },
                cancellationToken);
        }

        var votes = state.Voters.Count + 1;
        var needed = policy.ApprovalsNeeded;
        var vote = new { VerdictId = verdictId, Vote = "approve", Note = note, OverrideReason = overrideReason, Votes = votes, Needed = needed };
        if (votes < needed)
        {
            return await Workflow.MoveAsync(context, deadlines, state, "in_review", vote, cancellationToken);
        }

        var version = await context.ExecuteScalarAsync<long>(
            "SELECT coalesce(max(version), 0) + 1 FROM verdicts WHERE claim_id = @ClaimId", new { state.ClaimId }, cancellationToken);
        await context.ExecuteAsync(
            "UPDATE verdicts SET state = 'superseded' WHERE id = @PublishedVerdictId", new { state.PublishedVerdictId }, cancellationToken);
        await context.ExecuteAsync(
            "UPDATE verdicts SET state = 'published', version = @version, published_at = @Now, updated_at = @Now WHERE id = @verdictId",
            new { version, context.Now, verdictId },
            cancellationToken);
        var previous = state.PublishedVerdictId is { } publishedId ? await VerdictTextStore.LoadAsync(context, publishedId, cancellationToken) : [];
        var changed = VerdictTextStore.Changed(previous, texts);
        var corrected = await context.ExecuteAsync(
            """
            UPDATE corrections SET new_verdict_id = @verdictId, published_at = @Now, changed_languages = @ChangedLanguages
            WHERE claim_id = @ClaimId AND published_at IS NULL
            """,
            new { verdictId, context.Now, state.ClaimId, ChangedLanguages = string.Join(' ', changed) },
            cancellationToken);
        await context.ExecuteAsync(
            "UPDATE claims SET published_verdict_id = @verdictId WHERE id = @ClaimId", new { verdictId, state.ClaimId }, cancellationToken);
        return await Workflow.MoveAsync(
            context, deadlines, state, "published",
            new
            {
                vote.VerdictId, vote.Vote, vote.Note, vote.OverrideReason, vote.Votes, vote.Needed, Published = true, VerdictVersion = version,
                Languages = texts.Select(t => t.Language).ToList(), Correction = corrected > 0, ChangedLanguages = corrected > 0 ? changed : null,
            },
            cancellationToken);
    }
}
