using Dapper;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Claims;

/// Claimants whose name starts with or contains the text, for the intake form's suggestions.
[AllowAnyStaff]
public sealed record SuggestClaimants(string Text) : IQuery<IReadOnlyList<ClaimantFields>>;

public sealed class SuggestClaimantsHandler(Db db) : IQueryHandler<SuggestClaimants, IReadOnlyList<ClaimantFields>>
{
    public async ValueTask<IReadOnlyList<ClaimantFields>> Handle(SuggestClaimants query, CancellationToken cancellationToken)
    {
        // A claimant's name is at most 200 characters, so a longer text matches none (and would be too long a
        // pattern for SQLite's LIKE).
        var text = query.Text.Trim();
        if (text.Length is 0 or > ClaimRules.MaxClaimantNameLength)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClaimantFields>(new CommandDefinition(
            $"""
            SELECT {GetClaimantHandler.Columns} FROM claimants
            WHERE {connection.Like("name")} '%' || @text || '%' ESCAPE '\' AND merged_into_id IS NULL
            ORDER BY {connection.Like("name")} @text || '%' ESCAPE '\' DESC, name
            LIMIT 10
            """,
            new { text = SqlLike.Escape(text) },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
