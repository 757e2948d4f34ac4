using System.ComponentModel.DataAnnotations;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Sets (or clears, with a blank side) the side of a dispute a claimant speaks for; returns the claimant's new version.
[AllowRoles(Roles.Editor)]
public sealed record SetClaimantSide(long ClaimantId, string? Side, long Version) : ICommand<long>, IValidatableObject
{
    public const int MaxLength = 100;

    /// What is stored: trimmed, and null for a blank side.
    public static string? Clean(string? side) => string.IsNullOrWhiteSpace(side) ? null : side.Trim();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Clean(Side) is { Length: > MaxLength })
        {
            yield return new ValidationResult($"Keep the side to {MaxLength} characters.", [nameof(Side)]);
        }

        if (Version < 1)
        {
            yield return new ValidationResult("Give the version of the claimant you last saw.", [nameof(Version)]);
        }
    }
}

public sealed class SetClaimantSideHandler : ICommandHandler<SetClaimantSide, long>
{
    public async ValueTask<long> Handle(SetClaimantSide command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var side = SetClaimantSide.Clean(command.Side);
        var current = await context.QuerySingleOrDefaultAsync<ClaimantSideRow>(
            "SELECT side AS Side, version AS Version FROM claimants WHERE id = @ClaimantId", command, cancellationToken)
            ?? throw new NotFoundException($"Claimant {command.ClaimantId} does not exist.");
        if (current.Version != command.Version)
        {
            throw new ConflictException(
                $"Claimant {command.ClaimantId} changed since you loaded it (now version {current.Version}). Reload it and try again.",
                new { side = current.Side, version = current.Version });
        }

        if (side == current.Side)
        {
            return current.Version;
        }

        var updated = await context.ExecuteAsync(
            "UPDATE claimants SET side = @side, version = version + 1 WHERE id = @ClaimantId AND version = @Version",
            new { side, command.ClaimantId, command.Version },
            cancellationToken);
        if (updated == 0)
        {
            throw new ConflictException($"Claimant {command.ClaimantId} changed while the side was being saved. Reload it and try again.");
        }

        context.Audit("claimant", command.ClaimantId, new { current.Side }, new { Side = side }, nameof(SetClaimantSide));

        // The dashboards count these claims under the claimant's side: their open pages reload.
        var claims = await context.QueryAsync<long>("SELECT id FROM claims WHERE claimant_id = @ClaimantId", command, cancellationToken);
        foreach (var claimId in claims)
        {
            context.ClaimChanged(claimId);
        }

        return command.Version + 1;
    }

    private sealed record ClaimantSideRow
    {
        public string? Side { get; init; }
        public long Version { get; init; }
    }
}
