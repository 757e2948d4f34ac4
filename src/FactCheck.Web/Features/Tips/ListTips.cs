using System.ComponentModel.DataAnnotations;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Tips;

/// The editors' tip inbox: tips in one status, newest first, at most 200, with how many tips each status holds.
[AllowRoles(Roles.Editor)]
public sealed record ListTips(string Status = TipRules.New) : IQuery<TipInbox>, IValidatableObject
{
    public const int Limit = 200;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TipRules.Statuses.Contains(Status))
        {
            yield return new ValidationResult($"Status must be one of: {string.Join(", ", TipRules.Statuses)}.", [nameof(Status)]);
        }
    }
}

public sealed record TipInbox(IReadOnlyList<TipRow> Items, IReadOnlyDictionary<string, long> Counts);

/// Sender is a short form of the client hash; SenderTips counts all tips with the same hash, for spotting floods.
/// Init properties rather than a constructor: SQLite reports no column type for expressions (or any column of an
/// empty result), and Dapper matches constructors by column type.
public sealed record TipRow
{
    public long Id { get; init; }
    public string Text { get; init; } = "";
    public string? Url { get; init; }
    public string? Language { get; init; }
    public string? WhereSeen { get; init; }
    public string? Contact { get; init; }
    public string Status { get; init; } = TipRules.New;
    public long? ClaimId { get; init; }
    public string? ClaimTitle { get; init; }
    public string? HandledBy { get; init; }
    public DateTimeOffset? HandledAt { get; init; }
    public string? DismissReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? Sender { get; init; }
    public long SenderTips { get; init; }
}

internal sealed record StatusCount
{
    public string Status { get; init; } = "";
    public long Count { get; init; }
}

public sealed class ListTipsHandler(Db db) : IQueryHandler<ListTips, TipInbox>
{
    public async ValueTask<TipInbox> Handle(ListTips query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TipRow>(new CommandDefinition(
            """
            SELECT t.id AS Id, t.text AS Text, t.url AS Url, t.language AS Language, t.where_seen AS WhereSeen,
                   t.contact AS Contact, t.status AS Status, t.claim_id AS ClaimId, c.title AS ClaimTitle,
                   u.display_name AS HandledBy, t.handled_at AS HandledAt, t.dismiss_reason AS DismissReason,
                   t.created_at AS CreatedAt, substr(t.client_hash, 1, 8) AS Sender,
                   CASE WHEN t.client_hash IS NULL THEN 1 ELSE (SELECT count(*) FROM tips s WHERE s.client_hash = t.client_hash) END AS SenderTips
            FROM tips t
            LEFT JOIN claims c ON c.id = t.claim_id
            LEFT JOIN users u ON u.id = t.handled_by
            WHERE t.status = @Status
            ORDER BY t.created_at DESC, t.id DESC
            LIMIT @Limit
            """,
            new { query.Status, ListTips.Limit },
            cancellationToken: cancellationToken));
        var counts = (await connection.QueryAsync<StatusCount>(new CommandDefinition(
            "SELECT status AS Status, count(*) AS Count FROM tips GROUP BY status", cancellationToken: cancellationToken)))
            .ToDictionary(c => c.Status, c => c.Count);
        return new TipInbox(rows.ToList(), TipRules.Statuses.ToDictionary(s => s, s => counts.GetValueOrDefault(s)));
    }
}
