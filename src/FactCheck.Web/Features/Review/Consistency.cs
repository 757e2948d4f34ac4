using Dapper;
using System.Data.Common;

namespace FactCheck.Web.Features.Review;

/// A published verdict on a linked claim that a rating would contradict: an accusation and its denial both
/// rated true (or both false). Across a `denies` link it blocks approval unless an editor records an override
/// reason; across `disputes` it is a warning.
public sealed record ConsistencyIssue(long ClaimId, string Title, string Relation, bool Outgoing, string OtherRating, bool Blocking, string Message);

public static class Consistency
{
    private sealed record LinkedVerdict(long ClaimId, string Title, string Relation, long Outgoing, string Rating)
    {
        public LinkedVerdict()
            : this(0, "", "", 0, "")
        {
        }
    }

    public static async Task<IReadOnlyList<ConsistencyIssue>> CheckAsync(
        DbConnection connection, DbTransaction? transaction, long claimId, string rating, RatingScale scale, CancellationToken ct)
    {
        var polarity = scale.Find(rating)?.Polarity ?? "neither";
        if (polarity == "neither")
        {
            return [];
        }

        var linked = await connection.QueryAsync<LinkedVerdict>(new CommandDefinition(
            """
            SELECT o.id AS ClaimId, o.title AS Title, l.relation AS Relation, l.from_claim_id = @claimId AS Outgoing, v.rating AS Rating
            FROM claim_links l
            JOIN claims o ON o.id = CASE WHEN l.from_claim_id = @claimId THEN l.to_claim_id ELSE l.from_claim_id END
            JOIN verdicts v ON v.id = o.published_verdict_id
            WHERE (l.from_claim_id = @claimId OR l.to_claim_id = @claimId) AND l.relation IN ('denies', 'disputes')
            ORDER BY l.relation DESC, o.id
            """,
            new { claimId },
            transaction,
            cancellationToken: ct));
        return linked
            .Where(l => scale.Find(l.Rating)?.Polarity == polarity)
            .Select(l =>
            {
                var blocking = l.Relation == "denies";
                var wording = l.Outgoing == 1 ? $"this claim {l.Relation} claim #{l.ClaimId}" : $"claim #{l.ClaimId} {l.Relation} this one";
                var label = scale.Find(l.Rating)?.LabelEn ?? l.Rating;
                var message = $"“{l.Title}” is published as {label}, and {wording}: rating both {polarity} " +
                    (blocking ? "contradicts the published verdict. Record an override reason to approve anyway." : "deserves a second look.");
                return new ConsistencyIssue(l.ClaimId, l.Title, l.Relation, l.Outgoing == 1, l.Rating, blocking, message);
            })
            .ToList();
    }
}
