using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Two records of one claimant ("Kemenhan" and "Kementerian Pertahanan"): the claims of the first move to the one
/// kept, and the first's addresses redirect there. Its fields stay in its row and in the audit log.
[AllowRoles(Roles.Editor)]
public sealed record MergeClaimants(long ClaimantId, long IntoClaimantId) : ICommand<MergedClaimants>;

public sealed record MergedClaimants(long KeptId, IReadOnlyList<long> MovedClaimIds);

public sealed class MergeClaimantsHandler : ICommandHandler<MergeClaimants, MergedClaimants>
{
    public async ValueTask<MergedClaimants> Handle(MergeClaimants command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        if (command.ClaimantId == command.IntoClaimantId)
        {
            throw ValidationFailedException.For(nameof(MergeClaimants.IntoClaimantId), "Choose another claimant to merge this one into.");
        }

        var rows = (await context.QueryAsync<(long Id, long? MergedIntoId)>(
            "SELECT id, merged_into_id FROM claimants WHERE id IN (@ClaimantId, @IntoClaimantId)", command, cancellationToken)).ToDictionary(r => r.Id);
        if (!rows.TryGetValue(command.ClaimantId, out var merged))
        {
            throw new NotFoundException($"Claimant {command.ClaimantId} does not exist.");
        }

        if (!rows.TryGetValue(command.IntoClaimantId, out var kept))
        {
            throw ValidationFailedException.For(nameof(MergeClaimants.IntoClaimantId), $"Claimant {command.IntoClaimantId} does not exist.");
        }

        if (merged.MergedIntoId is { } already)
        {
            throw new ConflictException($"Claimant {command.ClaimantId} was already merged into claimant {already}.");
        }

        if (kept.MergedIntoId is { } keptAlready)
        {
            throw ValidationFailedException.For(nameof(MergeClaimants.IntoClaimantId), $"Claimant {command.IntoClaimantId} was itself merged into claimant {keptAlready}: merge into that one.");
        }

        var claims = (await context.QueryAsync<long>("SELECT id FROM claims WHERE claimant_id = @ClaimantId ORDER BY id", command, cancellationToken)).ToList();
        await context.ExecuteAsync("UPDATE claims SET claimant_id = @IntoClaimantId, version = version + 1, updated_at = @Now WHERE claimant_id = @ClaimantId",
            new { command.ClaimantId, command.IntoClaimantId, context.Now }, cancellationToken);

        // Claimants merged into this one before now point at the one kept, so a redirect is always one hop.
        await context.ExecuteAsync(
            "UPDATE claimants SET merged_into_id = @IntoClaimantId WHERE merged_into_id = @ClaimantId", command, cancellationToken);
        await context.ExecuteAsync(
            "UPDATE claimants SET merged_into_id = @IntoClaimantId, merged_at = @Now, version = version + 1 WHERE id = @ClaimantId",
            new { command.ClaimantId, command.IntoClaimantId, context.Now }, cancellationToken);
        context.Audit("claimant", command.ClaimantId, null, new { MergedIntoId = command.IntoClaimantId, MovedClaimIds = claims });
        foreach (var claimId in claims)
        {
            context.Audit("claim", claimId, new { ClaimantId = command.ClaimantId }, new { ClaimantId = command.IntoClaimantId });
        }

        return new MergedClaimants(command.IntoClaimantId, claims);
    }
}
