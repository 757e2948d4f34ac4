using Dapper;
using FactCheck.Web.Infrastructure.Pipeline;
using System.Data.Common;

namespace FactCheck.Web.Features.Review;

/// What the review policy needs to know about a claim: its state, version, assignee, the verdict waiting for
/// review with its author and the editors who have approved it so far, and when the public verdict was published.
public sealed record ReviewState(
    long ClaimId, string Status, long Version, string Kind, long? AssigneeId, string? AssigneeName, long? AssignedBy,
    long? PublishedVerdictId, DateTimeOffset? PublishedAt, long? PendingVerdictId, long? PendingAuthorId)
{
    public ReviewState()
        : this(0, "", 0, "", null, null, null, null, null, null, null)
    {
    }

    public IReadOnlySet<long> Voters { get; init; } = new HashSet<long>();

    /// Who recorded the claim (null for claims recorded by the system).
    public long? CreatedBy { get; init; }

    public static async Task<ReviewState?> LoadAsync(DbConnection connection, DbTransaction? transaction, long claimId, CancellationToken ct)
    {
        var state = await connection.QuerySingleOrDefaultAsync<ReviewState>(new CommandDefinition(
            """
            SELECT c.id AS ClaimId, c.status AS Status, c.version AS Version, c.kind AS Kind,
                   c.assignee_id AS AssigneeId, c.created_by AS CreatedBy, u.display_name AS AssigneeName, c.assigned_by AS AssignedBy,
                   c.published_verdict_id AS PublishedVerdictId, pv.published_at AS PublishedAt,
                   d.id AS PendingVerdictId, d.author_id AS PendingAuthorId
            FROM claims c
            LEFT JOIN users u ON u.id = c.assignee_id
            LEFT JOIN verdicts pv ON pv.id = c.published_verdict_id
            LEFT JOIN verdicts d ON d.claim_id = c.id AND d.state = 'in_review'
            WHERE c.id = @claimId
            """,
            new { claimId },
            transaction,
            cancellationToken: ct));
        if (state?.PendingVerdictId is not { } pending)
        {
            return state;
        }

        var voters = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT voter_id FROM verdict_votes WHERE verdict_id = @pending", new { pending }, transaction, cancellationToken: ct));
        return state with { Voters = voters.ToHashSet() };
    }

    public static Task<ReviewState?> LoadAsync(CommandContext context, long claimId, CancellationToken ct) =>
        LoadAsync(context.Connection, context.Transaction, claimId, ct);

    /// For a workflow handler: the state ReviewPolicyBehavior checked, read again in the same transaction.
    public static async Task<ReviewState> LoadCheckedAsync(CommandContext context, long claimId, CancellationToken ct) =>
        await LoadAsync(context, claimId, ct) ?? throw new NotFoundException($"Claim {claimId} does not exist.");
}
