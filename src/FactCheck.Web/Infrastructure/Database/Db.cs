using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FactCheck.Web.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// Opens connections to the configured database (FactCheck:Database:Provider) with the settings every connection must
/// have. Handlers open one connection per operation and dispose it at the end; nothing holds one longer. Where the two
/// engines need different SQL, the handler picks its statement with IsPostgres.
public sealed class Db : IAsyncDisposable
{
    private readonly NpgsqlDataSource? postgres;

    public Db(string connectionString)
        : this(DatabaseProvider.Sqlite, connectionString)
    {
    }

    public Db(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            ConnectionString = builder.ConnectionString;
            DataSource = "";
            postgres = NpgsqlDataSource.Create(builder);
            return;
        }

        var sqlite = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        ConnectionString = sqlite.ToString();
        DataSource = sqlite.DataSource;
    }

    public DatabaseProvider Provider { get; }

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public string ConnectionString { get; }

    /// The SQLite file ("" on PostgreSQL).
    public string DataSource { get; }

    /// The folder holding the database file (the content root for an in-memory or PostgreSQL database).
    public string DataFolder =>
        DataSource.Length == 0 || DataSource == ":memory:" || DataSource.StartsWith("file:", StringComparison.Ordinal)
            ? AppContext.BaseDirectory
            : Path.GetDirectoryName(Path.GetFullPath(DataSource))!;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (postgres is not null)
        {
            return new PgConnection(await postgres.OpenConnectionAsync(cancellationToken));
        }

        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var pragmas = connection.CreateCommand();
            // busy_timeout lets writers queue behind one another instead of failing with "database is locked";
            // synchronous=FULL makes a commit survive a power cut as well as a process kill.
            pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// Settings stored in the database file itself; run once at start-up, outside any transaction. PostgreSQL needs none.
    public async Task ConfigureFileAsync(CancellationToken cancellationToken = default)
    {
        if (IsPostgres)
        {
            return;
        }

        if (DataSource.Length > 0 && DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// The few spellings the two engines do not share, for statements written once with a placeholder. Handlers that need
/// a whole different statement keep both versions side by side instead.
public static class SqlDialect
{
    public static bool IsPostgres(this DbConnection connection) => connection is PgConnection;

    /// SQLite's LIKE ignores the case of ASCII letters only; so does ILIKE under the "C" collation (which also lifts
    /// PostgreSQL's refusal of LIKE on a NOCASE column).
    public static string Like(this DbConnection connection, string column) =>
        connection.IsPostgres() ? $"{column} COLLATE \"C\" ILIKE" : $"{column} LIKE";

    /// A full-text condition on claim ids: FTS5's MATCH on SQLite, the GIN-indexed tsvector of the same terms on
    /// PostgreSQL; the parameter holds an FTS5 expression on SQLite, SearchText.ToTsQuery of it on PostgreSQL.
    public static string ClaimIdsMatching(this DbConnection connection, string parameter) =>
        connection.IsPostgres()
            ? $"SELECT claim_id FROM claim_search_terms WHERE search_vector(title, body) @@ {parameter}::tsquery"
            : $"SELECT rowid FROM claim_search WHERE claim_search MATCH {parameter}";
}
