using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using FactCheck.Web.Infrastructure.Pipeline;
using System.Data.Common;

namespace FactCheck.Web.Infrastructure.Database;

/// The audit log's hash chain (migration 0019): row_hash = SHA-256 over the row's content and prev_hash, the hash of
/// the row before it ("" for the first). The transaction behaviour chains each row as it writes it, inside the
/// command's immediate transaction, so writers never interleave; Verify walks the chain and names the first break.
public static class AuditChain
{
    public sealed record Row(long Id, string At, long? ActorId, string ActorName, string Action, string Entity, string EntityId,
        string? BeforeJson, string? AfterJson, string? PrevHash, string? RowHash)
    {
        public Row()
            : this(0, "", null, "", "", "", "", null, null, null, null)
        {
        }
    }

    /// The first row that does not fit the chain, and why.
    public sealed record Break(long Id, string At, string Action, string Entity, string EntityId, string Reason);

    public sealed record Verification(long RowsChecked, Break? FirstBreak, string? NewestHash)
    {
        public bool Intact => FirstBreak is null;
    }

    /// The hash of a row: its columns, in order, as one JSON array (unambiguous, whatever the text holds).
    public static string Hash(long id, string at, long? actorId, string actorName, string action, string entity, string entityId, string? beforeJson, string? afterJson, string prevHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(new object?[] { id, at, actorId, actorName, action, entity, entityId, beforeJson, afterJson, prevHash }))));

    private static string Hash(Row row, string prevHash) =>
        Hash(row.Id, row.At, row.ActorId, row.ActorName, row.Action, row.Entity, row.EntityId, row.BeforeJson, row.AfterJson, prevHash);

    private const string Columns =
        """
        SELECT id AS Id, at AS At, actor_id AS ActorId, actor_name AS ActorName, action AS Action, entity AS Entity, entity_id AS EntityId,
               before_json AS BeforeJson, after_json AS AfterJson, prev_hash AS PrevHash, row_hash AS RowHash
        FROM audit_log
        """;

    /// Chains the rows written before the chain existed: those without a hash that come before every chained row. A row
    /// without a hash after a chained one was written outside the app; it stays as it is, for Verify to report.
    public static async Task<long> ChainOlderRowsAsync(Db db, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (db.IsPostgres)
        {
            await connection.ExecuteAsync(new CommandDefinition(CommandContext.PostgresWriteLock, transaction: transaction, cancellationToken: ct));
        }

        var firstChained = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT min(id) FROM audit_log WHERE row_hash IS NOT NULL", transaction: transaction, cancellationToken: ct)) ?? long.MaxValue;
        var (chained, after, prev) = (0L, 0L, "");
        while (true)
        {
            var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
                $"{Columns} WHERE id > @after AND id < @firstChained ORDER BY id LIMIT 5000", new { after, firstChained }, transaction, cancellationToken: ct))).ToList();
            if (rows.Count == 0)
            {
                break;
            }

            foreach (var row in rows)
            {
                var hash = Hash(row, prev);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE audit_log SET prev_hash = @prev, row_hash = @hash WHERE id = @Id AND row_hash IS NULL", new { prev, hash, row.Id }, transaction, cancellationToken: ct));
                prev = hash;
            }

            chained += rows.Count;
            after = rows[^1].Id;
        }

        await transaction.CommitAsync(ct);
        return chained;
    }

    public static async Task<Verification> VerifyAsync(DbConnection connection, CancellationToken ct = default)
    {
        var (checkedRows, after, prev) = (0L, 0L, "");
        while (true)
        {
            var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
                $"{Columns} WHERE id > @after ORDER BY id LIMIT 10000", new { after }, cancellationToken: ct))).ToList();
            if (rows.Count == 0)
            {
                return new Verification(checkedRows, null, checkedRows == 0 ? null : prev);
            }

            foreach (var row in rows)
            {
                var reason = row.RowHash is null ? "it has no hash: it was written outside FactCheck"
                    : row.PrevHash != prev ? "it does not follow the row before it: a row before it was removed, or this one was put in out of place"
                    : Hash(row, prev) != row.RowHash ? "its content does not match its hash: it was changed after it was written"
                    : null;
                if (reason is not null)
                {
                    return new Verification(checkedRows, new Break(row.Id, row.At, row.Action, row.Entity, row.EntityId, reason), null);
                }

                prev = row.RowHash!;
                checkedRows++;
            }

            after = rows[^1].Id;
        }
    }
}
