using FactCheck.Web.Infrastructure.Database;

namespace FactCheck.Web.Infrastructure.Pipeline;

/// Audit rows, each chained to the one before it (AuditChain). The command's immediate transaction holds the write lock,
/// so the newest row read here is still the newest when these are written.
internal static class AuditWriter
{
    public static async Task WriteAsync(CommandContext context, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var head = await context.QuerySingleOrDefaultAsync<ChainHead>(
            "SELECT id AS Id, coalesce(row_hash, '') AS Hash FROM audit_log ORDER BY id DESC LIMIT 1", null, ct) ?? new ChainHead();
        var (id, previous) = (head.Id, head.Hash);
        var at = DapperTypeHandlers.Format(context.Now);
        foreach (var entry in entries)
        {
            id++;
            var hash = AuditChain.Hash(id, at, context.Actor.UserId, context.Actor.Name, entry.Action, entry.Entity, entry.EntityId, entry.BeforeJson, entry.AfterJson, previous);
            await context.ExecuteAsync(
                """
                INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json, prev_hash, row_hash)
                VALUES (@id, @at, @ActorId, @ActorName, @Action, @Entity, @EntityId, @BeforeJson, @AfterJson, @previous, @hash)
                """,
                new { id, at, ActorId = context.Actor.UserId, ActorName = context.Actor.Name, entry.Action, entry.Entity, entry.EntityId, entry.BeforeJson, entry.AfterJson, previous, hash },
                ct);
            previous = hash;
        }
    }

    private sealed record ChainHead(long Id, string Hash)
    {
        public ChainHead()
            : this(0, "")
        {
        }
    }
}
