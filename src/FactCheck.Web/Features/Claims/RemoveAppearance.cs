using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Takes a wrongly recorded appearance (the wrong address, another claim's article) off a claim. The row goes, and
/// what it held stays in the audit log. Who may is ClaimChangePolicy's appearance rule, as for adding one.
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record RemoveAppearance(long ClaimId, long AppearanceId) : ICommand, IChangesClaims
{
    public IEnumerable<ClaimTouch> ClaimsTouched() => [new(ClaimId, ClaimChange.Appearance)];
}

public sealed class RemoveAppearanceHandler : ICommandHandler<RemoveAppearance>
{
    public async ValueTask<Unit> Handle(RemoveAppearance command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var appearance = await context.QuerySingleOrDefaultAsync<RemovedAppearance>(
            """
            SELECT id AS Id, url AS Url, outlet AS Outlet, published_on AS PublishedOn, quote AS Quote, first_seen AS FirstSeen
            FROM appearances WHERE id = @AppearanceId AND claim_id = @ClaimId
            """,
            command,
            cancellationToken) ?? throw new NotFoundException($"Claim {command.ClaimId} has no appearance {command.AppearanceId}.");
        await context.ExecuteAsync("DELETE FROM appearances WHERE id = @Id", appearance, cancellationToken);
        context.Audit("claim", command.ClaimId, appearance, null);
        return Unit.Value;
    }

    private sealed record RemovedAppearance
    {
        public long Id { get; init; }
        public string Url { get; init; } = "";
        public string? Outlet { get; init; }
        public DateOnly? PublishedOn { get; init; }
        public string? Quote { get; init; }
        public bool FirstSeen { get; init; }
    }
}
