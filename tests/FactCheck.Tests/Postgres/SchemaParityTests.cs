using System.Text.RegularExpressions;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FactCheck.Tests.Postgres;

/// db/migrations (SQLite) and db/postgres describe one schema. Runs in the PostgreSQL pass of tests/run.sh (it needs the
/// server pg_virtualenv starts), comparing what each engine reports about itself after all migrations.
public sealed partial class SchemaParityTests
{
    // Tables that exist on one side only by design: SQLite's FTS5 index and its shadow tables (PostgreSQL indexes
    // claim_search_terms with GIN instead) and each engine's DbUp journal.
    private static bool Compared(string table) =>
        !table.StartsWith("claim_search", StringComparison.Ordinal) || table == "claim_search_terms";

    [Fact]
    public async Task Both_engines_have_the_same_tables_columns_keys_checks_and_triggers()
    {
        var (sqlite, postgres) = await BothAsync();

        Assert.Equal(sqlite.Tables, postgres.Tables);
        Assert.Equal(sqlite.Columns, postgres.Columns);
        Assert.Equal(sqlite.ForeignKeys, postgres.ForeignKeys);
        Assert.Equal(sqlite.UniqueKeys, postgres.UniqueKeys);
        Assert.Equal(sqlite.Indexes, postgres.Indexes);
        Assert.Equal(sqlite.Checks, postgres.Checks);
        Assert.Equal(sqlite.Triggers, postgres.Triggers);
    }

    [Fact]
    public async Task The_audit_log_refuses_update_and_delete_on_both_engines()
    {
        foreach (var open in new Func<Task<System.Data.Common.DbConnection>>[] { OpenSqliteAsync, OpenPostgresAsync })
        {
            await using var connection = await open();
            await connection.ExecuteAsync(
                "INSERT INTO audit_log (at, actor_name, action, entity, entity_id, prev_hash, row_hash) VALUES ('2026-01-01T00:00:00.0000000Z', 'system', 'Test', 'claim', '1', '', 'x')");
            var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("UPDATE audit_log SET action = 'Changed'"));
            Assert.Contains("append-only", update.Message);
            var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("DELETE FROM audit_log"));
            Assert.Contains("append-only", delete.Message);
            Assert.Equal("Test", await connection.ExecuteScalarAsync<string>("SELECT action FROM audit_log"));
        }
    }

    private sealed record Schema(
        List<string> Tables, List<string> Columns, List<string> ForeignKeys, List<string> UniqueKeys, List<string> Indexes, List<string> Checks, List<string> Triggers);

    private static async Task<(Schema Sqlite, Schema Postgres)> BothAsync()
    {
        await using var sqlite = await OpenSqliteAsync();
        await using var postgres = await OpenPostgresAsync();
        return (await SqliteSchemaAsync(sqlite), await PostgresSchemaAsync(postgres));
    }

    private static async Task<System.Data.Common.DbConnection> OpenSqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"factcheck-schema-{Guid.NewGuid():N}.db");
        var db = new Db($"Data Source={file};Pooling=False");
        Migrator.Apply(db, NullLogger.Instance);
        return await db.OpenAsync();
    }

    private static async Task<System.Data.Common.DbConnection> OpenPostgresAsync()
    {
        var db = new Db(DatabaseProvider.Postgres, await TestDatabase.CreatePostgresAsync());
        return await db.OpenAsync();
    }

    private static string Type(string declared) =>
        declared.ToLowerInvariant() switch
        {
            "integer" or "bigint" => "integer",
            "text" => "text",
            "real" or "double precision" => "real",
            "blob" or "bytea" => "blob",
            var other => other,
        };

    private static async Task<Schema> SqliteSchemaAsync(System.Data.Common.DbConnection c)
    {
        var tables = (await c.QueryAsync<(string Name, string Sql)>(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'SchemaVersions' ORDER BY name"))
            .Where(t => Compared(t.Name)).ToList();
        var schema = new Schema(tables.Select(t => t.Name).ToList(), [], [], [], [], [], []);
        foreach (var (table, sql) in tables)
        {
            foreach (var col in await c.QueryAsync<(string Name, string Type, long NotNull, long Pk)>($"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY cid"))
            {
                schema.Columns.Add($"{table}.{col.Name} {Type(col.Type)}{(col.NotNull == 1 || col.Pk > 0 ? " not null" : "")}{(col.Pk > 0 ? $" pk{col.Pk}" : "")}");
            }

            foreach (var fk in await c.QueryAsync<(string From, string Table, string To, string OnDelete)>($"SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
            {
                schema.ForeignKeys.Add($"{table}.{fk.From} -> {fk.Table}.{fk.To} on delete {fk.OnDelete.ToLowerInvariant()}");
            }

            foreach (var index in await c.QueryAsync<(string Name, long Unique, string Origin, long Partial)>($"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')"))
            {
                var columns = string.Join(",", await c.QueryAsync<string>($"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno"));
                if (index.Unique == 1 && index.Origin != "pk")
                {
                    schema.UniqueKeys.Add($"{table}({columns}){(index.Partial == 1 ? " partial" : "")}");
                }

                if (index.Origin == "c" && index.Unique == 0)
                {
                    schema.Indexes.Add($"{index.Name} on {table}({columns})");
                }
            }

            schema.Checks.Add($"{table}: {CheckClause().Count(sql)} check(s)");
        }

        schema.Triggers.AddRange((await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name <> 'claim_search_terms'")));
        return Sorted(schema);
    }

    private static async Task<Schema> PostgresSchemaAsync(System.Data.Common.DbConnection c)
    {
        var tables = (await c.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schemaversions' ORDER BY table_name")).ToList();
        var schema = new Schema(tables, [], [], [], [], [], []);
        foreach (var col in await c.QueryAsync<(string Table, string Name, string Type, string Nullable, long? Pk)>(
            """
            SELECT col.table_name, col.column_name, col.data_type, col.is_nullable,
                   (SELECT k.ordinal_position FROM information_schema.table_constraints tc
                    JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
                    WHERE tc.table_schema = 'public' AND tc.table_name = col.table_name AND tc.constraint_type = 'PRIMARY KEY' AND k.column_name = col.column_name)
            FROM information_schema.columns col
            WHERE col.table_schema = 'public' AND col.table_name <> 'schemaversions'
            ORDER BY col.table_name, col.ordinal_position
            """))
        {
            schema.Columns.Add($"{col.Table}.{col.Name} {Type(col.Type)}{(col.Nullable == "NO" ? " not null" : "")}{(col.Pk is { } pk ? $" pk{pk}" : "")}");
        }

        foreach (var fk in await c.QueryAsync<(string Table, string From, string To, string ToColumn, string OnDelete)>(
            """
            SELECT cl.relname, a.attname, rt.relname, ra.attname,
                   CASE con.confdeltype WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' WHEN 'r' THEN 'restrict' ELSE 'no action' END
            FROM pg_constraint con
            JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class rt ON rt.oid = con.confrelid
            JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
            JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[1]
            WHERE con.contype = 'f' AND cl.relnamespace = 'public'::regnamespace
            """))
        {
            schema.ForeignKeys.Add($"{fk.Table}.{fk.From} -> {fk.To}.{fk.ToColumn} on delete {fk.OnDelete}");
        }

        foreach (var index in await c.QueryAsync<(string Table, string Name, bool Unique, bool Primary, bool Partial, long Columns, long Oid)>(
            """
            SELECT t.relname, i.relname, x.indisunique, x.indisprimary, x.indpred IS NOT NULL, x.indnatts, i.oid
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'schemaversions'
            """))
        {
            var columns = new List<string>();
            for (var k = 1; k <= index.Columns; k++)
            {
                var definition = await c.ExecuteScalarAsync<string>("SELECT pg_get_indexdef(@Oid::oid, @k, true)", new { index.Oid, k });
                columns.Add(IndexColumn().Match(definition!).Groups[1].Value);
            }

            if (index.Unique && !index.Primary)
            {
                schema.UniqueKeys.Add($"{index.Table}({string.Join(",", columns)}){(index.Partial ? " partial" : "")}");
            }

            // The GIN index over the search terms stands for SQLite's FTS5 table, compared above by its absence.
            if (!index.Unique && index.Name != "ix_claim_search_terms_search")
            {
                schema.Indexes.Add($"{index.Name} on {index.Table}({string.Join(",", columns)})");
            }
        }

        foreach (var table in tables)
        {
            var checks = await c.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM pg_constraint WHERE contype = 'c' AND conrelid = (quote_ident(@table))::regclass", new { table });
            schema.Checks.Add($"{table}: {checks} check(s)");
        }

        schema.Triggers.AddRange(await c.QueryAsync<string>(
            "SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace"));
        return Sorted(schema);
    }

    private static Schema Sorted(Schema s) =>
        new(s.Tables.Order(StringComparer.Ordinal).ToList(), s.Columns.Order(StringComparer.Ordinal).ToList(), s.ForeignKeys.Order(StringComparer.Ordinal).ToList(),
            s.UniqueKeys.Order(StringComparer.Ordinal).ToList(), s.Indexes.Order(StringComparer.Ordinal).ToList(), s.Checks.Order(StringComparer.Ordinal).ToList(),
            s.Triggers.Order(StringComparer.Ordinal).ToList());

    [GeneratedRegex(@"\bCHECK\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CheckClause();

    // "name", "(name COLLATE nocase)" or "created_at DESC" -> the column's name.
    [GeneratedRegex(@"^\(?""?(\w+)")]
    private static partial Regex IndexColumn();
}
