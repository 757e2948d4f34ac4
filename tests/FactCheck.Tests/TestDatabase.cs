using FactCheck.Web.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FactCheck.Tests;

/// Which database the tests run on: SQLite files (the default) or, with FACTCHECK_TEST_PROVIDER=postgres, the PostgreSQL
/// server the PG* variables name (what `pg_virtualenv` sets). On PostgreSQL each app gets a database of its own, copied
/// from a template migrated once per test run (CREATE DATABASE … TEMPLATE copies files: a few ms, no migrations).
public static class TestDatabase
{
    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private static readonly string Template = $"factcheck_template_{Environment.ProcessId}";
    private static bool templateReady;

    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("FACTCHECK_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// The server named by PGHOST, PGPORT, PGUSER and PGPASSWORD, database name left to the caller.
    public static string ServerConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Environment.GetEnvironmentVariable("PGHOST") ?? "localhost",
            Port = int.TryParse(Environment.GetEnvironmentVariable("PGPORT"), out var port) ? port : 5432,
            Username = Environment.GetEnvironmentVariable("PGUSER") ?? "postgres",
            Password = Environment.GetEnvironmentVariable("PGPASSWORD"),
            Database = database,
            Pooling = pooling,
        }.ConnectionString;

    /// A new, migrated, empty database; its connection string.
    /// named: a database that outlives one app (a restart test names its folder); created on first use.
    public static async Task<string> CreatePostgresAsync(bool migrated = true, string? named = null)
    {
        var name = named ?? $"factcheck_test_{Guid.NewGuid():N}";
        if (named is not null && await ExistsAsync(named))
        {
            return ServerConnectionString(named);
        }

        await CreateLock.WaitAsync();
        try
        {
            if (migrated && !templateReady)
            {
                await AdminAsync($"DROP DATABASE IF EXISTS {Template} WITH (FORCE)");
                await AdminAsync($"CREATE DATABASE {Template} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
                await using (var db = new Db(DatabaseProvider.Postgres, ServerConnectionString(Template, pooling: false)))
                {
                    Migrator.Apply(db, NullLogger.Instance);
                }

                // The job store's schema too, as the app would install it at start: every copy starts with it.
                var jobs = new Hangfire.PostgreSql.PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
                _ = new Hangfire.PostgreSql.PostgreSqlStorage(
                    new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(ServerConnectionString(Template, pooling: false), jobs), jobs);

                templateReady = true;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => AdminAsync($"DROP DATABASE IF EXISTS {Template} WITH (FORCE)").GetAwaiter().GetResult();
            }

            // C collation and ctype: text sorts and lower() folds as SQLite's do (byte order, ASCII letters).
            await AdminAsync(migrated
                ? $"CREATE DATABASE {name} TEMPLATE {Template}"
                : $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        finally
        {
            CreateLock.Release();
        }

        return ServerConnectionString(name);
    }

    public static async Task DropPostgresAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task<bool> ExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
