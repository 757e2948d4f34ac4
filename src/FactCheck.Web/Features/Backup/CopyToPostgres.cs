using System.Data.Common;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace FactCheck.Web.Features.Backup;

public sealed class CopyRefusedException(string message) : Exception(message);

public sealed record CopyReport(IReadOnlyList<(string Table, long Rows)> Tables, AuditChain.Verification Audit);

/// Moves a desk from SQLite to PostgreSQL: migrates the empty target, copies every table in dependency order in one
/// transaction (the target's own triggers off, so counts and transitions arrive as they were, not recomputed), resets the
/// id sequences, then checks each table's row count and the audit log's hash chain before committing.
public static class CopyToPostgres
{
    public static async Task<CopyReport> RunAsync(string sqliteConnectionString, string postgresConnectionString, ILogger logger, CancellationToken ct = default)
    {
        var source = new Db(sqliteConnectionString);
        if (!File.Exists(source.DataSource))
        {
            throw new CopyRefusedException($"There is no SQLite database at {Path.GetFullPath(source.DataSource)}.");
        }

        await using var target = new Db(DatabaseProvider.Postgres, postgresConnectionString);
        await RefuseIfNotEmptyAsync(target, ct);
        Migrator.Apply(source, logger);
        Migrator.Apply(target, logger);

        await using var from = (SqliteConnection)await source.OpenAsync(ct);
        await using var to = (PgConnection)await target.OpenAsync(ct);
        await using var transaction = await to.Inner.BeginTransactionAsync(ct);
        var tables = await TablesInOrderAsync(to.Inner, ct);
        // The salt migration 0005 drew for the target is replaced by the source's: tip hashes stay comparable.
        await to.Inner.ExecuteAsync(new CommandDefinition("DELETE FROM tip_client_salt", transaction: transaction, cancellationToken: ct));
        foreach (var table in tables)
        {
            await to.Inner.ExecuteAsync(new CommandDefinition($"ALTER TABLE {table.Name} DISABLE TRIGGER USER", transaction: transaction, cancellationToken: ct));
        }

        var copied = new List<(string, long)>();
        var references = new List<Func<Task>>();
        foreach (var table in tables)
        {
            copied.Add((table.Name, await CopyTableAsync(from, to.Inner, table, copied.Select(c => c.Item1).ToHashSet(StringComparer.Ordinal), references, ct)));
        }

        foreach (var fill in references)
        {
            await fill();
        }

        foreach (var table in tables)
        {
            await to.Inner.ExecuteAsync(new CommandDefinition($"ALTER TABLE {table.Name} ENABLE TRIGGER USER", transaction: transaction, cancellationToken: ct));
            if (table.Columns.Any(c => c.Name == "id" && c.Identity))
            {
                await to.Inner.ExecuteAsync(new CommandDefinition(
                    $"SELECT setval(pg_get_serial_sequence('{table.Name}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table.Name}", transaction: transaction, cancellationToken: ct));
            }

            var (sourceRows, targetRows) = (
                await from.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {table.Name}", cancellationToken: ct)),
                await to.Inner.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {table.Name}", transaction: transaction, cancellationToken: ct)));
            if (sourceRows != targetRows)
            {
                throw new CopyRefusedException($"{table.Name} has {sourceRows:N0} row(s) in SQLite but {targetRows:N0} in PostgreSQL; nothing was committed.");
            }
        }

        var audit = await AuditChain.VerifyAsync(to, ct);
        if (audit.FirstBreak is { } broken && (await AuditChain.VerifyAsync(from, ct)).Intact)
        {
            throw new CopyRefusedException($"The copied audit log breaks at row {broken.Id} ({broken.Reason}) although the source's is intact; nothing was committed.");
        }

        await transaction.CommitAsync(ct);
        return new CopyReport(copied, audit);
    }

    private sealed record Column(string Name, NpgsqlDbType Type, bool Identity, string? References, bool Nullable);

    private sealed record Table(string Name, List<Column> Columns);

    /// Empty: no FactCheck table holds a row (the salt migration 0005 writes aside), and no table of anything else.
    private static async Task RefuseIfNotEmptyAsync(Db target, CancellationToken ct)
    {
        await using var connection = await target.OpenAsync(ct);
        var tables = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", cancellationToken: ct))).ToList();
        if (tables.Count > 0 && !tables.Contains("schemaversions"))
        {
            throw new CopyRefusedException($"The PostgreSQL database is not empty: it holds {tables.Count} table(s) that FactCheck did not create ({string.Join(", ", tables.Take(5))}). Copy into a new, empty database.");
        }

        foreach (var table in tables.Where(t => t is not "schemaversions" and not "tip_client_salt"))
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"SELECT EXISTS (SELECT 1 FROM {table})", cancellationToken: ct)))
            {
                throw new CopyRefusedException($"The PostgreSQL database is not empty: {table} has rows. copy-to-postgres only fills an empty database, so nothing there is overwritten.");
            }
        }
    }

    /// Parents before children by the NOT NULL foreign keys; a nullable key pointing at a table copied later (or at its
    /// own table, such as claims.merged_into_id) is filled in once every row is there.
    private static async Task<List<Table>> TablesInOrderAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var columns = (await connection.QueryAsync<(string Table, string Name, string Type, string Identity, string Nullable, string? References)>(new CommandDefinition(
            """
            SELECT c.table_name, c.column_name, c.data_type, c.is_identity, c.is_nullable,
                   (SELECT rt.relname FROM pg_constraint con JOIN pg_class rt ON rt.oid = con.confrelid
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
                    WHERE con.contype = 'f' AND con.conrelid = (quote_ident(c.table_name))::regclass AND a.attname = c.column_name LIMIT 1)
            FROM information_schema.columns c JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'schemaversions'
            ORDER BY c.table_name, c.ordinal_position
            """,
            cancellationToken: ct))).ToList();
        var tables = columns.GroupBy(c => c.Table).ToDictionary(
            g => g.Key,
            g => new Table(g.Key, g.Select(c => new Column(c.Name, TypeOf(c.Type), c.Identity == "YES", c.References, c.Nullable == "YES")).ToList()));
        var ordered = new List<Table>();
        while (ordered.Count < tables.Count)
        {
            var next = tables.Values.Where(t => !ordered.Contains(t))
                .Where(t => t.Columns.All(c => c.Nullable || c.References is null || c.References == t.Name || ordered.Any(o => o.Name == c.References)))
                .OrderBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new InvalidOperationException("The NOT NULL foreign keys form a cycle: the tables cannot be copied in order.");
            ordered.Add(next);
        }

        return ordered;
    }

    private static NpgsqlDbType TypeOf(string dataType) =>
        dataType switch
        {
            "bigint" => NpgsqlDbType.Bigint,
            "double precision" => NpgsqlDbType.Double,
            "bytea" => NpgsqlDbType.Bytea,
            _ => NpgsqlDbType.Text,
        };

    private static async Task<long> CopyTableAsync(
        SqliteConnection from, NpgsqlConnection to, Table table, HashSet<string> copied, List<Func<Task>> references, CancellationToken ct)
    {
        var names = table.Columns.Select(c => c.Name).ToList();
        var later = new List<(int Index, List<(long Id, object Value)> Values)>();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            // Set once all rows are in: a forward or self reference (a key whose target is not copied yet).
            if (table.Columns[i].References is { } referenced && table.Columns[i].Nullable && !copied.Contains(referenced) && names.Contains("id"))
            {
                later.Add((i, []));
            }
        }

        await using var command = from.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", names.Select(n => $"\"{n}\""))} FROM {table.Name}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = 0L;
        var idIndex = names.IndexOf("id");
        await using (var writer = await to.BeginBinaryImportAsync($"COPY {table.Name} ({string.Join(", ", names.Select(n => $"\"{n}\""))}) FROM STDIN (FORMAT BINARY)", ct))
        {
            while (await reader.ReadAsync(ct))
            {
                await writer.StartRowAsync(ct);
                for (var i = 0; i < names.Count; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    if (value is not null && later.FirstOrDefault(l => l.Index == i) is { Values: { } deferred })
                    {
                        deferred.Add((reader.GetInt64(idIndex), value));
                        value = null;
                    }

                    if (value is null)
                    {
                        await writer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await writer.WriteAsync(Convert(value, table.Columns[i].Type), table.Columns[i].Type, ct);
                    }
                }

                rows++;
            }

            await writer.CompleteAsync(ct);
        }

        foreach (var (index, values) in later.Where(l => l.Values.Count > 0))
        {
            // Once every table is in. Npgsql sends the two lists as arrays (Dapper would spell them out as IN lists).
            references.Add(async () =>
            {
                await using var update = new NpgsqlCommand(
                    $"UPDATE {table.Name} SET {names[index]} = u.value FROM unnest(@ids, @values) AS u(id, value) WHERE {table.Name}.id = u.id", to);
                update.Parameters.AddWithValue("ids", values.Select(v => v.Id).ToArray());
                update.Parameters.AddWithValue("values", values.Select(v => System.Convert.ToInt64(v.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
                await update.ExecuteNonQueryAsync(ct);
            });
        }

        return rows;
    }

    private static object Convert(object value, NpgsqlDbType type) =>
        type switch
        {
            NpgsqlDbType.Bigint => System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            NpgsqlDbType.Double => System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
            NpgsqlDbType.Text => value as string ?? System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
            _ => value,
        };
}

/// `dotnet run --project src/FactCheck.Web -- copy-to-postgres "<connection string>"`: copies the configured SQLite database
/// (or `--ConnectionStrings:FactCheck="Data Source=<backup file>"`) into an empty PostgreSQL database. Exit code 0 when
/// copied and checked, 1 when refused (nothing written), 2 on wrong use.
public static class CopyToPostgresCommandLine
{
    public static bool Handles(string[] args) => args is ["copy-to-postgres", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [_, var target, ..] || target.StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("Usage: dotnet run --project src/FactCheck.Web -- copy-to-postgres \"Host=...;Database=...;Username=...;Password=...\"");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(args[2..]);
        var source = Infrastructure.ServiceSetup.ResolveConnectionString(builder.Configuration, builder.Environment);
        using var loggers = LoggerFactory.Create(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning));
        try
        {
            var report = await CopyToPostgres.RunAsync(source, target, loggers.CreateLogger("copy-to-postgres"));
            foreach (var (table, rows) in report.Tables.Where(t => t.Rows > 0))
            {
                await output.WriteLineAsync($"{table,-24} {rows,10:N0} row(s)");
            }

            await output.WriteLineAsync($"Copied {report.Tables.Sum(t => t.Rows):N0} row(s) from {new SqliteConnectionStringBuilder(source).DataSource}; row counts match; "
                + (report.Audit.Intact ? $"audit log intact ({report.Audit.RowsChecked:N0} row(s) chained)." : $"audit log broken at row {report.Audit.FirstBreak!.Id} as it was in SQLite."));
            return 0;
        }
        catch (CopyRefusedException ex)
        {
            await error.WriteLineAsync($"copy-to-postgres refused: {ex.Message}");
            return 1;
        }
    }
}
